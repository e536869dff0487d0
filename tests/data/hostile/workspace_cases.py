from collections.abc import Iterator
from pathlib import Path

from tests.data.hostile.corpus import Case


def cases(folder: Path) -> Iterator[Case]:
    yield from ()
