"""When a Streamlit page is ready: shared by the browser tests and the first-render benchmark.

Streamlit marks its root ``[data-testid="stApp"]`` with ``data-test-script-state``
(``initial`` -> ``running`` -> ``notRunning``) and ``data-test-connection-state``;
while a run is in progress the status widget shows a running icon. A page is
ready when the script is idle and every chart on it has drawn its traces. The
state must still hold a moment later, so that a quick rerun (a widget that sets
itself) is not taken for the end; the time returned is when it was first reached,
not after that check.
"""

from __future__ import annotations

import time

SETTLE_MS = 400

_IDLE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return false;
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
    if (document.querySelector('[data-testid="stAppSkeleton"]')) return false;
    return true;
}"""

# A plotly chart has drawn when its traces are in the SVG (bars, markers, lines, map shapes, heatmap image).
_CHARTS_DRAWN_JS = """n => {
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    return plots.length >= n && plots.every(p =>
        p.querySelector('.main-svg g.trace, .main-svg .choroplethlocation, .main-svg image, .main-svg g.point'));
}"""


def wait_until_ready(page, charts: int = 0, timeout_ms: int = 120_000) -> float:
    """Block until the app is idle and at least ``charts`` charts have drawn; return when that first held.

    Args:
        page: a Playwright page.
        charts: how many charts the page must show drawn (0: none required).
        timeout_ms: give up after this long.
    Returns:
        ``time.perf_counter()`` at the first moment the page was ready (and stayed so).
    """
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000

    def ready() -> bool:
        return page.evaluate(_IDLE_JS) and page.evaluate(_CHARTS_DRAWN_JS, charts)

    while True:
        remaining_ms = max(1, int((deadline - time.monotonic()) * 1000))
        page.wait_for_function(_IDLE_JS, timeout=remaining_ms)
        if charts:
            page.wait_for_function(_CHARTS_DRAWN_JS, arg=charts, timeout=max(1, int((deadline - time.monotonic()) * 1000)))
        reached = time.perf_counter()
        page.wait_for_timeout(SETTLE_MS)  # a rerun may start right after a run
        if ready():
            return reached
        if time.monotonic() > deadline:
            raise TimeoutError(f"Streamlit app not ready after {timeout_ms} ms")
