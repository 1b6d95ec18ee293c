"""What is on a slide: the charts of a deck, the slide's geometry and type, and the ``Deck`` the writers take.

``deck_figures`` builds the dashboard's own figures for a view (same builders,
same filtered rows as the pages); ``render.render_deck`` draws them and
gathers the slide text into a ``Deck``, which holds no data frames and no
figures, only text, small tables of text (``SlideTable``) and images, so
``pptx.write_pptx`` and ``pdf.write_pdf`` need nothing else. The overview
deck's slides each hold a chart; the partner briefing pack's
(``export.partner``) also hold native text lines and tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import analytics, charts, i18n
from dashboard.i18n import t

__all__ = ["CHARTS", "FONT_NAME", "SlideTable", "SlideContent", "Deck", "deck_figures"]

#: Slides of a deck, in order: (chart name, i18n key of its title).
CHARTS: tuple[tuple[str, str], ...] = (
    ("headline", "export_headline"),
    ("partner_map", "chart_partner_map"),
    ("visits_timeline", "chart_timeline"),
    ("monthly_bar", "chart_monthly"),
    ("topic_bars", "chart_topics"),
    ("topic_partner_heatmap", "chart_topic_partner"),
)

#: The slides' typeface (PowerPoint's Latin and complex-script font; the PDF embeds it).
FONT_NAME = "Noto Naskh Arabic"

# Slide geometry (16:9), inches; shared by the PowerPoint and PDF writers and the chart sizing.
SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.45
TITLE_TOP, TITLE_H = 0.3, 0.7
FILTERS_TOP, FILTERS_H = 1.0, 0.55
CHART_TOP, CHART_BOTTOM = 1.6, 6.85
FOOTER_TOP, FOOTER_H = 6.92, 0.4
INK, MUTED = "1F2937", "4B5563"
NOTE_H = 0.45  # a note line under a chart or table
LINES_SIZE = 20  # pt, text lines that are a slide's whole body
TABLE_SIZE = 12  # pt, table text
HEADER_FILL, ROW_FILLS = "374151", ("FFFFFF", "F3F4F6")  # table header, alternating rows


@dataclass(frozen=True)
class SlideTable:
    """A table drawn as text (a PowerPoint table, an HTML table): plain logical-order strings.

    Columns are in reading order (the first is the rightmost in an Arabic deck); a cell may hold
    several lines, separated by ``"\n"``. ``widths`` are relative column widths, in the same order.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


@dataclass(frozen=True)
class SlideContent:
    """One slide: its name, title (plain logical-order text) and body.

    The body is a chart image (``png``, with its pixel size), or a ``table``, or neither; ``lines``
    are text paragraphs: the slide's body when it has no image or table, else a note under it.
    """

    name: str
    title: str
    png: bytes = b""
    width_px: int = 0
    height_px: int = 0
    lines: tuple[str, ...] = ()
    table: SlideTable | None = None


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
        "headline": lambda: charts.headline_figure(shown, topics, lang),
        "partner_map": lambda: charts.partner_map(shown, lang, detail=True),
        "visits_timeline": lambda: charts.visits_timeline(shown, lang),
        "monthly_bar": lambda: charts.monthly_bar(shown, lang),
        "topic_bars": lambda: charts.topic_bars(topics, lang, include_background=background),
        "topic_partner_heatmap": lambda: charts.topic_partner_heatmap(shown, topics, lang,
                                                                      include_background=background),
    }
    return [(name, t(key, lang), build[name]()) for name, key in CHARTS]
