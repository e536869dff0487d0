"""The desktop app (Qt). Only this package imports PySide6; it presents core objects
and turns key presses into core operations. Start it with :func:`briefer.gui.app.run`.
"""
