"""Bidi rules of dashboard.rtl: browser labels, static labels, and the figure checker."""

from __future__ import annotations

import arabic_reshaper
import bidi
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import rtl
from dashboard.rtl import FSI, LRI, PDI, RLI

NATO_MIXED = "حلف الناتو (NATO)"
NATO_AR = "(الناتو)"


def test_isolate_constants_are_the_unicode_isolates():
    assert (LRI, RLI, FSI, PDI) == ("\u2066", "\u2067", "\u2068", "\u2069")


@pytest.mark.parametrize(
    ("text", "arabic", "mixed"),
    [
        ("المالديف", True, False),
        ("المجال العسكري", True, False),  # Arabic words and a space: nothing to misplace
        (NATO_MIXED, True, True),  # Latin letters and brackets
        ("نوفمبر 2025", True, True),  # digits
        ("مصر، ماليزيا", True, True),  # Arabic comma is a neutral the algorithm places
        ("Maldives", False, False),
        ("2025-11-25", False, False),
        ("", False, False),
        (None, False, False),
        (3, False, False),
    ],
)
def test_has_arabic_and_is_mixed_direction(text, arabic, mixed):
    assert rtl.has_arabic(text) is arabic
    assert rtl.is_mixed_direction(text) is mixed


def test_browser_label_wraps_mixed_arabic_label_in_rli_pdi():
    assert rtl.browser_label(NATO_MIXED) == "\u2067حلف الناتو (NATO)\u2069"


def test_browser_label_is_idempotent():
    once = rtl.browser_label(NATO_MIXED)
    assert rtl.browser_label(once) == once


def test_browser_label_leaves_pure_strings_alone():
    for text in ("المالديف", "Maldives", "NATO (PA)", "2025", ""):
        assert rtl.browser_label(text) == text
    assert rtl.browser_label(None) is None
    assert rtl.browser_label(7) == 7


def test_browser_label_never_reshapes():
    out = rtl.browser_label(NATO_MIXED)
    assert not rtl.PRESENTATION_FORMS_RE.search(out)
    assert rtl.strip_bidi_controls(out) == NATO_MIXED  # logical order kept


def test_browser_label_english_label_with_arabic_word_gets_lri():
    assert rtl.browser_label("Meeting with الناتو") == LRI + "Meeting with الناتو" + PDI


def test_browser_label_wraps_each_br_line_separately():
    # Plotly draws each <br> line as its own SVG span; an isolate cannot span two.
    out = rtl.browser_label("اجتماعات: 3<br>مصر (EGY)")
    assert out == f"{RLI}اجتماعات: 3{PDI}<br>{RLI}مصر (EGY){PDI}"


def test_is_isolated_requires_one_outer_pair():
    assert rtl.is_isolated(RLI + "a" + PDI)
    assert rtl.is_isolated(RLI + "a" + LRI + "b" + PDI + PDI)
    assert not rtl.is_isolated(RLI + "a" + PDI + " b " + RLI + "c" + PDI)
    assert not rtl.is_isolated("a")


def test_strip_bidi_controls():
    dirty = "\u200f" + RLI + "مصر (EGY)" + PDI + "\u200e\u202b"
    assert rtl.strip_bidi_controls(dirty) == "مصر (EGY)"
    assert rtl.strip_bidi_controls(None) is None


def test_strip_bidi_controls_frame_cleans_string_columns_only():
    df = pd.DataFrame({
        "name": pd.Series([RLI + "مصر (EGY)" + PDI, "Maldives", pd.NA], dtype="string"),
        "mixed": pd.Series([RLI + "x" + PDI, 5, None], dtype=object),
        "n": [1, 2, 3],
    })
    out = rtl.strip_bidi_controls_frame(df)
    assert out["name"].tolist()[:2] == ["مصر (EGY)", "Maldives"]
    assert out["name"].isna().tolist() == [False, False, True]
    assert out["mixed"].tolist()[:2] == ["x", 5]  # the number is kept as a number
    assert out["n"].tolist() == [1, 2, 3]
    assert df["name"].iloc[0].startswith(RLI)  # input untouched


def test_static_label_reshapes_and_reorders_for_non_shaping_renderers():
    out = rtl.static_label("المالديف")
    assert rtl.PRESENTATION_FORMS_RE.search(out)
    # Visual order: the reshaped letters reversed.
    assert out == arabic_reshaper.reshape("المالديف")[::-1]


