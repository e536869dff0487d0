"""Subcommands of the ``briefer`` command line, one module per group.

Each module has ``register(subparsers)`` adding its commands; a command's
handler takes the parsed arguments and returns the exit status.
"""
