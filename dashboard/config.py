"""Paths the project reads and writes, from one place.

Environment variables are read when a function is called, never at import, so
tests and the load script can point a process at a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def articles_dir() -> Path:
    """Folder of source articles (and their metadata.csv)."""
    return Path(os.environ.get("IMCTC_ARTICLES_DIR", ROOT / "seeds"))


def data_dir() -> Path:
    """Folder the pipeline writes its tables and the SQLite store to."""
    return Path(os.environ.get("IMCTC_DATA_DIR", ROOT / "data"))


def static_dir() -> Path:
    """Folder Streamlit serves at /app/static (topojson, fonts)."""
    return ROOT / "static"