def test_static_label_mirrors_brackets():
    """``(الناتو)`` must still read as bracketed text after get_display.

    In visual (left-to-right storage) order the right-to-left text's logical
    closing bracket is drawn on the left with the mirrored glyph, so the
    visual string starts with "(" and ends with ")". python-bidi's top-level
    ``bidi.get_display`` forgets the mirroring and yields ")...(".
    """
    out = rtl.static_label(NATO_AR)
    shaped = arabic_reshaper.reshape("الناتو")
    assert out == "(" + shaped[::-1] + ")"
    # The trap this module avoids:
    assert bidi.get_display(arabic_reshaper.reshape(NATO_AR)) == ")" + shaped[::-1] + "("


def test_static_label_mixed_label_puts_latin_part_on_the_left():
    out = rtl.static_label(NATO_MIXED)
    assert out.startswith("(NATO) ")
    assert rtl.PRESENTATION_FORMS_RE.search(out)


def test_static_label_leaves_latin_alone_and_drops_isolates():
    assert rtl.static_label("Maldives") == "Maldives"
    assert rtl.static_label(rtl.browser_label(NATO_MIXED)) == rtl.static_label(NATO_MIXED)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("المالديف", "rtl"),
        ("NATO حلف", "ltr"),
        ("2025 مصر", "rtl"),  # digits are not strong; the first letter decides
        (NATO_MIXED, "rtl"),
        (RLI + NATO_MIXED + PDI, "rtl"),  # only isolated content: the isolate decides
        (LRI + "abc" + PDI + " مصر", "rtl"),  # isolate skipped, as UBA rule P2 says
        ("123", "ltr"),
        ("", "ltr"),
    ],
)
def test_paragraph_direction(text, direction):
    assert rtl.paragraph_direction(text) == direction


def test_paragraph_direction_default_for_no_strong_character():
    assert rtl.paragraph_direction("2025", default="rtl") == "rtl"


def test_find_layout_problems_accepts_clean_figure():
    fig = go.Figure(
        go.Bar(x=[1, 2], y=[rtl.browser_label(NATO_MIXED), "المالديف"],
               customdata=[[rtl.browser_label("مصر (EGY)")], ["مصر"]],
               hovertemplate="%{customdata[0]}<br>" + rtl.browser_label("اجتماعات: %{x}") + "<extra></extra>"),
        layout=dict(title=dict(text="المجال العسكري"), xaxis=dict(title=dict(text="Meetings"))),
    )
    assert rtl.find_layout_problems(fig) == []


def test_find_layout_problems_flags_unwrapped_mixed_label():
    fig = go.Figure(go.Bar(x=[1], y=[NATO_MIXED]))
    problems = rtl.find_layout_problems(fig)
    assert len(problems) == 1
    assert "not wrapped" in problems[0] and "y[0]" in problems[0]


def test_find_layout_problems_flags_reshaped_text_anywhere():
    reshaped = arabic_reshaper.reshape("المالديف")  # what a static renderer needs, wrong for a browser
    fig = go.Figure(
        go.Scatter(x=[1], y=[1], name=reshaped, hovertemplate=reshaped + " %{y}"),
        layout=dict(annotations=[dict(text=reshaped, x=0, y=0)],
                    yaxis=dict(tickvals=[1], ticktext=[reshaped])),
    )
    problems = rtl.find_layout_problems(fig)
    assert len(problems) == 4
    assert all("presentation-form" in p for p in problems)
    paths = " ".join(problems)
    for where in ("name", "hovertemplate", "annotations[0].text", "yaxis.ticktext[0]"):
        assert where in paths


def test_find_layout_problems_does_not_require_isolating_hovertemplates():
    fig = go.Figure(go.Scatter(x=[1], y=[1], hovertemplate="اجتماعات: %{y}<extra></extra>"))
    assert rtl.find_layout_problems(fig) == []


def test_find_layout_problems_checks_layout_titles_and_colorbars():
    fig = go.Figure(
        go.Heatmap(z=[[1]], colorbar=dict(title=dict(text="عدد (n)"))),
        layout=dict(title=dict(text=NATO_MIXED), legend=dict(title=dict(text="نوع (type)"))),
    )
    paths = " ".join(rtl.find_layout_problems(fig))
    assert "colorbar.title.text" in paths
    assert "layout.title.text" in paths
    assert "legend.title.text" in paths


@pytest.mark.parametrize("control", list(rtl.BIDI_CONTROLS))
def test_every_bidi_control_is_dropped_wherever_text_is_cleaned(control):
    """One list of bidi controls (preprocess/bidi.py, public as rtl.BIDI_CONTROLS) serves every place:
    matching forms, line edges of articles, file names of uploads, and labels."""
    from dashboard import ingest
    from dashboard.preprocess.normalize import normalize

    assert normalize(f"مص{control}ر") == normalize("مصر")
    assert ingest.shown_name(f"{control}تقرير.txt") == "تقرير.txt"
    assert rtl.strip_bidi_controls(f"{control}مصر{control}") == "مصر"
