"""Typed errors raised by the core; each reads as one line naming the thing and why.

Tree::

    BrieferError
    ├── ImportFailed(path, reason)        an article file could not be imported
    ├── TaxonomyError(path, line, reason) a taxonomy file is malformed
    ├── TemplateFailed(name, line, reason) a brief template failed to load or render
    ├── WorkspaceError(path, reason)      a workspace cannot be opened or changed
    │   └── WorkspaceDamaged(path, problems) the file is damaged; recover what is readable
    ├── NotFound(thing, reason)           an id or name that does not exist
    ├── InvalidInput(thing, reason)       a value the caller gave is not acceptable
    ├── WriteFailed(path, reason)         an output file could not be written (also an OSError)
    └── Cancelled                         the user cancelled a long operation

The command line prints ``briefer: error: <str(error)>``; the GUI shows the same
line. Any other exception is a bug and reaches the crash dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


class BrieferError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, thing: str, reason: str) -> None:
        super().__init__(f"{thing}: {reason}")
        self.thing = thing
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (sandboxed importers): rebuild them
        # from their attributes, whatever each subclass's __init__ takes.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[BrieferError], args: tuple[Any, ...], state: dict[str, Any]) -> BrieferError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ImportFailed(BrieferError):
    """An article file could not be turned into an article."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(str(path), reason)
        self.path = str(path)


class TaxonomyError(BrieferError):
    """A taxonomy file is malformed; ``line`` is 1-based, or None when unknown."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(where, reason)
        self.path = str(path)
        self.line = line


class TemplateFailed(BrieferError):
    """A brief template failed to load or render; ``line`` is 1-based or None."""

    def __init__(self, name: str, line: int | None, reason: str) -> None:
        where = f"{name}:{line}" if line else name
        super().__init__(where, reason)
        self.name = name
        self.line = line


class WorkspaceError(BrieferError):
    """A workspace file cannot be opened, read or changed."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(str(path), reason)
        self.path = str(path)


class WorkspaceDamaged(WorkspaceError):
    """A workspace file is damaged: ``problems`` lists what SQLite found (first few).

    The file is left as it was; it can still be opened read-only, and
    ``briefer recover`` copies what is readable into a new workspace.
    """

    def __init__(self, path: str | Path, problems: list[str] | tuple[str, ...]) -> None:
        first = problems[0] if problems else "unknown damage"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(
            path,
            f"the workspace is damaged: {first}{more}; 'briefer check' shows what is readable,"
            " 'briefer recover' copies it into a new workspace",
        )
        self.problems = tuple(problems)


class NotFound(BrieferError):
    """A referenced article, tag, brief or template does not exist."""


class InvalidInput(BrieferError):
    """A value given by the user or caller is not acceptable."""


class Cancelled(BrieferError):
    """The user cancelled a long operation."""

    def __init__(self, thing: str = "operation", reason: str = "cancelled") -> None:
        super().__init__(thing, reason)


class WriteFailed(BrieferError, OSError):
    """An output file (an export, a backup) could not be written; the old file is untouched.

    Also an OSError, so code that handles failed writes as such still does.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        BrieferError.__init__(self, str(path), reason)
        self.path = str(path)
