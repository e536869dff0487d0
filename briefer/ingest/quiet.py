"""Silencing the libraries importers use: they log and warn about every odd file.

An importer reports what matters as its own one-line error; library chatter
would only reach the user's terminal as noise (and fail tests that turn
warnings into errors).
"""

from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Within the block: no warnings, and ``loggers`` only pass CRITICAL records."""
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)
