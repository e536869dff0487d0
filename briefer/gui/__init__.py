"""The desktop app (Qt); only this package imports PySide6.

It presents core objects and turns key presses into core operations. Start it with
:func:`briefer.gui.app.run`.
"""
