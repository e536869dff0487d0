"""Importers: any article file to normalised text plus metadata.

``extract_file`` reads one file in-process; ``extract_paths`` and
``import_paths`` (in :mod:`briefer.ingest.batch`) handle many files in a
sandboxed child process under :class:`Limits`.
"""

from briefer.ingest.limits import Limits
from briefer.ingest.registry import IMPORTERS, extract_file, walk

__all__ = ["IMPORTERS", "Limits", "extract_file", "walk"]
