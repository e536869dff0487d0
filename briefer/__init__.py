"""Briefer: turn news reporting into cited situation briefs.

The core (everything but :mod:`briefer.gui`) never imports Qt: the command line,
the tests and the GUI all drive the same functions.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
