"""An article's text as a MinHash signature, to find syndicated copies of one story (datasketch).

Computed once per article, in the pipeline's workers, and kept with the article
(``article_signatures``); ``events`` compares signatures through LSH buckets. Kept
apart from ``events`` so that a worker imports numpy and datasketch's MinHash, not
pandas or rapidfuzz.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import re
import sys
import types
import zlib

import numpy as np

from dashboard.preprocess.normalize import normalize


def _datasketch_minhash():
    """datasketch's MinHash, loading only its module.

    ``import datasketch`` runs the package's ``__init__``, which also loads LSH and with it
    scipy: 0.4 s that a worker (or a re-run adding one article) never needs. So the package is
    registered without running its ``__init__`` and ``datasketch.minhash`` loaded from it; code
    here imports datasketch's submodules (``datasketch.lsh``), which work either way.
    """
    if "datasketch" not in sys.modules:
        spec = importlib.util.find_spec("datasketch")
        package = types.ModuleType("datasketch")
        package.__path__ = list(spec.submodule_search_locations)
        package.__spec__ = spec
        sys.modules["datasketch"] = package
    from datasketch.minhash import MinHash

    return MinHash


MinHash = _datasketch_minhash()

NUM_PERM = 64  # Jaccard estimates within about ±0.06, 256 bytes an article
SHINGLE_WORDS = 3  # word 3-grams: the site furniture of a copy changes few of them
# datasketch's 32-bit scheme: signatures stored as 32-bit values read back the same.
SCHEME = "affine32"

_WORD_RE = re.compile(r"[\w\u0621-\u064a]+")


# The words a signature is taken over: a story's first 150 words say which story it is (a wire copy
# keeps them; another outlet's rewrite does not), and a long page's tail (comments, related links)
# would only dilute it. Measured on tests/corpus: same-event precision and recall 1.000 either way.
MAX_WORDS = 150


@functools.cache
def _permutations():
    return MinHash(num_perm=NUM_PERM).permutations


def _crc32(data: bytes) -> int:
    # A stable 32-bit hash in C: datasketch's default (SHA-1 in Python) was nine tenths of the time,
    # and Python's own hash() changes between processes, which stored signatures cannot.
    return zlib.crc32(data)


def _shingle_hashes(text: str) -> list[int]:
    """The CRC-32 (``_crc32``) of each word 3-shingle of a story's first ``MAX_WORDS`` words, in C
    from end to end (a Python function per shingle, and a set of them, were half of a signature's
    time); a shingle seen twice changes no minimum."""
    # A word and its space take under 12 characters: the story's start is all that is read.
    words = _WORD_RE.findall(normalize(text[:MAX_WORDS * 12]))[:MAX_WORDS]
    shingles = map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS))))
    return list(map(zlib.crc32, map(str.encode, shingles)))


# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to each hash before
# its permutations (``tests/test_events.py`` checks the signatures against datasketch's MinHash).
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_BATCH = 256  # texts whose shingles are permuted at once (about 40,000 x 64 values, 10 MB)


def text_signatures(texts: list[str]) -> list[str]:
    """``text_signature`` of many texts: their shingles go through datasketch's permutations
    (``MinHash.permutations``) together, in numpy, instead of through one MinHash each (whose
    set-up was a third of a signature)."""
    a, b = _permutations()
    s1, m1, s2, m2, s3 = _FMIX32
    found: list[str] = []
    for start in range(0, len(texts), _BATCH):
        hashes = [_shingle_hashes(text) for text in texts[start:start + _BATCH]]
        sizes = np.fromiter(map(len, hashes), dtype=np.int64, count=len(hashes))
        if not sizes.any():
            found += [""] * len(hashes)
            continue
        hv = np.fromiter(itertools.chain.from_iterable(hashes), dtype=np.uint32, count=int(sizes.sum()))
        hv ^= hv >> s1
        hv *= m1
        hv ^= hv >> s2
        hv *= m2
        hv ^= hv >> s3
        # One row per permutation (uint32: wraps around, as datasketch's scheme does), so that each
        # text's minimum is taken along contiguous memory.
        permuted = a[:, None] * hv + b[:, None]
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[sizes > 0]
        minima = np.ascontiguousarray(np.minimum.reduceat(permuted, starts, axis=1).T)
        hexes = iter(minima.tobytes().hex(" ", -NUM_PERM * 4).split(" "))
        found += [next(hexes) if size else "" for size in sizes]
    return found


def text_signature(text: str) -> str:
    """MinHash signature of an article's words, as hex text ("" for a text too short to shingle)."""
    return text_signatures([text])[0]


def minhash(hex_signature: str) -> MinHash | None:
    """The MinHash a stored signature stands for (None for an empty one)."""
    if not hex_signature:
        return None
    values = np.frombuffer(bytes.fromhex(hex_signature), dtype=np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, permutations=_permutations(), scheme=SCHEME,
                   hashfunc=_crc32)
