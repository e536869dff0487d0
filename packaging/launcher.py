"""The frozen build's script: PyInstaller freezes this, which runs ``briefer``."""

from briefer.__main__ import run

run()
