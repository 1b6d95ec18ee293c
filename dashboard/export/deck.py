"""What is on a slide: the charts of a deck, the slide's geometry and type, and the ``Deck`` the writers take.

``deck_figures`` builds the dashboard's own figures for a view (same builders,
same filtered rows as the pages); ``render.render_deck`` draws them and
gathers the slide text into a ``Deck``, which holds no data frames and no
figures, only text and images, so ``pptx.write_pptx`` and ``pdf.write_pdf``
need nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import analytics, charts, i18n
from dashboard.i18n import t

__all__ = ["CHARTS", "FONT_NAME", "SlideContent", "Deck", "deck_figures"]

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
