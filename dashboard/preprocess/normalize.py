"""Arabic normalisation for matching, with a map back to the original text.

Matching runs on normalised text; everything shown to a user comes from the
original. ``normalize_with_offsets`` therefore returns, beside the normalised
string, the original index of every normalised character, so a match at
``[i, j)`` in the normalised text is ``[offsets[i], offsets[j - 1] + 1)`` in
the original.

Every rule is either a deletion (diacritics, tatweel, bidi controls) or a
one-to-one substitution (letter forms, digits), so the mapping is a plain list.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dashboard.preprocess.bidi import INVISIBLE

# Harakat, tanween, shadda, sukun, dagger alef, Quranic marks, tatweel, and the
# invisible direction marks that copy-pasted web text is full of.
_DELETED = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"
    "\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2"
    "\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
    "\u0640"  # tatweel
    "\u00ad"  # soft hyphen
) + INVISIBLE
_DELETED_SET = frozenset(_DELETED)

_SUBSTITUTIONS = {
    # alef forms -> bare alef
    "\u0622": "\u0627",  # alef with madda
    "\u0623": "\u0627",  # alef with hamza above
    "\u0625": "\u0627",  # alef with hamza below
    "\u0671": "\u0627",  # alef wasla
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    # hamza carriers
    "\u0624": "\u0648",  # waw with hamza -> waw
    "\u0626": "\u064a",  # yeh with hamza -> yeh
    # alef maqsura and Persian yeh -> yeh; Persian kaf -> kaf
    "\u0649": "\u064a",
    "\u06cc": "\u064a",
    "\u06a9": "\u0643",
    # taa marbuta -> heh
    "\u0629": "\u0647",
    # Arabic-Indic and Extended Arabic-Indic digits -> ASCII
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    # Arabic punctuation that matters for sentence and number parsing
    "\u060c": ",",  # Arabic comma
    "\u061b": ";",  # Arabic semicolon
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u00a0": " ",  # no-break space
}
_TRANSLATION = str.maketrans(_SUBSTITUTIONS)
_DELETION_RE = re.compile("[" + re.escape(_DELETED) + "]")

ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_LETTER_RE = re.compile(r"[^\W\d_]")

# From this length on, texts go through numpy lookup tables (the same rules, 4-15x faster on
# an article; slower on a few words, which keep the regex and str.translate).
_VECTOR_FROM = 128
_BMP = 0x10000


@functools.cache
def _maps():
    """(code point -> normalised code point, code point -> deleted), for the Basic Multilingual
    Plane: every rule is about characters in it, so any other character is kept as it is."""
    import numpy as np

    mapped = np.arange(_BMP, dtype=np.uint32)
    for source, target in _SUBSTITUTIONS.items():
        mapped[ord(source)] = ord(target)
    deleted = np.zeros(_BMP, dtype=bool)
    deleted[[ord(ch) for ch in _DELETED]] = True
    return mapped, deleted


@functools.cache
def _letters():
    """code point -> matches ``_LETTER_RE``, for the Basic Multilingual Plane."""
    import numpy as np

    letters = np.zeros(_BMP, dtype=bool)
    for run in re.finditer(r"[^\W\d_]+", "".join(map(chr, range(_BMP)))):
        letters[run.start():run.end()] = True
    return letters


def _code_points(text: str):
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _vector_normalize(text: str):
    """(normalised text, kept: a boolean array over ``text``, or None when nothing is deleted)."""
    import numpy as np

    points = _code_points(text)
    mapped, deleted = _maps()
    low = np.minimum(points, _BMP - 1)
    out = mapped[low]
    astral = points >= _BMP
    if astral.any():
        out = np.where(astral, points, out)
    gone = deleted[low] & ~astral
    kept = ~gone if gone.any() else None
    if kept is not None:
        out = out[kept]
    return out.tobytes().decode("utf-32-le", "surrogatepass"), kept


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string and, for each of its characters, the index it came from."""

    text: str
    offsets: list[int]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text to the original."""
        if end <= start:
            anchor = self.offsets[start] if start < len(self.offsets) else self.original_length
            return anchor, anchor
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> str:
    """Normalise Arabic text for matching (no offsets kept)."""
    if len(text) >= _VECTOR_FROM:
        return _vector_normalize(text)[0]
    return _DELETION_RE.sub("", text).translate(_TRANSLATION)


def normalize_with_offsets(text: str) -> NormalizedText:
    """Normalise ``text`` and remember where each kept character came from.

    Args:
        text: original text, as shown to users.
    Returns:
        NormalizedText whose ``offsets[i]`` is the original index of ``text[i]``.
    """
    if len(text) >= _VECTOR_FROM:
        normalised, kept = _vector_normalize(text)
        offsets = list(range(len(text))) if kept is None else kept.nonzero()[0].tolist()
        return NormalizedText(normalised, offsets, len(text))
    if not _DELETION_RE.search(text):
        return NormalizedText(text.translate(_TRANSLATION), list(range(len(text))), len(text))
    offsets = [i for i, ch in enumerate(text) if ch not in _DELETED_SET]
    kept = _DELETION_RE.sub("", text)
    return NormalizedText(kept.translate(_TRANSLATION), offsets, len(text))


def arabic_share(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters)."""
    if len(text) >= _VECTOR_FROM:
        import numpy as np

        points = _code_points(text)
        letters = int(np.count_nonzero(_letters()[np.minimum(points, _BMP - 1)] & (points < _BMP)))
        astral = points[points >= _BMP]
        if astral.size:
            letters += len(_LETTER_RE.findall("".join(map(chr, astral.tolist()))))
        arabic = int(np.count_nonzero((points >= 0x0621) & (points <= 0x064A)))
    else:
        letters = len(_LETTER_RE.findall(text))
        arabic = len(ARABIC_LETTER_RE.findall(text)) if letters else 0
    if not letters:
        return 0.0
    return arabic / letters
