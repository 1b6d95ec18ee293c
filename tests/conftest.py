"""Fixtures shared by the tests: the seeds' data folder for the page tests, and the small hand-made
tables of ``samples.py`` for the chart and analytics tests (a module may define its own ``meetings``
or ``topics``, which then wins)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import samples

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A data folder per test module: the pipeline builds the seeds' tables there once."""
    return tmp_path_factory.mktemp("data")


@pytest.fixture
def app_env(data_dir, monkeypatch):
    """The dashboard on the seeds, writing to this module's data folder, with empty Streamlit caches
    (AppTest runs share them within the process)."""
    import streamlit as st

    monkeypatch.setenv("IMCTC_DATA_DIR", str(data_dir))
    monkeypatch.setenv("IMCTC_ARTICLES_DIR", str(ROOT / "seeds"))
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def meetings() -> pd.DataFrame:
    """``samples.meetings()``: six meetings, one undated, one with an organisation only."""
    return samples.meetings()


@pytest.fixture
def topics() -> pd.DataFrame:
    """``samples.topics()``: their topic rows, some background-only."""
    return samples.topics()


@pytest.fixture
def dense() -> pd.DataFrame:
    """``samples.dense()``: eleven meetings of two partners in early 2025."""
    return samples.dense()


@pytest.fixture
def no_browser_drawing(monkeypatch) -> list:
    """Blank PNGs instead of Chromium for the export's chart drawing (``render.render_pngs``): for tests
    that read a deck's text and tables. Returns the figures that would have been drawn, in order."""
    import io

    from PIL import Image

    from dashboard.export import render

    drawn = []

    def fake_render(figures, sizes=None, scale=2, timeout=90):
        drawn.extend(figures)
        out = []
        for width, height in sizes:
            buffer = io.BytesIO()
            Image.new("RGB", (width * scale, height * scale), "white").save(buffer, format="PNG")
            out.append(buffer.getvalue())
        return out

    monkeypatch.setattr(render, "render_pngs", fake_render)
    return drawn
