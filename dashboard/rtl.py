"""Bidirectional-text rules: the one module that decides how Arabic labels are prepared.

There are two kinds of renderer and they need opposite things:

* **Browsers** (plotly, Streamlit, HTML) shape Arabic and run the Unicode
  bidirectional algorithm themselves. They must receive text in *logical*
  order and *unshaped* (``browser_label``). The only help they need is for
  mixed-direction labels such as ``حلف الناتو (NATO)``: plotly draws labels as
  SVG text whose base direction is the page's (often LTR), so the brackets and
  the Latin run land on the wrong side. Wrapping the label in an isolate
  (RLI ... PDI) gives it its own base direction without disturbing its
  neighbours.
* **Renderers that cannot shape** (matplotlib < 3.11, Pillow without raqm,
  most PDF libraries) must receive text already shaped into presentation forms
  and already reordered into *visual* order (``static_label``).

Sending reshaped text to a browser is the classic bug: presentation-form
glyphs defeat the browser's own shaping, break search and copy/paste, and
read backwards once the browser reorders them again. ``find_layout_problems``
checks a plotly figure for exactly that, and for unwrapped mixed labels.

Nothing here runs at import time beyond compiling a few regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pandas as pd

from dashboard.preprocess.bidi import ALM, BIDI_CONTROLS, FSI, LRI, LRM, PDI, RLI, RLM

__all__ = [
    "LRI",
    "RLI",
    "FSI",
    "PDI",
    "LRM",
    "RLM",
    "ALM",
    "BIDI_CONTROLS",
    "PRESENTATION_FORMS_RE",
    "has_arabic",
    "has_presentation_forms",
    "is_mixed_direction",
    "is_isolated",
    "browser_label",
    "strip_bidi_controls",
    "strip_bidi_controls_frame",
    "static_label",
    "paragraph_direction",
    "find_layout_problems",
]

# The isolates (LRI, RLI, FSI, PDI), marks (LRM, RLM, ALM) and BIDI_CONTROLS, every invisible
# character whose only job is to steer the bidi algorithm, are defined once in preprocess/bidi.py
# (the pipeline deletes them too) and are public here.
_BIDI_CONTROLS_RE = re.compile("[" + BIDI_CONTROLS + "]")
_ISOLATE_INITIATORS = LRI + RLI + FSI

#: Arabic Presentation Forms-A (U+FB50-U+FDFF) and -B (U+FE70-U+FEFF): what
#: ``arabic_reshaper`` produces. Browsers must never see them. (U+FEFF, the
#: byte-order mark, sits at the end of block B and is caught too; a BOM in a
#: label is a bug of its own.)
PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

# Arabic-script letters (base block, Supplement, Extended-A, and the two
# presentation-form blocks, because reshaped text is still Arabic). Digits
# (U+0660-U+0669, U+06F0-U+06F9) and Arabic punctuation are excluded on
# purpose: they are not what makes a label right-to-left.
_ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]"
)
# Characters whose placement the bidi algorithm decides from context, and so
# can end up on the wrong side of an Arabic run: Latin (and other LTR)
# letters, European and Arabic-Indic digits, number separators and
# terminators, and other neutrals (brackets, quotes, colons, slashes, ...).
# Whitespace (WS), marks (NSM) and boundary-neutrals (BN) are harmless.
_RISKY_CLASSES = frozenset({"L", "EN", "AN", "ES", "ET", "CS", "ON"})


@lru_cache(maxsize=1)
def _risky_re() -> re.Pattern[str]:
    """One character class of every BMP character in ``_RISKY_CLASSES``.

    Built from ``unicodedata`` on first use (about 10 ms, once per process) so
    that ``is_mixed_direction`` is a single regex search instead of a Python
    loop over characters: charts call it for every distinct label. Characters
    outside the BMP (emoji, historic scripts) are all treated as risky.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:  # surrogates are not characters
            continue
        if unicodedata.bidirectional(chr(cp)) in _RISKY_CLASSES:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    parts = [f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges]
    # Two classes, not one: a class reaching beyond U+FFFF cannot be compiled
    # into sre's fast BMP bitmap and falls back to scanning thousands of
    # ranges per character (25 us per label instead of 1 us).
    return re.compile("[" + "".join(parts) + "]|[\\U00010000-\\U0010ffff]")
