"""Presentation mode in Chromium at 1920x1080: no sidebar or chrome, chart text >= 20 px, both themes.

Screenshots (light and dark) go to $SCREENSHOT_DIR when set, else the test's tmp_path.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.browser.conftest import external_requests, wait_for_app

VIEWPORT = {"width": 1920, "height": 1080}
# Tick labels, legend entries, chart and axis titles of every plotly chart on the slide.
_FONT_SIZES_JS = """() => Array.from(document.querySelectorAll(
    '.js-plotly-plot .xtick text, .js-plotly-plot .ytick text, .js-plotly-plot .legendtext, '
    + '.js-plotly-plot .gtitle, .js-plotly-plot .xtitle, .js-plotly-plot .ytitle'))
  .filter(t => t.textContent.trim() !== '')
  .map(t => parseFloat(getComputedStyle(t).fontSize))"""


def _shot(page, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))  # the viewport: what the audience sees
    return path


def _background(page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).backgroundColor")


def test_presentation_mode_full_screen_large_type_both_themes(streamlit_server, browser, tmp_path):
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda req: seen.append(req.url))
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{streamlit_server}/?present=1")
        wait_for_app(page)
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=60_000)
        page.wait_for_function(
            "new URLSearchParams(location.search).get('slide') === '1' && location.pathname.endsWith('/present')",
            timeout=30_000)

        # The slide is the whole screen: no sidebar, header, toolbar or decoration.
        for test_id in ("stSidebar", "stHeader", "stToolbar", "stDecoration"):
            assert page.locator(f'[data-testid="{test_id}"]').is_hidden(), test_id
        assert page.evaluate(
            "getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).direction") == "rtl"
        # Next comes after previous in reading order: on the left in Arabic.
        prev_box = page.locator(".st-key-present_prev button").bounding_box()
        next_box = page.locator(".st-key-present_next button").bounding_box()
        assert next_box["x"] < prev_box["x"]

        sizes = page.evaluate(_FONT_SIZES_JS)
        assert sizes and min(sizes) >= 20, sizes
        light = _shot(page, "present_ar_light", tmp_path)
        assert light.stat().st_size > 10_000
        assert _background(page) == "rgb(255, 255, 255)"

        page.get_by_role("radio", name="داكن").click()
        wait_for_app(page)
        page.wait_for_function("new URLSearchParams(location.search).get('theme') === 'dark'", timeout=30_000)
        assert _background(page) == "rgb(14, 17, 23)"
        assert min(page.evaluate(_FONT_SIZES_JS)) >= 20
        dark = _shot(page, "present_ar_dark", tmp_path)
        assert dark.stat().st_size > 10_000
        assert page.locator('[data-testid="stException"]').count() == 0
        assert external_requests(seen) == []
    finally:
        context.close()


def test_every_headline_figure_fits_its_column_on_a_smaller_projector(streamlit_server, browser, tmp_path):
    # 1600x1000: the latest visit ("25 نوفمبر 2025") once overflowed into "25 نوفمبر 25...".
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{streamlit_server}/present")
        wait_for_app(page)
        page.wait_for_selector('.st-key-metric_latest [data-testid="stMetricValue"]')
        overflowing = page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid="stMetricValue"] > div'))
            .filter(v => v.scrollWidth > v.clientWidth + 1).map(v => v.textContent)""")
        assert overflowing == []
        assert "2025" in page.locator('.st-key-metric_latest [data-testid="stMetricValue"]').inner_text()
        _shot(page, "present_ar_1600", tmp_path)
    finally:
        context.close()
