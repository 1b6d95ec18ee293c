"""The security promises in the README's SECURITY section, checked against the code and configuration."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
APP_SOURCES = [ROOT / "streamlit_app.py", *sorted((ROOT / "dashboard").rglob("*.py"))]


def test_no_telemetry_and_loopback_by_default():
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["server"]["address"] == "127.0.0.1"


def test_xsrf_and_cors_protection_are_left_on():
    server = CONFIG["server"]
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True


def test_no_raw_html_switches_in_the_app():
    for path in APP_SOURCES:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"unsafe_allow_html\s*=\s*True", text), path
        assert not re.search(r"unsafe_allow_javascript\s*=\s*True", text), path


def test_the_app_names_no_outside_host():
    # Only loopback addresses may appear in code that runs (benchmarks talk to their own server).
    for path in APP_SOURCES:
        for url in re.findall(r"https?://[^\s\"'{}]+", path.read_text(encoding="utf-8")):
            assert url.startswith(("http://127.0.0.1", "http://localhost")), (path, url)