# Plotly's pseudo-HTML (<br>, <b>, <i>, <sup>, <span style=...>, <a href=...>):
# markup, not text, so ignored when deciding whether a label is mixed.
_TAG_RE = re.compile(r"<[^<>]*>")
_BR_SPLIT_RE = re.compile(r"(<br\s*/?>)", re.IGNORECASE)
# hovertemplate / texttemplate placeholders: %{customdata[0]}, %{y:,.0f}, ...
_PLACEHOLDER_RE = re.compile(r"%\{[^}]*\}")


def has_arabic(s: Any) -> bool:
    """Whether ``s`` contains at least one Arabic-script letter.

    Args:
        s: any value; non-strings (None, NA, numbers) give ``False``.

    Returns:
        True when an Arabic letter (including a presentation form) occurs.
    """
    return isinstance(s, str) and _ARABIC_LETTER_RE.search(s) is not None


def has_presentation_forms(s: Any) -> bool:
    """Whether ``s`` contains reshaped (presentation-form) Arabic characters."""
    return isinstance(s, str) and PRESENTATION_FORMS_RE.search(s) is not None


def is_mixed_direction(s: Any) -> bool:
    """Whether ``s`` mixes Arabic with characters the bidi algorithm could misplace.

    A label is mixed when it has Arabic letters *and* at least one Latin (or
    other left-to-right) letter, digit, bracket or punctuation mark. Pure
    Arabic words separated by spaces are not mixed: they render correctly in
    any context. Plotly markup tags (``<br>``, ``<b>``) and bidi controls are
    ignored.

    Args:
        s: any value; non-strings give ``False``.

    Returns:
        True when the label needs an isolate to display reliably.
    """
    if not has_arabic(s):
        return False
    text = _BIDI_CONTROLS_RE.sub("", _TAG_RE.sub("", s)) if "<" in s else s
    return _risky_re().search(text) is not None


def is_isolated(s: str) -> bool:
    """Whether the whole of ``s`` sits inside one isolate (LRI/RLI/FSI ... PDI).

    Leading and trailing whitespace is tolerated. The initiator must be closed
    by the *final* PDI, so ``RLI a PDI b RLI c PDI`` is not isolated as a
    whole.

    Args:
        s: a label.

    Returns:
        True when the first and last characters are a matching isolate pair.
    """
    s = s.strip()
    if len(s) < 2 or s[0] not in _ISOLATE_INITIATORS or s[-1] != PDI:
        return False
    depth = 0
    for i, ch in enumerate(s):
        if ch in _ISOLATE_INITIATORS:
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth == 0 and i != len(s) - 1:
                return False
    return depth == 0


def _wrap_line(line: str) -> str:
    """Wrap one display line in an isolate if it is mixed and not yet wrapped."""
    if not is_mixed_direction(line) or is_isolated(line):
        return line
    # The isolate's direction follows the label's own first strong character:
    # an Arabic label gets RLI; an English label quoting an Arabic word gets LRI.
    opener = RLI if paragraph_direction(line) == "rtl" else LRI
    return opener + line + PDI


