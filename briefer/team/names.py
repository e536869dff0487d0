"""The names team libraries use, without loading the PostgreSQL driver (the CLI's parser needs them)."""

from __future__ import annotations

DEFAULT_LIBRARY = "briefer"
#: Library roles, weakest first; each holds the one before it.
ROLES = ("reader", "tagger", "editor", "owner")
#: The kinds that carry a TLP marking (and so TLP:RED roles), with their tables.
RED_TABLES = {"article": "articles", "tag": "tags", "brief": "briefs"}
