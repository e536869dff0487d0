"""Tag kinds (key, label, shortcut, colour, fields) loaded from YAML.

The shipped ``resources/taxonomy.yaml`` defines the defaults; a user file may add
kinds or override one by key. A malformed file raises :class:`TaxonomyError`
naming the file, the line and the problem.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from briefer import yamlsafe
from briefer.errors import InvalidInput, TaxonomyError
from briefer.files import read_regular
from briefer.paths import resource, user_config_dir

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from briefer.model import AttrValue

FIELD_TYPES = ("text", "number", "date")
_KEY_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_MAX_BYTES = 1_000_000
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:[.]\d*)?|[.]\d+)(?:[eE][+-]?\d+)?")
_GROUPING = str.maketrans("", "", ",_ \u00a0\u202f")  # 160,000 · 160_000 · 160 000
#: The ISO 8601 forms Briefer writes: year, month, day, ISO week, day with time.
_ISO_RE = re.compile(r"\d{4}(?:-W(?:0[1-9]|[1-4]\d|5[0-3])|-(?:0[1-9]|1[0-2])(?:-\d{2}(?:T.+)?)?)?")


@dataclass(frozen=True, slots=True)
class Field:
    """One attribute of a tag kind, e.g. a quote's speaker."""

    key: str
    label: str
    type: str = "text"

    def parse(self, value: AttrValue) -> AttrValue:
        """``value`` as this field's type: text, a number (``"160,000"`` -> 160000) or an ISO date.

        Raises InvalidInput naming the field and why when the value is not of the type.
        """
        if self.type == "number":
            return _number(self.key, value)
        if not isinstance(value, str):
            raise InvalidInput(f"{self.key}={value}", "is not text")
        if self.type == "date":
            return _iso_date(self.key, value)
        return value


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

    def parse(self, attributes: Mapping[str, AttrValue]) -> dict[str, AttrValue]:
        """Attributes with this kind's fields parsed by type (empty ones dropped, others kept).

        Raises InvalidInput for the first value that is not of its field's type.
        """
        fields = {f.key: f for f in self.fields}
        parsed: dict[str, AttrValue] = {}
        for key, value in attributes.items():
            if value is None or value == "":
                continue
            field = fields.get(key)
            parsed[key] = field.parse(value) if field is not None else value
        return parsed


def _number(key: str, value: AttrValue) -> int | float:
    """A number field's value: a number, or text holding one (digits grouped or not)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = value.strip().translate(_GROUPING) if isinstance(value, str) else ""
    if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        raise InvalidInput(f"{key}={str(value)[:40]}", "is not a finite number")
    if not _NUMBER_RE.fullmatch(text):
        raise InvalidInput(f"{key}={value}", "is not a number")
    number = float(text)
    if not math.isfinite(number):
        raise InvalidInput(f"{key}={str(value)[:40]}", "is not a finite number")
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _iso_date(key: str, value: str) -> str:
    """A date field's value: ISO 8601 (``2026``, ``2026-10``, ``2026-10-05``, ``2026-W44``, with a time)."""
    text = value.strip()
    valid = bool(_ISO_RE.fullmatch(text))
    if valid and len(text) >= 10:
        try:
            (datetime.fromisoformat if len(text) > 10 else date.fromisoformat)(text)
        except ValueError:
            valid = False
    if not valid:
        raise InvalidInput(f"{key}={value}", "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


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


def load_default() -> Taxonomy:
    """The shipped taxonomy merged with the user's ``taxonomy.yaml`` when there is one."""
    user_file = user_config_dir() / "taxonomy.yaml"
    return load(user_file if user_file.is_file() else None)


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
    pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
    for key_node, value_node in pairs:
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
