"""Team library commands: ``briefer team init|join|leave|sync|status|resolve|share|grant``.

The PostgreSQL driver loads only when one of them runs (``briefer.team`` loads lazily).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from briefer import team
from briefer.commands.common import open_workspace, positive_int, print_json
from briefer.team.names import DEFAULT_LIBRARY, RED_TABLES, ROLES

if TYPE_CHECKING:
    import argparse

NO_PASSWORD_KEPT = ("note: the password in the DSN was not stored; later syncs find it through libpq"
                    " (PGPASSFILE or ~/.pgpass, a service file, PGPASSWORD)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``team`` command group."""
    group = sub.add_parser("team", help="share articles, tags and briefs through a PostgreSQL team library")
    team_sub = group.add_subparsers(dest="team_command", required=True, metavar="COMMAND")

    p = team_sub.add_parser("init", help="create (or migrate) a library on a PostgreSQL server")
    p.add_argument("dsn", help="a libpq connection string or URL (the password through PGPASSFILE)")
    p.add_argument("--library", default=DEFAULT_LIBRARY, help="its name (default %(default)s)")
    p.set_defaults(func=cmd_init)

    p = team_sub.add_parser("join", help="link a workspace to a library (everything in it is shared)")
    p.add_argument("workspace")
    p.add_argument("dsn")
    p.add_argument("--library", default=DEFAULT_LIBRARY, help="its name (default %(default)s)")
    p.set_defaults(func=cmd_join)

    p = team_sub.add_parser("leave", help="unlink a workspace from its library (its rows stay local)")
    p.add_argument("workspace")
    p.set_defaults(func=cmd_leave)

    p = team_sub.add_parser("sync", help="pull the team's changes, push this workspace's")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)

    p = team_sub.add_parser("status", help="the linked library, the last sync, changes waiting to be pushed")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = team_sub.add_parser("resolve", help="resolve a conflict of one row, keeping mine or theirs")
    p.add_argument("workspace")
    p.add_argument("uid", help="the uid a sync reported")
    p.add_argument("--keep", choices=("mine", "theirs"), required=True)
    p.set_defaults(func=cmd_resolve)

    p = team_sub.add_parser("share", help="the roles that may see a TLP:RED article, tag or brief")
    p.add_argument("workspace")
    p.add_argument("kind", choices=tuple(RED_TABLES))
    p.add_argument("id", type=positive_int)
    p.add_argument("roles", nargs="*", metavar="ROLE", help="PostgreSQL roles (none: only its author"
                                                            " and the owners)")
    p.set_defaults(func=cmd_share)

    p = team_sub.add_parser("grant", help="give a PostgreSQL role a library role")
    p.add_argument("dsn", help="an owner's connection string")
    p.add_argument("role", help="the analyst's PostgreSQL login role")
    p.add_argument("--as", dest="as_role", choices=ROLES, required=True)
    p.add_argument("--library", default=DEFAULT_LIBRARY, help="its name (default %(default)s)")
    p.set_defaults(func=cmd_grant)


def cmd_init(args: argparse.Namespace) -> int:
    """``briefer team init DSN``: create or migrate the library schema."""
    from briefer.team.library import check_name, connect, guarded, where
    from briefer.team.schema import SCHEMA_VERSION, migrate

    library = check_name(args.library)
    with connect(args.dsn) as conn, guarded(f"library {library} on {where(args.dsn)}"):
        old = migrate(conn, library)
    if old == SCHEMA_VERSION:
        print(f"Library {library} is up to date (schema {SCHEMA_VERSION})")
    else:
        print(f"Library {library} {'created' if old == 0 else 'migrated'} (schema {SCHEMA_VERSION})")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    """``briefer team join WS DSN``: link a workspace to a library."""
    with open_workspace(args.workspace) as ws:
        stripped = team.join(ws, args.dsn, args.library)
        pending = team.status(ws).pending
    if stripped:
        print(NO_PASSWORD_KEPT, file=sys.stderr)
    print(f"Joined library {args.library}; {pending} rows to push at the next 'briefer team sync'")
    return 0


def cmd_leave(args: argparse.Namespace) -> int:
    """``briefer team leave WS``: unlink a workspace."""
    with open_workspace(args.workspace) as ws:
        library = team.leave(ws)
    print(f"Left library {library}; the workspace keeps its rows")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """``briefer team sync WS``: pull, then push."""
    with open_workspace(args.workspace) as ws:
        result = team.sync(ws)
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"Pushed {result.pushed}, pulled {result.pulled}, {len(result.conflicts)} conflicts")
    for c in result.conflicts:
        print(f"  {c.what} {c.uid}: mine {c.mine!r}, theirs {c.theirs!r}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """``briefer team status WS``: library, last sync, pending changes."""
    with open_workspace(args.workspace, reading=True) as ws:
        status = team.status(ws)
    if args.json:
        print_json(status.to_json())
    else:
        print(f"Library {status.library}; last sync {status.last_sync or 'never'}; {status.pending} pending")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    """``briefer team resolve WS UID --keep mine|theirs``."""
    with open_workspace(args.workspace) as ws:
        count = team.resolve(ws, args.uid, args.keep)
    print(f"Resolved {count} conflicts of {args.uid} keeping {args.keep}; pushed at the next sync")
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    """``briefer team share WS KIND ID ROLE…``: who sees a TLP:RED row in the library."""
    with open_workspace(args.workspace) as ws:
        team.share_red(ws, args.kind, args.id, args.roles)
    shown = ", ".join(args.roles) or "its author and the library's owners only"
    print(f"{args.kind} {args.id}, when TLP:RED, is shown to {shown}; pushed at the next sync")
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    """``briefer team grant DSN ROLE --as reader|tagger|editor|owner``."""
    from briefer.team import roles

    roles.grant(args.dsn, args.role, args.as_role, args.library)
    print(f"{args.role} is now {args.as_role} of library {args.library}")
    return 0
