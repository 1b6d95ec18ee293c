"""Real-browser test harness: a live Streamlit server and headless Chromium.

Fixtures
--------
``streamlit_server``  (session) runs ``streamlit run streamlit_app.py`` from the
    repo root on a free 127.0.0.1 port, with ``IMCTC_DATA_DIR`` pointing at a
    temporary folder, and yields the base URL (``http://127.0.0.1:PORT``, a str
    that also has ``.log_path``, ``.data_dir`` and ``.log_tail()``).
``browser``           (session) Playwright's headless Chromium (/usr/bin/chromium).
    Skipped when Chromium or Playwright is missing, unless ``CI`` is set, in
    which case the test fails instead.
``page``              (function) a fresh 1600x1000 page in its own context; every
    URL it requests (websockets included) is appended to ``page.requests_seen``.
``wait_for_app``      (function) returns the :func:`wait_for_app` helper, so
    tests need not import this conftest.

Helpers
-------
:func:`wait_for_app` waits until Streamlit has connected and finished running
the script. :func:`external_requests` returns the URLs that left the machine
(anything not on 127.0.0.0/8, localhost or [::1]).

Every test collected under tests/browser gets the ``browser`` marker.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.waits import wait_until_ready

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1600, "height": 1000}

HEALTH_TIMEOUT_S = 60.0
APP_TIMEOUT_MS = 120_000  # first run builds the data set; 2-core machines are slow


# --------------------------------------------------------------------------- #
# markers
# --------------------------------------------------------------------------- #
def pytest_collection_modifyitems(config, items):
    for item in items:
        try:
            Path(str(item.path)).resolve().relative_to(HERE)
        except ValueError:
            continue
        item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- #
# helpers
# --------------------------------------------------------------------------- #
def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str):
    """Skip locally, but fail in CI, where the browser must be there."""
    if _in_ci():
        pytest.fail(f"{reason} (CI is set, so this is an error, not a skip)", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, n: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "<no log>"


def is_local_url(url: str) -> bool:
    """True for URLs that stay on this machine (or carry no network access)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-error", "devtools"):
        return True
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def external_requests(urls) -> list[str]:
    """The URLs in ``urls`` that left 127.0.0.0/8 / localhost / [::1]."""
    return [u for u in urls if not is_local_url(u)]


def wait_for_app(page, timeout_ms: int = APP_TIMEOUT_MS) -> None:
    """Wait until Streamlit is connected and the script has finished running (``waits.wait_until_ready``)."""
    wait_until_ready(page, charts=0, timeout_ms=timeout_ms)


class ServerURL(str):
    """The server's base URL (a plain str), plus ``log_path`` and ``data_dir``."""

    log_path: Path
    data_dir: Path

    def __new__(cls, url: str, *, log_path: Path, data_dir: Path):
        obj = super().__new__(cls, url)
        obj.log_path = log_path
        obj.data_dir = data_dir
        return obj

    def log_tail(self, n: int = 60) -> str:
        return _tail(self.log_path, n)


# --------------------------------------------------------------------------- #
# fixtures
# --------------------------------------------------------------------------- #
@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory):
    """Start the real app on a free loopback port; yield its base URL."""
    app = ROOT / "streamlit_app.py"
    if not app.exists():
        pytest.fail(f"{app} not found", pytrace=False)

    work = tmp_path_factory.mktemp("streamlit")
    data_dir = work / "data"
    data_dir.mkdir()
    log_path = work / "server.log"
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"

    env = dict(os.environ)
    env.update(
        IMCTC_DATA_DIR=str(data_dir),
        PYTHONUNBUFFERED="1",
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
        STREAMLIT_SERVER_FILE_WATCHER_TYPE="none",
        STREAMLIT_SERVER_RUN_ON_SAVE="false",
    )
    cmd = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
    ]
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )

    def stop():
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=5)
        log.close()

    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with code {proc.returncode} before it was healthy:\n"
                    + _tail(log_path)
                )
            try:
                with urllib.request.urlopen(base_url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"streamlit not healthy after {HEALTH_TIMEOUT_S:.0f} s:\n" + _tail(log_path)
                )
            time.sleep(0.25)
    except BaseException:
        stop()
        raise

    try:
        yield ServerURL(base_url, log_path=log_path, data_dir=data_dir)
    finally:
        stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (sync API)."""
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright python package is not installed")

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except BaseException:
        pw.stop()
        raise
    try:
        yield b
    finally:
        try:
            b.close()
        finally:
            pw.stop()


@pytest.fixture
def page(browser):
    """A fresh page (own context) whose request URLs land in ``page.requests_seen``."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    pg = context.new_page()
    pg.requests_seen = []
    pg.on("request", lambda req: pg.requests_seen.append(req.url))
    pg.on("websocket", lambda ws: pg.requests_seen.append(ws.url))
    pg.set_default_timeout(30_000)
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(name="wait_for_app")
def wait_for_app_fixture():
    """The :func:`wait_for_app` helper, as a fixture."""
    return wait_for_app


__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "ROOT",
    "VIEWPORT",
    "external_requests",
    "is_local_url",
    "wait_for_app",
]
