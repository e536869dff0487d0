"""Corroboration from the command line: ``briefer stories|claims|conflicts``.

The ``--json`` shapes are contracts (issue 15): ``stories`` prints
``[{"story", "articles"}]``, ``claims`` ``[{"claim", "kind", "tags", "articles",
"independent_sources", "suggested_credibility"}]``, ``conflicts`` ``[{"conflict",
"kind", "about", "values": [{"tag", "article", "value", "unit"}]}]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from briefer.analysis.corroboration import analyse
from briefer.analysis.stories import clusters
from briefer.commands.common import open_workspace, positive_int, print_json

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence


class _Reported(Protocol):
    def to_json(self) -> object: ...

_CREDIBILITY = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
                6: "cannot be judged"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``stories``, ``claims`` and ``conflicts``."""
    p = sub.add_parser("stories", help="articles telling the same story (clusters of two or more)")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stories)
    for name, help_text, func in (
            ("claims", "items asserting the same thing, their independent sources and suggested"
                       " credibility", cmd_claims),
            ("conflicts", "reports of one figure that disagree", cmd_conflicts)):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("workspace")
        p.add_argument("--brief", type=positive_int, metavar="B",
                       help="only what brief B's items claim (sources counted across the workspace)")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)


def cmd_stories(args: argparse.Namespace) -> int:
    """``briefer stories WS``: the clusters of articles telling one story."""
    with open_workspace(args.workspace, reading=True) as ws:
        stories = clusters(ws)
    return _report(args, stories, lambda s: f"story {s.number}: articles {', '.join(map(str, s.articles))}")


def cmd_claims(args: argparse.Namespace) -> int:
    """``briefer claims WS [--brief B]``: items asserting the same thing, with independent sources."""
    with open_workspace(args.workspace, reading=True) as ws:
        claims = analyse(ws, args.brief).claims
    return _report(args, claims, lambda c: (
        f"claim {c.number} ({c.kind}): tags {', '.join(map(str, c.tags))};"
        f" {c.independent_sources} independent source{'s' * (c.independent_sources != 1)};"
        f" suggested credibility {c.suggested_credibility} ({_CREDIBILITY[c.suggested_credibility]})"))


def cmd_conflicts(args: argparse.Namespace) -> int:
    """``briefer conflicts WS [--brief B]``: the same metric reported with different values."""
    with open_workspace(args.workspace, reading=True) as ws:
        conflicts = analyse(ws, args.brief).conflicts
    return _report(args, conflicts, lambda c: f"conflict {c.number} ({c.about}): " + "; ".join(
        f"{v.value} {v.unit or ''}".rstrip() + f" (tag {v.tag}, article {v.article})" for v in c.values))


def _report(args: argparse.Namespace, rows: Sequence[_Reported], line: Callable[[Any], str]) -> int:
    """Print ``rows`` as a JSON list (``--json``) or one ``line`` each."""
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        for row in rows:
            print(line(row))
    return 0
