"""Slide deck of the current view (PowerPoint or PDF), and safe download file names.

``build_deck(meetings, meeting_topics, filters, lang, out_path)`` applies the
sidebar's filters to the full tables and writes one slide per chart (headline
figures, partner map, timeline, monthly count, topics, topic by partner), each
with its title, a line saying which filters produced it (in the deck's
language) and the export date. ``.pptx`` or ``.pdf`` is chosen by extension.

How the Arabic is kept right (see ``dashboard/rtl.py``):

* **Chart images** are drawn by plotly.js in headless Chromium through
  kaleido 1.x. A browser shapes Arabic itself, so the figures are the
  dashboard's own, with logical-order strings; nothing is reshaped.
* **PowerPoint text** stays in logical order too: PowerPoint shapes and orders
  it. Arabic paragraphs get ``<a:pPr rtl="1" algn="r">`` and their runs
  ``lang="ar-SA"`` with "Noto Naskh Arabic" as both the Latin and the
  complex-script font; the complex-script font carries the Arabic charset and
  a serif pitch family, which is what PowerPoint uses to pick a substitute
  Arabic font when Noto Naskh Arabic is not installed. Bidi control
  characters are removed from slide text (they are for browsers).
* **PDF** pages are HTML (escaped text, ``dir="rtl"``, the chart PNGs and the
  Noto Naskh Arabic web font of ``static/fonts`` as data URIs) printed by
  headless Chromium, which also shapes the Arabic. No PDF library that cannot
  shape is used, so ``rtl.static_label`` is not needed here.

Offline: kaleido is given plotly.js from the installed plotly package, MathJax
is switched off (kaleido would otherwise load it from a CDN), and the world
map reads ``static/topojson/world_50m.json`` through a ``file://`` URL. The
PDF page embeds everything it shows. Chromium is ``$BROWSER_PATH`` (the
variable kaleido's ``choreographer`` honours) or ``/usr/bin/chromium``; it is
never downloaded.

Command line (the same filters as the sidebar)::

    python -m dashboard.export --output briefing.pptx --lang ar --country MDV

python-pptx and kaleido are imported inside the functions that need them,
so importing this module (``ui.py`` does, for ``safe_filename``) stays cheap.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import concurrent.futures
import datetime as dt
import html
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import analytics, charts, config, i18n, tables
from dashboard.i18n import t
from dashboard.preprocess.gazetteer import load_gazetteer
from dashboard.rtl import browser_label, strip_bidi_controls

__all__ = [
    "CHARTS",
    "DECK_FORMATS",
    "Deck",
    "SlideContent",
    "chromium_path",
    "safe_filename",
    "filter_parts",
    "describe_filters",
    "topojson_url",
    "deck_html",
    "filters_from_args",
    "load_tables",
    "headline_figure",
    "deck_figures",
    "render_pngs",
    "render_deck",
    "write_pptx",
    "write_pdf",
    "write_deck",
    "build_deck",
    "deck_bytes",
    "main",
]

#: Slides of a deck, in order: (chart name, i18n key of its title).
CHARTS: tuple[tuple[str, str], ...] = (
    ("headline", "export_headline"),
    ("partner_map", "chart_partner_map"),
    ("visits_timeline", "chart_timeline"),
    ("monthly_bar", "chart_monthly"),
    ("topic_bars", "chart_topics"),
    ("topic_partner_heatmap", "chart_topic_partner"),
)
#: Output formats by file extension, with their MIME types.
DECK_FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}

DEFAULT_CHROMIUM = "/usr/bin/chromium"
FONT_NAME = "Noto Naskh Arabic"
#: CSS font stack of the PDF pages (the web font is embedded; the rest are fallbacks).
_CSS_FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", Arial, sans-serif'

# Slide geometry (16:9), inches.
SLIDE_W, SLIDE_H = 13.333, 7.5
_MARGIN = 0.45
_TITLE_TOP, _TITLE_H = 0.3, 0.7
_FILTERS_TOP, _FILTERS_H = 1.0, 0.55
_CHART_TOP, _CHART_BOTTOM = 1.6, 6.85
_FOOTER_TOP, _FOOTER_H = 6.92, 0.4
_INK, _MUTED = "1F2937", "4B5563"

# Chart rendering: CSS pixels, drawn at twice that (the PNG is 2x, as the
# dashboard's own download button).
RENDER_SCALE = 2
_RENDER_MIN_W, _RENDER_MAX_W = 900, 1250
_RENDER_MIN_H, _RENDER_MAX_H = 380, 860
#: Base font size of the exported charts, px (the screen's is 13): a slide is read from further away.
EXPORT_FONT_SIZE = 15


# --------------------------------------------------------------------------
# File names
# --------------------------------------------------------------------------

_WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                               *(f"lpt{i}" for i in range(1, 10))})


def safe_filename(title: str, lang: str = "ar", day: dt.date | None = None, ext: str = "") -> str:
    """A download file name that survives every browser, file system and mail client.

    Decision: file names are **ASCII only**: ``imctc_<slug>_<lang>_<yyyy-mm-dd>``.
    Arabic file names are legal on current systems, but they are mangled by
    some download paths and zip tools, and a name mixing Arabic, digits and an
    extension is displayed in a scrambled order by left-to-right file
    managers. The chart's Arabic title is on the image itself; the language
    code in the name tells the Arabic and English files apart.

    ``title`` should be the chart's ASCII name (``"partner_map"``) or its
    English title. Whatever it is, characters outside ``[a-z0-9]`` become
    hyphens (accents are dropped first; Arabic letters, bidi controls, path
    separators and characters illegal on Windows disappear); a title with
    nothing left reads ``chart``.

    Args:
        title: chart name or English title.
        lang: ``"ar"`` or ``"en"``, written into the name.
        day: date in the name (today by default).
        ext: extension to append, with or without the dot (plotly's download
            button adds ``.png`` itself, so leave it empty there).

    Returns:
        e.g. ``"imctc_partner-map_ar_2025-11-25"`` or ``"imctc_briefing_en_2025-11-25.pptx"``.
    """
    text = unicodedata.normalize("NFKD", str(title or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode("ascii")).strip("-")[:60].strip("-")
    if not slug or slug in _WINDOWS_RESERVED:
        slug = slug and f"{slug}-chart" or "chart"
    code = "en" if str(lang).lower().startswith("en") else "ar"
    name = f"imctc_{slug}_{code}_{(day or dt.date.today()).isoformat()}"
    ext = re.sub(r"[^a-z0-9]", "", str(ext).lower())
    return f"{name}.{ext}" if ext else name


# --------------------------------------------------------------------------
# What is on a slide
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class SlideContent:
    """One slide: its chart name, title (plain logical-order text) and chart image."""

    name: str
    title: str
    png: bytes
    width_px: int
    height_px: int


@dataclass(frozen=True)
class Deck:
    """Everything a writer needs: no data frames, no figures, only text and images."""

    lang: str
    app_title: str
    filter_line: str  # "عوامل التصفية: ..." (plain text)
    filter_parts: tuple[tuple[str, tuple[str, ...]], ...]  # (label, values) for HTML isolation
    footer: str  # "تاريخ التصدير: ... · عدد الاجتماعات: ..."
    slides: tuple[SlideContent, ...]
    export_date: dt.date

    @property
    def rtl(self) -> bool:
        return i18n.is_rtl(self.lang)


def _name_maps(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str
               ) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Display names of country codes, organisations (``partner_org_en``) and topic ids."""
    # Every ISO country (a filter may name one with no meeting), then the names as written in the data.
    countries = {code: (c.name_ar if lang == "ar" else c.name_en) for code, c in load_gazetteer().countries.items()}
    countries |= {code: name for code, name in analytics.country_names(meetings, lang).items() if name}
    return countries, analytics.organisation_names(meetings, lang), tables.topic_names(meeting_topics, lang)


