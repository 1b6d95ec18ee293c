"""Presentation mode: the deck, large type, next/previous, partner slides, and both themes' contrast.

Pure parts (``dashboard.theme``, ``dashboard.presentation``, ``charts.presentation_layout``)
are tested directly; the page runs under Streamlit's AppTest on the seeds.
"""

from __future__ import annotations

import json
from numbers import Number
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts, presentation, theme
from dashboard.rtl import LRI, PDI, find_layout_problems, has_arabic

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
MIN_FONT = 20
MIN_TITLE = 28
#: Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green,
#: yellow, blue, vermillion, reddish purple, black.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")


# --------------------------------------------------------------------------
# Contrast (WCAG 2.x)
# --------------------------------------------------------------------------


def test_contrast_ratio_matches_the_wcag_formula():
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)  # order does not matter
    assert theme.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # Reference values from the WebAIM contrast checker.
    assert theme.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio("#0000FF", "#FFFFFF") == pytest.approx(8.59, abs=0.01)
    assert theme.contrast_ratio("#fff", "#000") == pytest.approx(21.0)
    with pytest.raises(ValueError):
        theme.contrast_ratio("#12345", "#FFFFFF")


@pytest.mark.parametrize("name", theme.THEMES)
def test_every_text_colour_of_both_themes_passes_aa(name):
    p = theme.palette(name)
    assert p.name == name
    failing = {label: round(theme.contrast_ratio(fg, bg), 2) for label, fg, bg in theme.text_pairs(p)
               if theme.contrast_ratio(fg, bg) < 4.5}
    assert failing == {}
    # Outlines of controls are non-text: WCAG 1.4.11 asks 3:1.
    assert theme.contrast_ratio(p.border, p.background) >= 3.0


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", theme.THEMES)
def test_chart_fonts_pass_aa_on_their_paper_and_sit_on_the_page_background(lang, name):
    st = charts.style(lang, name)
    assert theme.contrast_ratio(st.font_color, st.paper_bgcolor) >= 4.5
    assert theme.contrast_ratio(st.font_color, st.plot_bgcolor) >= 4.5
    # No visible box around a chart on a slide: the page is the chart's paper colour.
    assert st.paper_bgcolor.lower() == theme.palette(name).background.lower()


def test_categorical_palette_is_okabe_ito():
    assert charts.OKABE_ITO == OKABE_ITO
    assert charts.style("ar", "light").palette == OKABE_ITO
    # Dark theme: the same seven colours; only black (invisible on dark) becomes grey.
    assert charts.style("ar", "dark").palette[:7] == OKABE_ITO[:7]


@pytest.mark.parametrize("rtl", [True, False])
@pytest.mark.parametrize("name", theme.THEMES)
def test_presentation_css_is_layout_only(name, rtl):
    css = theme.presentation_css(name, rtl)
    assert css.startswith("<style>") and css.endswith("</style>")
    assert css.count("<") == 2  # no markup inside, so nothing but CSS
    assert not has_arabic(css)
    for hidden in ('[data-testid="stSidebar"]', '[data-testid="stHeader"]', '[data-testid="stToolbar"]',
                   '[data-testid="stDecoration"]', '[data-testid="stMainMenu"]', "footer"):
        assert hidden in css
    assert theme.palette(name).background in css


# --------------------------------------------------------------------------
# The deck and presentation type (pure)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory) -> tuple[pd.DataFrame, pd.DataFrame]:
    from dashboard.preprocess import pipeline

    out = tmp_path_factory.mktemp("present_seed")
    pipeline.run(ROOT / "seeds", out, progress_stream=None)
    return pd.read_parquet(out / "meetings.parquet"), pd.read_parquet(out / "meeting_topics.parquet")


def test_deck_has_the_fixed_slides_then_one_per_partner(seed_tables):
    meetings, _ = seed_tables
    deck = presentation.slides(meetings, "ar")
    assert [s.kind for s in deck[:4]] == ["headline", "map", "timeline", "topics"]
    partners = [s.iso3 for s in deck[4:]]
    assert sorted(partners) == sorted(set(meetings["partner_country_iso3"].dropna()) - {""})
    chosen = presentation.slides(meetings, "en", ("egy", "MDV", "EGY"))
    assert [(s.kind, s.iso3, s.title) for s in chosen[4:]] == [("partner", "EGY", "Egypt"),
                                                             ("partner", "MDV", "Maldives")]


