"""An article's text as a MinHash signature, to find syndicated copies of one story (datasketch).

Computed once per article, in the pipeline's workers, and kept with the article
(``article_signatures``); ``events`` compares signatures through LSH buckets. Kept
apart from ``events`` so that a worker imports numpy and datasketch's MinHash, not
pandas or rapidfuzz.
"""

from __future__ import annotations

import functools
import importlib.util
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


def text_signature(text: str) -> str:
    """MinHash signature of an article's words, as hex text ("" for a text too short to shingle)."""
    # A word and its space take under 12 characters: the story's start is all that is read.
    words = _WORD_RE.findall(normalize(text[:MAX_WORDS * 12]))[:MAX_WORDS]
    # Each shingle's CRC-32 (``_crc32``), in C from end to end (a Python function per shingle, and
    # a set of them, were half of a signature's time); a shingle seen twice changes no minimum.
    shingles = map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS))))
    hashes = list(map(zlib.crc32, map(str.encode, shingles)))
    if not hashes:
        return ""
    # The values are hashed already: ``int`` hands them on as they are.
    signature = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=SCHEME, hashfunc=int)
    signature.update_batch(hashes)
    return signature.hashvalues.astype(np.uint32).tobytes().hex()


def minhash(hex_signature: str) -> MinHash | None:
    """The MinHash a stored signature stands for (None for an empty one)."""
    if not hex_signature:
        return None
    values = np.frombuffer(bytes.fromhex(hex_signature), dtype=np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, permutations=_permutations(), scheme=SCHEME,
                   hashfunc=_crc32)
