"""Where Briefer's shipped data lives, in a checkout and in an installed wheel.

A checkout keeps ``templates/`` and ``resources/`` beside the package; a wheel
carries them inside it as ``briefer/_data/``. Callers never care which.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent
APP_NAME = "Briefer"


@cache
def _data_root() -> Path:
    bundled = _PACKAGE / "_data"
    if (bundled / "resources").is_dir():
        return bundled
    return _PACKAGE.parent


def resources_dir() -> Path:
    """The shipped resources folder (taxonomy.yaml, reference.docx, samples, lexicons)."""
    return _data_root() / "resources"


def templates_dir() -> Path:
    """The folder of built-in brief templates."""
    return _data_root() / "templates"


def resource(name: str) -> Path:
    """Path of one shipped resource file, e.g. ``resource("taxonomy.yaml")``."""
    return resources_dir() / name


def user_data_dir() -> Path:
    """The per-user data folder (demo workspace, backups); not created here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    """The per-user configuration folder (user taxonomy, user templates)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """The per-user cache folder (the HTTP cache of fetched pages); not created here."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