def browser_label(s: Any) -> Any:
    """Prepare a label for a renderer that shapes text itself (plotly, Streamlit, HTML).

    The text stays in logical order and is never reshaped. A mixed-direction
    label is wrapped in RLI ... PDI (LRI ... PDI when its first strong letter
    is Latin) so that brackets, digits and Latin words stay where an Arabic
    reader expects them whatever the surrounding direction. Each ``<br>``
    separated line is wrapped on its own, because plotly draws each line as a
    separate SVG text span and an isolate cannot span two of them.

    Idempotent: an already wrapped label is returned unchanged. Pure Latin or
    numeric strings, pure Arabic strings and non-strings are returned as is.

    Args:
        s: the label (any value; non-strings pass through untouched).

    Returns:
        The label, isolated where needed.
    """
    if not isinstance(s, str) or not has_arabic(s):
        return s
    if "<" not in s:  # fast path: no markup, one line (charts call this per distinct label)
        return _wrap_line(s)
    parts = _BR_SPLIT_RE.split(s)
    # split() with a capturing group keeps the separators at odd positions.
    return "".join(p if i % 2 else _wrap_line(p) for i, p in enumerate(parts))


def strip_bidi_controls(s: Any) -> Any:
    """Remove isolates, embeddings, overrides and direction marks from a string.

    Use on data leaving the dashboard (CSV, Excel, clipboard): the controls are
    invisible, make equal-looking values compare unequal, and confuse
    spreadsheet formulas.

    Args:
        s: any value; non-strings pass through untouched.

    Returns:
        ``s`` without bidi control characters.
    """
    if not isinstance(s, str):
        return s
    return _BIDI_CONTROLS_RE.sub("", s)


