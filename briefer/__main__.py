"""``python -m briefer`` and the frozen build's entry point (packaging/briefer.spec)."""

from __future__ import annotations

import multiprocessing
import sys


def run() -> None:
    """Run the command line; in a frozen build, first serve a sandbox child if this is one."""
    # A frozen build has no Python to start the sandbox's "spawn" children with:
    # they re-run this executable, and freeze_support() turns them into workers.
    multiprocessing.freeze_support()
    from briefer.cli import main

    sys.exit(main())


if __name__ == "__main__":
    run()
