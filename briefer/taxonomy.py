"""Tag kinds (key, label, shortcut, colour, fields) loaded from YAML.

The shipped ``resources/taxonomy.yaml`` defines the defaults; a user file may add
kinds or override one by key. A malformed file raises :class:`TaxonomyError`
naming the file, the line and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefer import yamlsafe
from briefer.errors import TaxonomyError
from briefer.files import read_regular
from briefer.paths import resource

FIELD_TYPES = ("text", "number", "date")
_KEY_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Field:
    """One attribute of a tag kind, e.g. a quote's speaker."""

    key: str
    label: str
    type: str = "text"


@dataclass(frozen=True, slots=True)
class Kind:
    """A tag kind: what it is called, its key press, its colour and its fields."""

    key: str
    label: str
    shortcut: str
    colour: str
    fields: tuple[Field, ...] = ()

    def field_keys(self) -> tuple[str, ...]:
        """The keys of this kind's fields, in order."""
        return tuple(f.key for f in self.fields)


class Taxonomy:
    """An ordered set of kinds, looked up by key or by shortcut."""

    def __init__(self, kinds: list[Kind]) -> None:
        self._kinds = {k.key: k for k in kinds}

    def __iter__(self) -> Iterator[Kind]:
        return iter(self._kinds.values())

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, key: object) -> bool:
        return key in self._kinds

    def __getitem__(self, key: str) -> Kind:
        return self._kinds[key]

    def keys(self) -> list[str]:
        """Kind keys in display order."""
        return list(self._kinds)

    def by_shortcut(self, shortcut: str) -> Kind | None:
        """The kind bound to a key press, or None."""
        return next((k for k in self._kinds.values() if k.shortcut == shortcut), None)

    def merged(self, other: Taxonomy) -> Taxonomy:
        """This taxonomy with ``other``'s kinds added or overriding by key."""
        kinds = dict(self._kinds)
        kinds.update(other._kinds)
        return Taxonomy(list(kinds.values()))


def load(user_file: str | Path | None = None) -> Taxonomy:
    """The shipped taxonomy, merged with ``user_file`` when given.

    Raises TaxonomyError when either file is malformed or two kinds share a shortcut.
    """
    taxonomy = load_file(resource("taxonomy.yaml"))
    if user_file is not None:
        taxonomy = taxonomy.merged(load_file(user_file))
        _check_shortcuts(taxonomy, Path(user_file))
    return taxonomy


def load_file(path: str | Path) -> Taxonomy:
    """Parse one taxonomy YAML file (safe loader); raise TaxonomyError with a line."""
    path = Path(path)
    try:
        data = read_regular(path, _MAX_BYTES)
    except OSError as exc:
        raise TaxonomyError(path, None, exc.strerror or "cannot be read") from exc
    if len(data) > _MAX_BYTES:
        raise TaxonomyError(path, None, "file is larger than 1 MB")
    try:
        text = data.decode("utf-8")
        root = yamlsafe.compose(text)
        if root is not None:
            yamlsafe.construct(root)  # refuses tags that would construct objects
    except UnicodeDecodeError as exc:
        raise TaxonomyError(path, None, "not UTF-8 text") from exc
    except yamlsafe.YamlProblem as exc:
        raise TaxonomyError(path, exc.line, f"invalid YAML: {exc.reason}") from exc
    kinds_node = _mapping_value(path, root, "kinds", required=True)
    if not isinstance(kinds_node, yaml.SequenceNode):
        raise _error(path, kinds_node, "'kinds' must be a list")
    kinds = [_kind(path, node) for node in kinds_node.value]
    taxonomy = Taxonomy(kinds)
    if len(taxonomy) != len(kinds):
        raise TaxonomyError(path, None, "two kinds share the same key")
    _check_shortcuts(taxonomy, path)
    return taxonomy


def _error(path: Path, node: yaml.Node | None, reason: str) -> TaxonomyError:
    line = node.start_mark.line + 1 if node is not None else None
    return TaxonomyError(path, line, reason)


def _mapping_value(
    path: Path, node: yaml.Node | None, key: str, *, required: bool
) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, "expected a mapping")
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    if required:
        raise _error(path, node, f"missing '{key}'")
    return None


def _scalar(path: Path, node: yaml.Node, key: str, *, required: bool = True) -> str | None:
    value = _mapping_value(path, node, key, required=required)
    if value is None:
        return None
    if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
        raise _error(path, value, f"'{key}' must be a non-empty text")
    return str(value.value).strip()


def _kind(path: Path, node: yaml.Node) -> Kind:
    key = _scalar(path, node, "key")
    assert key is not None
    if not _KEY_RE.match(key):
        raise _error(path, node, f"kind key {key[:40]!r} must be lower-case letters, digits, - or _")
    label = _scalar(path, node, "label", required=False) or key
    shortcut = _scalar(path, node, "shortcut")
    assert shortcut is not None
    if len(shortcut) != 1 or not shortcut.isprintable() or shortcut.isspace():
        raise _error(path, node, f"kind {key!r}: shortcut must be one printable character")
    colour = _scalar(path, node, "colour")
    assert colour is not None
    if not _COLOUR_RE.match(colour):
        raise _error(path, node, f"kind {key!r}: colour {colour!r} is not #RRGGBB")
    fields_node = _mapping_value(path, node, "fields", required=False)
    fields: list[Field] = []
    if fields_node is not None and not (
        isinstance(fields_node, yaml.ScalarNode) and fields_node.value in ("", "null", "~")
    ):
        if not isinstance(fields_node, yaml.SequenceNode):
            raise _error(path, fields_node, f"kind {key!r}: 'fields' must be a list")
        for field_node in fields_node.value:
            fkey = _scalar(path, field_node, "key")
            assert fkey is not None
            ftype = _scalar(path, field_node, "type", required=False) or "text"
            if ftype not in FIELD_TYPES:
                raise _error(
                    path, field_node, f"field {fkey!r}: type must be one of {', '.join(FIELD_TYPES)}"
                )
            flabel = _scalar(path, field_node, "label", required=False) or fkey
            fields.append(Field(fkey, flabel, ftype))
    return Kind(key, label, shortcut, colour.lower(), tuple(fields))


def _check_shortcuts(taxonomy: Taxonomy, path: Path) -> None:
    seen: dict[str, str] = {}
    for kind in taxonomy:
        if kind.shortcut in seen:
            raise TaxonomyError(
                path, None,
                f"kinds {seen[kind.shortcut]!r} and {kind.key!r} share shortcut {kind.shortcut!r}",
            )
        seen[kind.shortcut] = kind.key