def strip_bidi_controls_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``strip_bidi_controls`` over every text column of a DataFrame (vectorised).

    String-dtype columns are cleaned with one ``.str.replace`` each. Object
    columns are cleaned only where the value is a string, so numbers, dates
    and None in a mixed column are kept as they are.

    Args:
        df: any DataFrame; it is not modified.

    Returns:
        A copy with bidi controls removed from all string values.
    """
    out = df.copy()
    pattern = _BIDI_CONTROLS_RE.pattern
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.StringDtype):
            out[col] = s.str.replace(pattern, "", regex=True)
        elif s.dtype == object:
            is_str = s.map(lambda v: isinstance(v, str)).astype(bool)
            if is_str.any():
                cleaned = s[is_str].astype(str).str.replace(pattern, "", regex=True)
                out[col] = s.where(~is_str, cleaned).astype(object)
    return out


def static_label(s: Any) -> Any:
    """Prepare Arabic for a renderer that cannot shape (matplotlib < 3.11, Pillow without raqm, PDF).

    Reshapes the letters into their joined presentation forms
    (``arabic_reshaper.reshape``) and then reorders the string into visual
    order with ``bidi.algorithm.get_display``. The pure-Python
    ``bidi.algorithm`` implementation is used on purpose: python-bidi's
    top-level ``bidi.get_display`` (the Rust one) does not mirror brackets, so
    ``(الناتو)`` would come out as ``)الناتو(``.

    Never send the result to a browser (see ``browser_label``).

    Args:
        s: the label in logical order; non-strings and strings without Arabic
            are returned unchanged (after dropping bidi controls).

    Returns:
        The label in visual order with presentation forms.
    """
    if not isinstance(s, str):
        return s
    # Imported lazily: only static exports need these libraries.
    import arabic_reshaper
    from bidi.algorithm import get_display

    text = strip_bidi_controls(s)
    if not has_arabic(text):
        return text
    base = "R" if paragraph_direction(text) == "rtl" else "L"
    return get_display(arabic_reshaper.reshape(text), base_dir=base)


def paragraph_direction(s: Any, default: str = "ltr") -> str:
    """Base direction of a text by its first strong character (UBA rules P2-P3).

    Characters inside isolates are skipped, as the bidi algorithm does; if the
    only strong characters are inside an isolate (a label wrapped by
    ``browser_label``), the direction of the outermost isolate is used
    instead, so a wrapped Arabic label is still reported as ``"rtl"``.

    Args:
        s: the text; non-strings give ``default``.
        default: returned when there is no strong character at all (digits,
            punctuation, empty).

    Returns:
        ``"rtl"`` or ``"ltr"``.
    """
    if not isinstance(s, str):
        return default
    depth = 0
    first_isolate = None  # the first top-level isolate initiator (LRI, RLI or FSI)
    inside_first: str | None = None  # direction of the first strong character inside any isolate
    for ch in s:
        if ch in _ISOLATE_INITIATORS:
            if depth == 0 and first_isolate is None:
                first_isolate = ch
            depth += 1
            continue
        if ch == PDI:
            depth = max(depth - 1, 0)
            continue
        cls = unicodedata.bidirectional(ch)
        if cls not in ("L", "R", "AL"):
            continue
        direction = "ltr" if cls == "L" else "rtl"
        if depth == 0:
            return direction
        if inside_first is None:
            inside_first = direction
    if first_isolate == RLI:
        return "rtl"
    if first_isolate == LRI:
        return "ltr"
    if first_isolate == FSI and inside_first:
        return inside_first
    return default


# --------------------------------------------------------------------------
# Figure checks
# --------------------------------------------------------------------------

# Keys whose strings are templates: placeholders plus fixed text. They are
# checked for presentation forms only; the values substituted into them
# (customdata, x, y, text, ...) are checked on their own.
_TEMPLATE_KEYS = frozenset({
    "hovertemplate", "texttemplate", "hovertemplatefallback", "texttemplatefallback",
    "tickformat", "hoverformat", "xhoverformat", "yhoverformat", "zhoverformat",
    "valueformat", "tickprefix", "ticksuffix",
})
# Keys that are never displayed as text (or are plotly's own large tables).
_SKIP_KEYS = frozenset({"template", "meta", "uirevision", "colorscale", "colorway", "font"})


def _walk(obj: Any, path: str) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(path, string, is_template)`` for every string in a plotly JSON tree."""
    if isinstance(obj, str):
        yield path, obj, False
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if key in _SKIP_KEYS:
                continue
            sub = f"{path}.{key}" if path else key
            if key in _TEMPLATE_KEYS:
                for p, s, _ in _walk(value, sub):
                    yield p, s, True
            else:
                yield from _walk(value, sub)
    elif isinstance(obj, (list, tuple)):
        for i, value in enumerate(obj):
            yield from _walk(value, f"{path}[{i}]")
    elif hasattr(obj, "dtype") and hasattr(obj, "ravel"):  # numpy arrays
        if obj.dtype.kind in ("O", "U", "S"):
            for i, value in enumerate(obj.ravel().tolist()):
                yield from _walk(value, f"{path}[{i}]")


def find_layout_problems(fig: Any) -> list[str]:
    """Check every displayed string of a plotly figure for Arabic layout bugs.

    Walks all traces (text, hovertext, name, customdata, labels, x, y,
    locations, header/cell values, legend-group titles, colour-bar titles, ...)
    and the layout (title, legend title, axis titles and tick texts,
    annotations, ...), and reports:

    (a) any presentation-form character (text reshaped for a static renderer
        and sent to a browser), including inside hover/text templates;
    (b) any mixed-direction label not wrapped in an isolate. Templates
        (``hovertemplate``, ``texttemplate``) are exempt from this check; the
        values filled into them are checked where they live. Each ``<br>``
        line is judged on its own, as ``browser_label`` wraps it.

    Args:
        fig: a ``plotly.graph_objects.Figure`` (or its ``to_plotly_json()`` dict).

    Returns:
        One human-readable message per problem; empty when the figure is clean.
    """
    tree = fig if isinstance(fig, dict) else fig.to_plotly_json()
    problems: list[str] = []
    for path, s, is_template in _walk(tree, ""):
        if PRESENTATION_FORMS_RE.search(s):
            problems.append(f"{path}: presentation-form (reshaped) characters in {s!r}")
            continue
        if is_template or not has_arabic(s):
            continue
        text = _PLACEHOLDER_RE.sub("", s)
        for i, line in enumerate(_BR_SPLIT_RE.split(text)):
            if i % 2 == 0 and is_mixed_direction(line) and not is_isolated(line):
                problems.append(f"{path}: mixed-direction label not wrapped in isolates: {s!r}")
                break
    return problems
