"""What only a browser shows: the map drew country shapes, Arabic reads right to left, nothing left localhost.

Screenshots are saved under the pytest temporary folder (and to $SCREENSHOT_DIR
when set) so a person can look at them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import external_requests, wait_for_app

ARABIC = re.compile("[\u0621-\u064a]")
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
PAGES = ["overview", "map", "timeline", "topics", "partner", "articles", "data"]


def _shot(page, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _wait_for_direction(page, direction: str) -> None:
    """The page's direction comes from a stylesheet element Streamlit may mount a moment after the content."""
    page.wait_for_function(
        "d => getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).direction === d",
        arg=direction, timeout=15_000)


def _wait_for_shaded_countries(page, count: int) -> None:
    """Until ``count`` partner countries are drawn with a shape (plotly keeps an empty path for a
    country the map's scale has no shape for: the Maldives at 1:110m)."""
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('path.choroplethlocation'))"
        ".filter(p => (p.getAttribute('d') || '').length > 0).length >= n", arg=count, timeout=60_000)


def _wait_for_charts(page, count: int = 1) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n", arg=count, timeout=60_000)


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_offline_in_arabic(streamlit_server, page, tmp_path, name):
    page.goto(f"{streamlit_server}/{name}")  # the link a colleague would be sent
    wait_for_app(page)
    assert page.get_by_text("Page not found").count() == 0
    if name in ("overview", "map", "timeline", "topics"):
        _wait_for_charts(page)
    if name in ("overview", "map"):  # the world map draws after its topojson arrives
        _wait_for_shaded_countries(page, 3)
    shot = _shot(page, f"{name}_ar", tmp_path)
    assert shot.stat().st_size > 10_000
    main = page.locator('[data-testid="stMain"]')
    _wait_for_direction(page, "rtl")
    text = main.inner_text()
    assert ARABIC.search(text), "no Arabic text on the page"
    assert not PRESENTATION_FORMS.search(text), "reshaped Arabic reached the browser"
    assert page.locator('[data-testid="stException"]').count() == 0
    assert external_requests(page.requests_seen) == []


def test_map_draws_countries_and_arabic_labels(streamlit_server, page, tmp_path):
    page.goto(f"{streamlit_server}/map")
    wait_for_app(page)
    # At 1:110m Egypt, Malaysia and Denmark are shaded; the Maldives has no shape at that scale,
    # but every partner, the Maldives included, has its marker.
    _wait_for_shaded_countries(page, 3)
    assert page.locator(".scattergeo .point").count() == 4
    assert page.locator(".geo path").count() > 4  # the land and borders of the whole world
    labels = page.evaluate(
        "Array.from(document.querySelectorAll('.js-plotly-plot text')).map(t => t.textContent).join(' ')")
    assert ARABIC.search(labels), "chart labels carry no Arabic"
    assert not PRESENTATION_FORMS.search(labels)
    requested = [u for u in page.requests_seen if "topojson" in u]
    assert requested and all("world_110m.json" in u for u in requested)
    # Detailed borders: the 1:50m shapes, in which the Maldives is shaded too.
    page.get_by_text("حدود مفصّلة").click()
    _wait_for_shaded_countries(page, 4)
    _shot(page, "map_detail_ar", tmp_path)
    assert any("world_50m.json" in u for u in page.requests_seen)
    assert external_requests(page.requests_seen) == []


def test_clicking_the_maldives_on_the_map_opens_its_profile(streamlit_server, page, tmp_path):
    page.goto(f"{streamlit_server}/map")
    wait_for_app(page)
    page.wait_for_function("document.querySelectorAll('.scattergeo .point').length >= 4", timeout=60_000)
    # The marker layer's points follow its data order; find the Maldives' marker from the figure's data.
    index = page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        const markers = gd.data.find(t => t.type === 'scattergeo');
        return markers.customdata.findIndex(row => row[0] === 'MDV');
    }""")
    assert index >= 0
    page.locator(".scattergeo .point").nth(index).click(force=True)
    page.wait_for_url(re.compile(r"/partner\?(.*&)?country=MDV"), timeout=30_000)
    wait_for_app(page)
    _wait_for_direction(page, "rtl")
    main = page.locator('[data-testid="stMain"]')
    page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').textContent"
                           ".includes('المالديف')", timeout=30_000)
    text = main.inner_text()
    assert "ملف الشريك: المالديف" in text and "23 نوفمبر 2025" in text
    assert not PRESENTATION_FORMS.search(text)
    _shot(page, "partner_mdv_ar", tmp_path)
    # The click also set the country filter: every other page shows the Maldives only.
    page.goto(f"{streamlit_server}/timeline?country=MDV")
    wait_for_app(page)
    _wait_for_charts(page)
    labels = page.evaluate(
        "Array.from(document.querySelectorAll('.js-plotly-plot .ytick text')).map(t => t.textContent).join('|')")
    assert "المالديف" in labels and "الدنمارك" not in labels


def test_english_mode_is_left_to_right(streamlit_server, page, tmp_path):
    page.goto(f"{streamlit_server}/timeline?lang=en")
    wait_for_app(page)
    _wait_for_charts(page)
    _shot(page, "timeline_en", tmp_path)
    _wait_for_direction(page, "ltr")
    assert "Visits timeline" in page.locator('[data-testid="stMain"]').inner_text()


def test_the_root_opens_the_overview_with_the_links_filters(streamlit_server, page):
    page.goto(f"{streamlit_server}/?lang=en&country=MDV")
    wait_for_app(page)
    page.wait_for_url(re.compile(r"/overview\?"), timeout=15_000)
    assert "lang=en" in page.url and "country=MDV" in page.url
    assert page.get_by_text("Page not found").count() == 0
    assert "IMCTC Diplomatic Engagements" in page.locator('[data-testid="stMain"]').inner_text()
