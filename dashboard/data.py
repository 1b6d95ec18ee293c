"""The only place with Streamlit caches: build the tables if needed, then load them (``loading.load_tables``).

The cache is keyed on a fingerprint of the articles' content and of the store,
so a rerun of a page (every widget change) costs a dictionary lookup, and new
or edited articles are picked up on the next interaction.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, fields
from pathlib import Path

import streamlit as st

from dashboard import config
from dashboard.loading import LoadedTables, load_tables, store_stamp
from dashboard.preprocess import pipeline


@dataclass(frozen=True)
class Dataset(LoadedTables):
    """``loading.load_tables``' tables, and ``version``: changes whenever any of them may have (a cache key
    for what is computed from them)."""

    version: str = ""


def articles_fingerprint(folder: Path) -> str:
    """Hash of every article file's name, size and modification time (and metadata.csv's): the cache key.

    A stat per file keeps a rerun cheap at 10,000 articles (hashing their bytes took 0.2 s per
    rerun; pathlib's iterdir and stat 0.16 s, os.scandir 0.05 s); the pipeline the key triggers is
    itself keyed on content, so a touched but unchanged file costs a cache lookup, not a re-extraction.
    """
    lines = []
    if folder.is_dir():
        with os.scandir(folder) as entries:
            for entry in entries:
                suffix = os.path.splitext(entry.name)[1].lower()
                if (suffix in pipeline.SUPPORTED_SUFFIXES or entry.name == pipeline.METADATA_FILE) \
                        and entry.is_file():
                    stat = entry.stat()
                    lines.append(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n")
    return hashlib.sha256("".join(sorted(lines)).encode()).hexdigest()


# A resource, not cache_data: cache_data hands every run its own unpickled copy, which took
# 0.2-0.3 s per rerun at 10,000 meetings. Sharing one object is safe because pandas 3 copies on
# write, and nothing assigns into these frames (tests/test_pages.py checks a run leaves them as they were).
@st.cache_resource(show_spinner=False, max_entries=4)
def _load(articles_dir: str, data_dir: str, fingerprint: str, stamp: str) -> Dataset:
    version = hashlib.sha256("\0".join((articles_dir, data_dir, fingerprint, stamp)).encode()).hexdigest()[:16]
    tables = load_tables(Path(data_dir))
    return Dataset(**{f.name: getattr(tables, f.name) for f in fields(tables)}, version=version)


@st.cache_resource(show_spinner=False)
def _built_for(articles_dir: str, data_dir: str, fingerprint: str) -> str:
    """Run the (incremental) pipeline once per distinct articles content."""
    pipeline.run(Path(articles_dir), Path(data_dir), progress_stream=None)
    return fingerprint


def load_dataset() -> Dataset:
    """Tables for the pages, building them from the articles folder when they are missing or stale."""
    articles_dir, data_dir = config.articles_dir(), config.data_dir()
    fingerprint = articles_fingerprint(articles_dir)
    with st.spinner("…"):
        _built_for(str(articles_dir), str(data_dir), fingerprint)
    return _load(str(articles_dir), str(data_dir), fingerprint, store_stamp(data_dir))
