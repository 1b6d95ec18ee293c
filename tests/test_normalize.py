"""Long texts are normalised through numpy lookup tables: the same results as the regex and
str.translate rules, character for character and offset for offset."""

from __future__ import annotations

import random
from pathlib import Path

from dashboard.preprocess import normalize as N

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _reference(text: str) -> tuple[str, list[int], float]:
    normalised = N._DELETION_RE.sub("", text).translate(N._TRANSLATION)
    offsets = [i for i, ch in enumerate(text) if ch not in N._DELETED_SET]
    letters = len(N._LETTER_RE.findall(text))
    share = len(N.ARABIC_LETTER_RE.findall(text)) / letters if letters else 0.0
    return normalised, offsets, share


def _texts() -> list[str]:
    rng = random.Random(7)
    alphabet = (list(N._DELETED) + list(N._SUBSTITUTIONS) + [chr(c) for c in range(0x0600, 0x0700)]
                + list("abcXYZ_ \n\t123.,²½Ⅻ") + ["\U0001F600", "\U0001D400", "\U00020000", "\ud800", "\uffff"])
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3 * N._VECTOR_FROM))) for _ in range(2000)]
    texts += ["a" * N._VECTOR_FROM, "\u064b" * N._VECTOR_FROM, "\U0001F600" * N._VECTOR_FROM, ""]
    return texts


def test_vectorised_rules_equal_the_regex_rules():
    for text in _texts():
        normalised, offsets, share = _reference(text)
        assert N.normalize(text) == normalised, repr(text)
        nt = N.normalize_with_offsets(text)
        assert (nt.text, nt.offsets, nt.original_length) == (normalised, offsets, len(text)), repr(text)
        assert N.arabic_share(text) == share, repr(text)
