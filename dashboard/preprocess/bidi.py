"""The invisible characters of bidirectional text: the project's one list of them.

Here rather than in ``dashboard/rtl.py`` so that the pipeline (which deletes them
before matching and strips them from line edges) does not depend on the UI layer;
``rtl`` imports and re-exports them. Written as escapes: invisible characters in
source code are impossible to review.
"""

from __future__ import annotations

__all__ = ["LRI", "RLI", "FSI", "PDI", "LRM", "RLM", "ALM", "EMBEDDINGS", "BIDI_CONTROLS", "ZERO_WIDTH", "BOM",
           "INVISIBLE"]

# Isolates (Unicode 6.3).
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
# Marks: zero-width strong characters (left-to-right, right-to-left, Arabic letter mark).
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
# Legacy embeddings and overrides: LRE, RLE, PDF, LRO, RLO.
EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"

#: Every invisible character whose only job is to steer the bidi algorithm.
BIDI_CONTROLS = LRI + RLI + FSI + PDI + LRM + RLM + ALM + EMBEDDINGS
#: Zero-width space, non-joiner and joiner.
ZERO_WIDTH = "\u200b\u200c\u200d"
#: Byte-order mark (zero-width no-break space) left inside text.
BOM = "\ufeff"
#: Everything invisible that copy-pasted web text is full of: bidi controls, zero-width characters, BOM.
INVISIBLE = ZERO_WIDTH + BIDI_CONTROLS + BOM
