"""Undoable GUI commands (QUndoCommand): one workspace call to redo, its inverse to undo.

Not to be confused with :mod:`briefer.commands`, the command-line subcommands.
"""
