"""The deck to a file or to bytes: PowerPoint or PDF, chosen by the extension.

These are the entry points that run everything: ``render.render_deck`` (the
view's charts) or ``partner.render_partner_deck`` (one partner's briefing
pack), figures drawn in Chromium, then ``pptx.write_pptx`` or
``pdf.write_pdf``. They live here rather than in ``deck`` because they sit
above the renderer and the writers, which themselves read ``deck``.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pandas as pd

from dashboard import analytics, loading
from dashboard.export.deck import Deck
from dashboard.export.partner import render_partner_deck
from dashboard.export.pdf import write_pdf
from dashboard.export.pptx import write_pptx
from dashboard.export.render import render_deck

__all__ = ["DECK_FORMATS", "write_deck", "build_deck", "deck_bytes", "build_partner_deck", "partner_deck_bytes"]

#: Output formats by file extension, with their MIME types.
DECK_FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def write_deck(deck: Deck, out_path: Path | str) -> Path:
    """Write ``deck`` as PPTX or PDF, chosen by the extension of ``out_path``."""
    out = Path(out_path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in DECK_FORMATS:
        raise ValueError(f"unsupported deck format {out.suffix!r}: use .pptx or .pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "pptx":
        # Written next to the target, then moved: a reader never sees half a file.
        partial = out.with_name(out.name + ".part")
        write_pptx(deck, partial)
        os.replace(partial, out)
    else:
        write_pdf(deck, out)
    return out


def build_deck(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, filters: analytics.Filters,
               lang: str, out_path: Path | str, today: dt.date | None = None) -> Path:
    """Write a slide deck of the view that ``filters`` selects: one slide per chart.

    Args:
        meetings: the full ``meetings`` table (the filters are applied here).
        meeting_topics: the full ``meeting_topics`` table.
        filters: the selection, as the sidebar or ``filters_from_query`` makes it.
        lang: ``"ar"`` or ``"en"``: slide text and chart labels.
        out_path: ``*.pptx`` or ``*.pdf``.
        today: export date shown on the slides (default today).

    Returns:
        ``out_path`` as a Path.
    """
    return write_deck(render_deck(meetings, meeting_topics, filters, lang, today), out_path)


def deck_bytes(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, filters: analytics.Filters,
               lang: str, fmt: str) -> bytes:
    """The deck as bytes (for a download button): ``fmt`` is ``"pptx"`` or ``"pdf"``."""
    return _bytes(render_deck(meetings, meeting_topics, filters, lang), fmt)


def _bytes(deck: Deck, fmt: str) -> bytes:
    """``deck`` written as ``fmt`` (``"pptx"`` or ``"pdf"``), as bytes: through a temporary file, as the
    writers and Chromium's printing work on files."""
    with tempfile.TemporaryDirectory(prefix="imctc_deck_") as tmp:
        return write_deck(deck, Path(tmp) / f"deck.{fmt}").read_bytes()


def build_partner_deck(tables: loading.LoadedTables, filters: analytics.Filters, partner: analytics.Partner,
                       lang: str, out_path: Path | str, today: dt.date | None = None) -> Path:
    """Write ``partner``'s briefing pack: headline, meeting history, people, topics, agreements, sources.

    Args:
        tables: the loaded tables (``loading.load_tables``; the dashboard's dataset is one).
        filters: the selection; the rows counted are ``loading.counted_tables``'s (events, or reports in
            the reports view), its country or organisation filter is ignored (``partner`` is the subject).
        partner: whose pack.
        lang: ``"ar"`` or ``"en"``.
        out_path: ``*.pptx`` or ``*.pdf``.
        today: export date shown on the slides (default today).

    Returns:
        ``out_path`` as a Path.
    """
    return write_deck(render_partner_deck(tables, filters, partner, lang, today), out_path)


def partner_deck_bytes(tables: loading.LoadedTables, filters: analytics.Filters, partner: analytics.Partner,
                       lang: str, fmt: str) -> bytes:
    """The briefing pack as bytes (for the partner page's download buttons): ``fmt`` is ``"pptx"`` or ``"pdf"``."""
    return _bytes(render_partner_deck(tables, filters, partner, lang), fmt)