def filter_parts(filters: analytics.Filters, meetings: pd.DataFrame, meeting_topics: pd.DataFrame,
                 lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """The filters as (label, values) pairs in ``lang``; empty when nothing is filtered.

    Args:
        filters: the selection.
        meetings, meeting_topics: the *full* tables (for names of codes).
        lang: ``"ar"`` or ``"en"``.
    """
    countries, organisations, topics = _name_maps(meetings, meeting_topics, lang)
    parts: list[tuple[str, tuple[str, ...]]] = []
    start = i18n.date_label(filters.date_from, lang) if filters.date_from else None
    end = i18n.date_label(filters.date_to, lang) if filters.date_to else None
    if start and end:
        parts.append((t("export_period", lang), (t("export_from_to", lang, start=start, end=end),)))
    elif start:
        parts.append((t("export_period", lang), (t("export_since", lang, start=start),)))
    elif end:
        parts.append((t("export_period", lang), (t("export_until", lang, end=end),)))
    for key, values, names in (
        ("filter_countries", filters.countries, countries),
        ("filter_organisation", filters.organisations, organisations),
        ("filter_event_type", filters.event_types, {c: i18n.event_type_label(c, lang) for c in filters.event_types}),
        ("filter_topics", filters.topics, topics),
    ):
        if values:
            parts.append((t(key, lang), tuple(names.get(v) or v for v in values)))
    if not filters.include_undated:
        parts.append(("", (t("export_undated_excluded", lang),)))
    if filters.include_background:
        parts.append(("", (t("export_background_included", lang),)))
    return parts


def _list_sep(lang: str) -> str:
    return "، " if lang == "ar" else ", "


def _part_sep(lang: str) -> str:
    return "؛ " if lang == "ar" else "; "


def describe_filters(filters: analytics.Filters, meetings: pd.DataFrame, meeting_topics: pd.DataFrame,
                     lang: str = "ar") -> str:
    """One human-readable line saying which filters produced the view, in ``lang``.

    e.g. ``"عوامل التصفية: الدول: المالديف؛ دون الاجتماعات غير المؤرخة"`` or
    ``"Filters: none (all meetings)"``. Plain logical-order text.
    """
    parts = filter_parts(filters, meetings, meeting_topics, lang)
    body = _part_sep(lang).join(
        (f"{label}: " if label else "") + _list_sep(lang).join(values) for label, values in parts
    ) if parts else t("export_no_filters", lang)
    return f"{t('export_filters', lang)}: {body}"


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------


def headline_figure(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str = "ar") -> go.Figure:
    """The overview's headline numbers as a figure, so they can sit on a slide like the charts.

    Five numbers (meetings, partner countries, organisations, topics, undated),
    read from the right in Arabic, and the latest meeting beneath them.

    Args:
        meetings: filtered meetings.
        meeting_topics: their topic rows (``analytics.headline_figures`` counts
            ``in_account`` rows only, as the overview does).
        lang: ``"ar"`` or ``"en"``.
    """
    st = charts.style(lang)
    figures = analytics.headline_figures(meetings, meeting_topics)
    items = [("metric_meetings", "meetings"), ("metric_partner_countries", "partner_countries"),
             ("metric_organisations", "organisations"), ("metric_topics", "topics"),
             ("metric_undated", "undated")]
    if st.rtl:
        items = items[::-1]  # first number on the right
    width = 1.0 / len(items)
    traces = [
        go.Indicator(
            mode="number", value=figures[field],
            number=dict(font=dict(size=64, color=st.palette[4]), valueformat=",d"),
            title=dict(text=browser_label(t(key, st.lang)), font=dict(size=20)),
            domain=dict(x=[i * width + 0.01, (i + 1) * width - 0.01], y=[0.3, 0.95]),
        )
        for i, (key, field) in enumerate(items)
    ]
    if figures["latest_date"]:
        partner = figures["latest_partner_en" if st.lang == "en" else "latest_partner_ar"] or ""
        latest = f"{t('metric_latest', st.lang)}: {i18n.date_label(figures['latest_date'], st.lang)}"
        latest += f" — {partner}" if partner else ""
    else:
        latest = f"{t('metric_latest', st.lang)}: —"
    return go.Figure(data=traces, layout=dict(
        font=dict(family=st.font_family, color=st.font_color, size=16),
        paper_bgcolor=st.paper_bgcolor, plot_bgcolor=st.plot_bgcolor,
        title=dict(text=browser_label(t("export_headline", st.lang)), x=1.0 if st.rtl else 0.0,
                   xanchor=st.align, font=dict(size=17)),
        annotations=[dict(text=browser_label(latest), x=0.5, y=0.08, xref="paper", yref="paper",
                          showarrow=False, font=dict(size=24))],
        margin=dict(l=10, r=10, t=60, b=10), height=440, uirevision="headline",
    ))


def deck_figures(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, filters: analytics.Filters,
                 lang: str = "ar") -> list[tuple[str, str, go.Figure]]:
    """``(name, title, figure)`` for every slide, built from the full tables and the filters.

    The figures are the dashboard's own (same builders, same filtered rows as
    the pages), so the deck shows exactly what the screen shows.
    """
    shown = analytics.apply_filters(meetings, meeting_topics, filters)
    topics = analytics.topics_for(shown, meeting_topics, filters.include_background)
    background = filters.include_background
    build: dict[str, Callable[[], go.Figure]] = {
        "headline": lambda: headline_figure(shown, topics, lang),
        "partner_map": lambda: charts.partner_map(shown, lang, detail=True),
        "visits_timeline": lambda: charts.visits_timeline(shown, lang),
        "monthly_bar": lambda: charts.monthly_bar(shown, lang),
        "topic_bars": lambda: charts.topic_bars(topics, lang, include_background=background),
        "topic_partner_heatmap": lambda: charts.topic_partner_heatmap(shown, topics, lang,
                                                                      include_background=background),
    }
    return [(name, t(key, lang), build[name]()) for name, key in CHARTS]


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
    box_ratio = (SLIDE_W - 2 * _MARGIN) / (_CHART_BOTTOM - _CHART_TOP)
    width = int(min(max(height * box_ratio, _RENDER_MIN_W), _RENDER_MAX_W))
    out.update_layout(width=width, height=height, font_size=EXPORT_FONT_SIZE)
    return out, width, height


# --------------------------------------------------------------------------
# Rendering with kaleido (Chromium)
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# PowerPoint
# --------------------------------------------------------------------------


def _style_paragraph(paragraph, rtl: bool, size: float, color: str, bold: bool = False) -> None:
    """Direction, alignment and font of a paragraph and its runs (python-pptx objects)."""
    from lxml import etree
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    paragraph.alignment = PP_ALIGN.RIGHT if rtl else PP_ALIGN.LEFT
    # Paragraph direction: python-pptx has no API for it, so set the attribute.
    paragraph._p.get_or_add_pPr().set("rtl", "1" if rtl else "0")
    for run in paragraph.runs:
        font = run.font
        font.size, font.bold, font.name = Pt(size), bold, FONT_NAME
        font.color.rgb = RGBColor.from_string(color)
        r_pr = run._r.get_or_add_rPr()
        r_pr.set("lang", "ar-SA" if rtl else "en-US")
        r_pr.set("altLang", "en-US" if rtl else "ar-SA")
        for tag in ("a:ea", "a:cs"):
            old = r_pr.find(qn(tag))
            if old is not None:
                r_pr.remove(old)
        # Complex-script font (what PowerPoint uses for Arabic). Charset -78 is
        # ARABIC_CHARSET and pitch family 18 a proportional serif: PowerPoint
        # picks an installed Arabic font with them when Noto Naskh is missing.
        cs = etree.SubElement(r_pr, qn("a:cs"))
        cs.set("typeface", FONT_NAME)
        cs.set("pitchFamily", "18")
        cs.set("charset", "-78")
        latin = r_pr.find(qn("a:latin"))
        latin.addnext(cs)  # schema order: latin, ea, cs


def _text_box(slide, text: str, left: float, top: float, width: float, height: float, *, rtl: bool,
              size: float, color: str = _INK, bold: bool = False, align_right: bool | None = None):
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = Inches(0.05)
    paragraph = frame.paragraphs[0]
    paragraph.text = strip_bidi_controls(text)
    _style_paragraph(paragraph, rtl, size, color, bold)
    if align_right is not None:
        paragraph.alignment = PP_ALIGN.RIGHT if align_right else PP_ALIGN.LEFT
    return box


def _fit(width_px: int, height_px: int, box_w: float, box_h: float) -> tuple[float, float]:
    """Largest (width, height) in inches with the image's aspect ratio inside the box."""
    ratio = width_px / height_px
    return (box_w, box_w / ratio) if box_w / ratio <= box_h else (box_h * ratio, box_h)


def write_pptx(deck: Deck, path: Path | str | io.BytesIO) -> None:
    """Write the deck as PowerPoint (16:9), one slide per chart."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    blank = prs.slide_layouts[6]
    rtl = deck.rtl
    inner = SLIDE_W - 2 * _MARGIN
    total = len(deck.slides)
    for number, content in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(blank)
        _text_box(slide, content.title, _MARGIN, _TITLE_TOP, inner, _TITLE_H, rtl=rtl, size=26, bold=True)
        _text_box(slide, deck.filter_line, _MARGIN, _FILTERS_TOP, inner, _FILTERS_H, rtl=rtl, size=13,
                  color=_MUTED)
        width, height = _fit(content.width_px, content.height_px, inner, _CHART_BOTTOM - _CHART_TOP)
        picture = slide.shapes.add_picture(io.BytesIO(content.png), Inches(_MARGIN + (inner - width) / 2),
                                           Inches(_CHART_TOP + (_CHART_BOTTOM - _CHART_TOP - height) / 2),
                                           Inches(width), Inches(height))
        picture.name = f"chart {content.name}"
        # Footer: export date at the reading start, slide number at the other end.
        half = inner / 2
        _text_box(slide, f"{deck.app_title} · {deck.footer}", _MARGIN + (half if rtl else 0), _FOOTER_TOP,
                  half, _FOOTER_H, rtl=rtl, size=10.5, color=_MUTED)
        _text_box(slide, t("export_slide_of", deck.lang, n=number, total=total), _MARGIN + (0 if rtl else half),
                  _FOOTER_TOP, half, _FOOTER_H, rtl=rtl, size=10.5, color=_MUTED, align_right=not rtl)
    props = prs.core_properties
    props.title = f"{deck.app_title} — {deck.export_date.isoformat()}"
    props.language = "ar-SA" if rtl else "en-US"
    props.subject = strip_bidi_controls(deck.filter_line)
    prs.save(path)


# --------------------------------------------------------------------------
# PDF (HTML printed by Chromium)
# --------------------------------------------------------------------------


def _font_face_css() -> str:
    """``static/fonts/fonts.css`` with each woff2 inlined as a data URI (a file:// page may not fetch fonts)."""
    folder = config.static_dir() / "fonts"
    css_path = folder / "fonts.css"
    if not css_path.is_file():
        return ""

    def inline(match: re.Match) -> str:
        font = folder / match.group(1)
        if not font.is_file():
            return match.group(0)
        return f"url(data:font/woff2;base64,{base64.b64encode(font.read_bytes()).decode('ascii')})"

    return re.sub(r"url\(\./([^)]+\.woff2)\)", inline, css_path.read_text(encoding="utf-8"))


def _filters_html(deck: Deck) -> str:
    """The filter line with every value isolated (``<bdi>``), so a Latin name cannot move its neighbours."""
    lang = deck.lang
    if not deck.filter_parts:
        body = html.escape(t("export_no_filters", lang))
    else:
        body = html.escape(_part_sep(lang)).join(
            (html.escape(f"{label}: ") if label else "")
            + html.escape(_list_sep(lang)).join(f"<bdi>{html.escape(strip_bidi_controls(v))}</bdi>" for v in values)
            for label, values in deck.filter_parts
        )
    return f"{html.escape(t('export_filters', lang))}: {body}"


def deck_html(deck: Deck) -> str:
    """The deck as one HTML document, one 16:9 page per slide (all text escaped)."""
    direction = "rtl" if deck.rtl else "ltr"
    total = len(deck.slides)
    pages = []
    for number, content in enumerate(deck.slides, start=1):
        image = base64.b64encode(content.png).decode("ascii")
        pages.append(f"""
<section class="slide">
  <h1>{html.escape(strip_bidi_controls(content.title))}</h1>
  <p class="filters">{_filters_html(deck)}</p>
  <figure><img alt="{html.escape(strip_bidi_controls(content.title))}" src="data:image/png;base64,{image}"></figure>
  <footer><span>{html.escape(strip_bidi_controls(f"{deck.app_title} · {deck.footer}"))}</span>
    <span>{html.escape(t("export_slide_of", deck.lang, n=number, total=total))}</span></footer>
</section>""")
    return f"""<!DOCTYPE html>
<html lang="{deck.lang}" dir="{direction}">
<head>
<meta charset="utf-8">
<title>{html.escape(deck.app_title)}</title>
<style>
{_font_face_css()}
@page {{ size: {SLIDE_W}in {SLIDE_H}in; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {_CSS_FONTS}; color: #{_INK}; background: #ffffff;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.slide {{ width: {SLIDE_W}in; height: {SLIDE_H}in; box-sizing: border-box; overflow: hidden;
         padding: {_TITLE_TOP}in {_MARGIN}in 0.2in; display: flex; flex-direction: column;
         break-after: page; page-break-after: always; }}
.slide:last-child {{ break-after: auto; page-break-after: auto; }}
h1 {{ font-size: 26pt; font-weight: 700; margin: 0; line-height: 1.4; }}
.filters {{ font-size: 13pt; color: #{_MUTED}; margin: 0.05in 0 0; line-height: 1.5; }}
figure {{ flex: 1 1 auto; min-height: 0; margin: 0.1in 0; display: flex; align-items: center;
         justify-content: center; }}
figure img {{ max-width: 100%; max-height: 100%; object-fit: contain; }}
footer {{ display: flex; justify-content: space-between; font-size: 10.5pt; color: #{_MUTED}; }}
</style>
</head>
<body>{"".join(pages)}
</body>
</html>
"""


def write_pdf(deck: Deck, path: Path | str, timeout: float = 120) -> None:
    """Write the deck as PDF: its HTML printed by headless Chromium (which shapes the Arabic).

    Raises:
        RuntimeError: Chromium is missing or printing failed.
    """
    browser = chromium_path()
    if browser is None:
        raise RuntimeError(f"Chromium not found (set BROWSER_PATH or install {DEFAULT_CHROMIUM})")
    out = Path(path).resolve()
    with tempfile.TemporaryDirectory(prefix="imctc_deck_") as tmp:
        page = Path(tmp) / "deck.html"
        page.write_text(deck_html(deck), encoding="utf-8")
        target = Path(tmp) / "deck.pdf"
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--no-default-browser-check", f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            raise RuntimeError(f"Chromium could not print the PDF (exit {result.returncode}): "
                               f"{result.stderr.strip()[-2000:]}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(target), out)


# --------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------


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
    with tempfile.TemporaryDirectory(prefix="imctc_deck_") as tmp:
        path = build_deck(meetings, meeting_topics, filters, lang, Path(tmp) / f"deck.{fmt}")
        return path.read_bytes()


def _values(items: Sequence[str] | None) -> list[str]:
    """Repeatable options that may also hold comma lists: ``--country MDV --country EGY,MYS``."""
    return [v.strip() for item in items or () for v in item.split(",") if v.strip()]


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Write a slide deck (PowerPoint or PDF) of the dashboard's charts for a set of filters.")
    p.add_argument("--output", "-o", required=True, type=Path, help="briefing.pptx or briefing.pdf")
    p.add_argument("--lang", choices=i18n.LANGS, default="ar", help="deck language (default ar)")
    p.add_argument("--from", dest="date_from", type=_iso_date, help="first date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_iso_date, help="last date, YYYY-MM-DD")
    p.add_argument("--country", action="append", help="partner country ISO3 code (repeatable or comma list)")
    p.add_argument("--org", action="append", help="partner organisation, English name as in the data (repeatable)")
    p.add_argument("--event", action="append", help="event type code (repeatable or comma list)")
    p.add_argument("--topic", action="append", help="topic id (repeatable or comma list)")
    p.add_argument("--include-background", action="store_true",
                   help="count topics found only in background paragraphs")
    p.add_argument("--no-undated", action="store_true", help="leave out meetings without a date")
    p.add_argument("--data-dir", type=Path, help="store folder (default: IMCTC_DATA_DIR or ./data)")
    p.add_argument("--articles-dir", type=Path,
                   help="articles folder, used when the store must be built (default: IMCTC_ARTICLES_DIR or ./seeds)")
    return p


def filters_from_args(args: argparse.Namespace) -> analytics.Filters:
    """The command line's filters, through the same parser as the URL (``filters_from_query``)."""
    query = {"lang": args.lang}
    if args.date_from:
        query["from"] = args.date_from
    if args.date_to:
        query["to"] = args.date_to
    for key, values in (("country", _values(args.country)), ("org", _values(args.org)),
                        ("event", _values(args.event)), ("topic", _values(args.topic))):
        if values:
            query[key] = ",".join(values)
    if args.no_undated:
        query["undated"] = "0"
    if args.include_background:
        query["background"] = "1"
    return analytics.filters_from_query(query)


def load_tables(data_dir: Path, articles_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``meetings`` and ``meeting_topics`` as the dashboard sees them.

    Runs the pipeline first if the store is missing, and applies the
    reviewers' corrections (hidden and merged meetings left out) when the
    corrections module is present, as ``dashboard/data.py`` does.
    """
    from dashboard import store
    from dashboard.preprocess import pipeline

    db = data_dir / store.DB_NAME
    if store.stored_article_ids(db) is None:
        print(f"No store at {db}: running the pipeline on {articles_dir} first.", file=sys.stderr)
        pipeline.run(articles_dir, data_dir, progress_stream=None)
    meetings, meeting_topics = store.read_table(db, "meetings"), store.read_table(db, "meeting_topics")
    try:
        from dashboard import corrections
    except ImportError:  # a checkout without the review feature
        return meetings, meeting_topics
    return corrections.apply_corrections(meetings, meeting_topics, corrections.list_corrections(db))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m dashboard.export --output briefing.pptx --lang ar --country MDV``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.output.suffix.lower().lstrip(".") not in DECK_FORMATS:
        parser.error("--output must end in .pptx or .pdf")
    filters = filters_from_args(args)
    from dashboard.preprocess.schema import EVENT_TYPES

    ignored = ([c for c in _values(args.country) if c.upper() not in filters.countries]
               + [e for e in _values(args.event) if e not in EVENT_TYPES])
    if ignored:
        parser.error(f"not a country code or event type: {', '.join(ignored)} "
                     f"(event types: {', '.join(EVENT_TYPES)})")
    data_dir = args.data_dir or config.data_dir()
    articles_dir = args.articles_dir or config.articles_dir()
    meetings, meeting_topics = load_tables(data_dir, articles_dir)
    if chromium_path() is None:
        print(f"Chromium not found: install it at {DEFAULT_CHROMIUM} or set BROWSER_PATH.", file=sys.stderr)
        return 2
    out = build_deck(meetings, meeting_topics, filters, filters.lang, args.output)
    shown = analytics.apply_filters(meetings, meeting_topics, filters)
    print(f"Wrote {out} ({len(CHARTS)} slides, {len(shown)} meetings).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
