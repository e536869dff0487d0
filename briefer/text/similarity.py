r"""How much of one text is another: word shingles and MinHash signatures.

A text is the set of its word 3-grams (lower-cased ``\w+`` tokens); two texts'
similarity is the Jaccard index of those sets, estimated from MinHash
signatures (datasketch) of :data:`PERMUTATIONS` values. Signatures are split in
:data:`BANDS` bands for locality-sensitive lookup: texts that share a band
bucket are candidates, and only candidates are compared. Used at import (a
near-duplicate report) and meant for grouping articles into stories.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

SHINGLE = 3
PERMUTATIONS = 128
BANDS = 32
_ROWS = PERMUTATIONS // BANDS
_SEED = 13
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The distinct runs of ``size`` consecutive lower-cased words of ``text``."""
    words = _TOKEN.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash signature (``PERMUTATIONS`` unsigned 32-bit values)."""

    values: np.ndarray

    @classmethod
    def of(cls, text: str) -> Signature:
        """The signature of ``text``."""
        from datasketch import MinHash

        minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED)
        minhash.update_batch(list(shingles(text)))
        return cls(minhash.hashvalues.astype(np.uint32))

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        """A signature stored with :meth:`to_bytes`."""
        return cls(np.frombuffer(data, dtype="<u4"))

    def to_bytes(self) -> bytes:
        """The signature as ``4 × PERMUTATIONS`` little-endian bytes."""
        return self.values.astype("<u4").tobytes()

    def similarity(self, other: Signature) -> float:
        """The estimated Jaccard similarity (0–1) of the two texts."""
        return float(np.count_nonzero(self.values == other.values)) / len(self.values)

    def buckets(self) -> list[int]:
        """One bucket number per band (signed 63-bit, for SQLite), band order."""
        raw = self.values.astype("<u4").tobytes()
        size = 4 * _ROWS
        return [int.from_bytes(hashlib.blake2b(raw[i * size:(i + 1) * size], digest_size=8)
                               .digest(), "little") >> 1 for i in range(BANDS)]
