"""Fixtures shared by the page tests."""

from __future__ import annotations

from pathlib import Path

import pytest

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
