"""Charts drawn to PNG by plotly.js in headless Chromium (kaleido), and the deck's slides gathered.

A browser shapes Arabic itself, so the figures are the dashboard's own, with
logical-order strings; nothing is reshaped (see ``dashboard/rtl.py``).

Offline: kaleido is given plotly.js from the installed plotly package, MathJax
is switched off (kaleido would otherwise load it from a CDN), and the world
map reads ``static/topojson/world_50m.json`` through a ``file://`` URL.
Chromium is ``$BROWSER_PATH`` (the variable kaleido's ``choreographer``
honours) or ``/usr/bin/chromium``; it is never downloaded. kaleido is
imported inside the functions that draw, so importing this module stays cheap.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import os
import struct
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import analytics, config, i18n
from dashboard.export.deck import CHART_BOTTOM, CHART_TOP, MARGIN, SLIDE_W, Deck, SlideContent, deck_figures
from dashboard.export.wording import describe_filters, filter_parts
from dashboard.i18n import t

__all__ = ["DEFAULT_CHROMIUM", "RENDER_SCALE", "EXPORT_FONT_SIZE", "chromium_path", "topojson_url",
           "render_pngs", "render_deck"]

DEFAULT_CHROMIUM = "/usr/bin/chromium"

# Chart rendering: CSS pixels, drawn at twice that (the PNG is 2x, as the
# dashboard's own download button).
RENDER_SCALE = 2
_RENDER_MIN_W, _RENDER_MAX_W = 900, 1250
_RENDER_MIN_H, _RENDER_MAX_H = 380, 860
#: Base font size of the exported charts, px (the screen's is 13): a slide is read from further away.
EXPORT_FONT_SIZE = 15


def chromium_path() -> str | None:
    """The Chromium to drive: ``$BROWSER_PATH`` if set, else /usr/bin/chromium; None when absent."""
    path = os.environ.get("BROWSER_PATH") or DEFAULT_CHROMIUM
    return path if Path(path).is_file() and os.access(path, os.X_OK) else None


def _plotly_js() -> Path:
    """plotly.js shipped inside the installed plotly package (never the CDN)."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise RuntimeError(f"plotly.js not found at {path}: reinstall plotly")
    return path


def topojson_url() -> str:
    """``file://`` URL of the folder holding ``world_50m.json`` (plotly appends the file name)."""
    return (config.static_dir() / "topojson").as_uri() + "/"


def _run_coroutine(make: Callable[[], object]):
    """Run a coroutine to completion from sync code, even inside a running event loop.

    Streamlit calls a download button's data function from its server thread,
    which has a loop running; ``asyncio.run`` cannot nest, so it then runs in a
    worker thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def _page_generator():
    """Kaleido's HTML page: local plotly.js, no MathJax (its default is a CDN)."""
    from kaleido import PageGenerator

    return PageGenerator(plotly=str(_plotly_js()), mathjax=False)


def render_pngs(figures: Sequence[go.Figure], sizes: Sequence[tuple[int, int]] | None = None,
                scale: int = RENDER_SCALE, timeout: float = 90) -> list[bytes]:
    """PNG bytes of each figure, drawn by plotly.js in one headless Chromium session (kaleido).

    Args:
        figures: plotly figures (logical-order text: the browser shapes it).
        sizes: ``(width, height)`` in CSS pixels per figure; default each
            figure's own layout size (or 1100 x 480).
        scale: pixel ratio; 2 gives images at twice screen resolution.
        timeout: seconds allowed per figure.

    Raises:
        RuntimeError: Chromium is not installed.
    """
    import kaleido

    browser = chromium_path()
    if browser is None:
        raise RuntimeError(f"Chromium not found (set BROWSER_PATH or install {DEFAULT_CHROMIUM})")
    if sizes is None:
        sizes = [(int(f.layout.width or 1100), int(f.layout.height or 480)) for f in figures]
    topojson = topojson_url()

    async def run() -> list[bytes]:
        async with kaleido.Kaleido(n=1, timeout=timeout, page_generator=_page_generator(), path=browser) as k:
            out = []
            for fig, (width, height) in zip(figures, sizes):
                out.append(await k.calc_fig(fig, opts=dict(format="png", width=width, height=height,
                                                           scale=scale), topojson=topojson))
            return out

    return _run_coroutine(run)


def _for_slide(fig: go.Figure) -> tuple[go.Figure, int, int]:
    """A copy without its own title (the slide has it) and the CSS size to draw it at.

    The width follows the figure's height so that tall charts (many partners
    or topics) fill the slide's picture box rather than sit in its middle.
    """
    out = go.Figure(fig)
    title_text = out.layout.title.text
    if title_text:
        out.update_layout(title_text="")
        top = out.layout.margin.t
        if top is not None:
            out.update_layout(margin_t=max(int(top) - 35, 20))
    height = int(min(max(out.layout.height or 480, _RENDER_MIN_H), _RENDER_MAX_H))
    box_ratio = (SLIDE_W - 2 * MARGIN) / (CHART_BOTTOM - CHART_TOP)
    width = int(min(max(height * box_ratio, _RENDER_MIN_W), _RENDER_MAX_W))
    out.update_layout(width=width, height=height, font_size=EXPORT_FONT_SIZE)
    return out, width, height


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", data[16:24])


def render_deck(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, filters: analytics.Filters,
                lang: str = "ar", today: dt.date | None = None) -> Deck:
    """Build every figure of the view, draw them, and gather the slide text.

    Args:
        meetings, meeting_topics: the *full* tables (filters are applied here).
        filters: the selection (the sidebar's, or the command line's).
        lang: deck language, ``"ar"`` or ``"en"``.
        today: export date (default today).
    """
    lang = "en" if str(lang).lower().startswith("en") else "ar"
    today = today or dt.date.today()
    built = deck_figures(meetings, meeting_topics, filters, lang)
    prepared = [_for_slide(fig) for _, _, fig in built]
    pngs = render_pngs([p[0] for p in prepared], [(p[1], p[2]) for p in prepared])
    slides = tuple(SlideContent(name, title, png, *_png_size(png)) for (name, title, _), png in zip(built, pngs))
    shown = analytics.apply_filters(meetings, meeting_topics, filters)
    footer = (f"{t('export_date', lang)}: {i18n.date_label(today, lang)} · "
              f"{t('axis_meetings', lang)}: {len(shown)}")
    return Deck(lang=lang, app_title=t("app_title", lang),
                filter_line=describe_filters(filters, meetings, meeting_topics, lang),
                filter_parts=tuple(filter_parts(filters, meetings, meeting_topics, lang)),
                footer=footer, slides=slides, export_date=today)
