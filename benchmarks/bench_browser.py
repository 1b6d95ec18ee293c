"""First render of each page in headless Chromium at 10,000 meetings: ``python -m benchmarks.bench_browser``.

Builds a synthetic seed-like corpus (``benchmarks.bench.make_corpus``), runs the
pipeline, starts the dashboard on it, loads each page once to fill the caches,
then times three fresh page loads: from navigation until Streamlit is idle and
every chart has drawn. The pages are the four chart pages and the profile of the
busiest partner. Needs /usr/bin/chromium (Debian's chromium package).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from dashboard import config
from benchmarks.bench import make_corpus
from tests.browser.waits import wait_until_ready
from dashboard.preprocess.pipeline import run

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# url path -> (charts to wait for, also wait for map shapes); the partner profile is added for the
# busiest partner of the corpus (``_busiest_partner``).
PAGES = {"overview": (3, True), "map": (1, True), "timeline": (2, False), "topics": (3, False)}
PROFILE_CHARTS = 3  # counterparts over time, topics against the others, topics over time


def _busiest_partner(data: Path) -> tuple[str, int]:
    """The partner country with the most events in the store, and how many: whose profile to open."""
    from dashboard import analytics, loading

    tables = loading.load_tables(data)
    directory = analytics.partner_directory(tables.events)
    countries = directory[directory["kind"] == "country"]
    return str(countries["key"].iloc[0]), int(countries["meetings"].iloc[0])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_drawn(page, charts: int, shapes: bool) -> float:
    """The browser tests' wait (``tests.browser.waits``): every chart drawn and the script idle, still so
    a moment later; returns when that first held. The world map also waits for its country shapes."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=120_000)
    if shapes:
        page.wait_for_function("Array.from(document.querySelectorAll('path.choroplethlocation'))"
                               ".some(p => (p.getAttribute('d') || '').length > 0)", timeout=120_000)
    return wait_until_ready(page, charts=charts)


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        articles, data = Path(tmp) / "articles", Path(tmp) / "data"
        make_corpus(articles, args.articles)
        started = time.perf_counter()
        report = run(articles, data, progress_stream=None)
        print(f"pipeline: {args.articles} articles, {report.meetings} meetings in {time.perf_counter() - started:.1f} s")
        partner, meetings = _busiest_partner(data)
        pages = PAGES | {f"partner?country={partner}": (PROFILE_CHARTS, False)}
        print(f"partner profile: {partner}, {meetings} meetings")
        port = _free_port()
        env = dict(os.environ, IMCTC_ARTICLES_DIR=str(articles), IMCTC_DATA_DIR=str(data))
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port)],
            cwd=config.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.5)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                print(f"{'page':>24} {'first render s (median of 3, caches warm)':>44}")
                for path, (charts, shapes) in pages.items():
                    page.goto(f"http://127.0.0.1:{port}/{path}")
                    _wait_until_drawn(page, charts, shapes)  # warm-up: fills Streamlit's caches
                    timings = []
                    for _ in range(3):
                        started = time.perf_counter()
                        page.goto(f"http://127.0.0.1:{port}/{path}")
                        timings.append(_wait_until_drawn(page, charts, shapes) - started)
                    print(f"{path:>24} {statistics.median(timings):>44.2f}", flush=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