def test_slide_numbers_are_clamped_and_step_stops_or_wraps():
    assert presentation.slide_from_query({}, 7) == 1
    assert presentation.slide_from_query({"slide": "3"}, 7) == 3
    assert presentation.slide_from_query({"slide": "99"}, 7) == 7
    assert presentation.slide_from_query({"slide": "-2"}, 7) == 1
    assert presentation.slide_from_query({"slide": "abc"}, 7) == 1
    assert presentation.step(7, 7, 1) == 7 and presentation.step(1, 7, -1) == 1
    assert presentation.step(7, 7, 1, wrap=True) == 1 and presentation.step(3, 7, 1) == 4


def test_partner_table_newest_first_undated_last_and_counts_what_it_leaves_out(seed_tables):
    meetings, topics = seed_tables
    mdv = presentation.partner_meetings(meetings, "mdv")
    assert len(mdv) == 1
    three = pd.concat([mdv.assign(date="2025-01-05"), mdv.assign(date=None), mdv])
    table, hidden = presentation.partner_table(three, "en", limit=2)
    assert list(table.columns) == ["Date", "Event type", "Visitor", "Location"]
    assert table["Date"].tolist() == ["23 Nov 2025", "5 Jan 2025"] and hidden == 1
    table, hidden = presentation.partner_table(three, "ar")
    assert table.iloc[-1, 0] == "بدون تاريخ" and hidden == 0
    assert find_layout_problems(go.Figure(go.Table(cells=dict(values=table.T.values.tolist())))) == []
    rows, total = presentation.top_topics(topics, "ar", limit=3)
    assert total > 3 and rows["topic_id"].nunique() == 3


def _small_fonts(tree, path="") -> list[str]:
    """Every explicit font size below MIN_FONT in a figure's JSON (the template aside)."""
    found = []
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key == "template":
                continue
            sub = f"{path}.{key}"
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), Number):
                if value["size"] < MIN_FONT:
                    found.append(f"{sub}.size={value['size']}")
            found += _small_fonts(value, sub)
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            found += _small_fonts(value, f"{path}[{i}]")
    return found


def _assert_presentation_type(spec: dict) -> None:
    layout = spec["layout"]
    assert layout["font"]["size"] >= MIN_FONT
    assert layout["title"]["font"]["size"] >= MIN_TITLE
    assert _small_fonts(spec) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_presentation_layout_enlarges_type_and_leaves_the_data_alone(seed_tables, lang):
    meetings, topics = seed_tables
    for fig in (charts.partner_map(meetings, lang), charts.visits_timeline(meetings, lang, theme="dark"),
                charts.monthly_bar(meetings, lang), charts.topic_bars(topics, lang),
                charts.topic_partner_heatmap(meetings, topics, lang), charts.topics_over_time(meetings, topics, lang),
                charts.empty_figure(lang, "x")):
        before = fig.to_json()
        big = charts.presentation_layout(fig, lang, height=800)
        spec = json.loads(big.to_json())
        _assert_presentation_type(spec)
        assert spec["layout"]["height"] == 800
        assert fig.to_json() == before  # the input figure is not modified
        old_data = json.loads(before)["data"]
        assert len(old_data) == len(spec["data"])
        for old, new in zip(old_data, spec["data"]):
            for key in ("x", "y", "z", "locations", "lat", "lon", "customdata", "text", "name", "hovertemplate"):
                assert old.get(key) == new.get(key), key
        before = json.loads(before)
        # Mirroring in Arabic is kept.
        assert spec["layout"]["title"]["x"] == before["layout"]["title"]["x"]
        assert find_layout_problems(big) == []


# --------------------------------------------------------------------------
# The page under AppTest
# --------------------------------------------------------------------------


pytestmark = pytest.mark.usefixtures("app_env")


def _present(**query: str) -> AppTest:
    """The app opened with ``?present=1`` plus ``query``: the entry file must switch to the presentation."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["present"] = "1"
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _counter(at: AppTest) -> tuple[int, int]:
    texts = [m.value for m in at.markdown if m.value.startswith(LRI) and " / " in m.value]
    assert len(texts) == 1, texts
    number, total = texts[0].strip(LRI + PDI).split(" / ")
    return int(number), int(total)


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _check_figures(at: AppTest) -> None:
    specs = _figures(at)
    assert specs, "the slide drew no chart"
    for spec in specs:
        assert find_layout_problems(go.Figure(spec)) == []
        _assert_presentation_type(spec)


def _paper(spec: dict) -> str:
    """A figure's paper colour (set by the builders' template)."""
    layout = spec["layout"]
    return (layout.get("paper_bgcolor") or layout["template"]["layout"]["paper_bgcolor"]).lower()


def _param(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


@pytest.mark.parametrize("name", theme.THEMES)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_presentation_runs_in_both_languages_and_themes(lang, name):
    at = _present(lang=lang, theme=name)
    assert _counter(at) == (1, 8)  # headline, map, timeline, topics + the seeds' 4 partner countries
    assert at.segmented_control(key="present_theme").value == name
    assert at.session_state["present_slide"] == 1 and _param(at, "slide") == "1"
    _check_figures(at)
    assert _paper(_figures(at)[0]) == charts.style(lang, name).paper_bgcolor.lower()
    css = [h.proto.body for h in at.get("html") if "stSidebar" in h.proto.body]
    assert css and theme.palette(name).background in css[-1]
    labels = {b.key: b.label for b in at.button}
    assert labels["present_next"] == ("التالي" if lang == "ar" else "Next")


def test_next_and_previous_walk_every_slide_and_keep_the_url_in_step():
    at = _present(country="MDV,EGY")
    total = _counter(at)[1]
    assert total == 6
    assert at.button(key="present_prev").disabled
    for expected in range(2, total + 1):
        at.button(key="present_next").click().run()
        assert not at.exception
        assert _counter(at) == (expected, total)
        assert _param(at, "slide") == str(expected) and at.session_state["present_slide"] == expected
        _check_figures(at)
    assert at.button(key="present_next").disabled
    at.button(key="present_prev").click().run()
    assert _counter(at) == (total - 1, total)
    # The filters stay in the URL beside the slide.
    assert _param(at, "country") == "MDV,EGY" and _param(at, "present") == "1"


def test_one_slide_per_selected_partner():
    at = _present(country="MDV,EGY", slide="5")
    assert _counter(at) == (5, 6)
    assert [h.value for h in at.header] == ["المالديف"]
    assert len(at.table) == 1 and "23 نوفمبر 2025" in " ".join(map(str, at.table[0].value.iloc[:, 0]))
    at.button(key="present_next").click().run()
    assert [h.value for h in at.header] == ["مصر"]
    _check_figures(at)


def test_slide_in_the_link_is_clamped_and_the_theme_switch_changes_the_charts():
    at = _present(slide="42")
    assert _counter(at) == (8, 8)
    at.segmented_control(key="present_theme").set_value("dark").run()
    assert _param(at, "theme") == "dark"
    assert _paper(_figures(at)[0]) == charts.style("ar", "dark").paper_bgcolor.lower()
    at.segmented_control(key="present_theme").set_value("light").run()
    assert _param(at, "theme") is None


def test_auto_advance_toggle_runs():
    at = _present()
    at.toggle(key="present_auto").set_value(True).run()
    assert not at.exception
    assert at.number_input(key="present_interval").value == 10
    assert _counter(at)[0] == 1  # the first tick comes after the interval, not at once


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_presented_partner_profile_is_one_more_slide_set(lang):
    at = _present(lang=lang, country="MDV", slide="5")
    assert _counter(at) == (5, 8)  # headline, map, timeline, topics + history, people, topics, agreements
    name = "المالديف" if lang == "ar" else "Maldives"
    headings = {"ar": ["سجل الاجتماعات", "الشخصيات التي التُقي بها", "الموضوعات", "الاتفاقيات ومذكرات التفاهم"],
                "en": ["Meeting history", "People met", "Topics", "Agreements and MoUs"]}[lang]
    assert [h.value for h in at.header] == [f"{name} — {headings[0]}"]
    history = " ".join(map(str, at.table[0].value.to_numpy().ravel()))
    assert "إبراهيم حلمي" in history and ("23 نوفمبر 2025" if lang == "ar" else "23 Nov 2025") in history
    for heading in headings[1:]:
        at.button(key="present_next").click().run()
        assert not at.exception
        assert [h.value for h in at.header] == [f"{name} — {heading}"]
        if heading != headings[-1]:  # the agreements slide is tables only
            _check_figures(at)
    assert at.button(key="present_next").disabled
