"""The look every chart shares: fonts, palettes, ``ChartStyle`` and ``style()``, the template,
layout and legend helpers, label and tick helpers, and ``empty_figure``.

Colours come from ``dashboard.theme`` (the one home of the palettes).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.i18n import t
from dashboard.preprocess.schema import EVENT_TYPES
from dashboard.rtl import browser_label, strip_bidi_controls
from dashboard.theme import OKABE_ITO, PALETTES

__all__ = ["FONT_FAMILY", "OKABE_ITO", "EVENT_TYPE_ORDER", "ChartStyle", "style", "empty_figure"]

#: Arabic web font first (served from static/ by the app), then system fallbacks.
FONT_FAMILY = '"Noto Naskh Arabic", "Noto Sans", "Segoe UI", Tahoma, Arial, sans-serif'

#: Legend order of event types: the schema's order.
EVENT_TYPE_ORDER = EVENT_TYPES
# Fixed colour and symbol per event type, so a type looks the same in every
# chart and under every filter, and is distinguishable without colour.
_EVENT_COLOURS = {
    "visit_received": OKABE_ITO[4],  # blue
    "visit_abroad": OKABE_ITO[0],  # orange
    "agreement": OKABE_ITO[2],  # bluish green
    "multilateral": OKABE_ITO[6],  # reddish purple
    "other": None,  # neutral: black (light) / grey (dark), from the style
}
_GREY = "#bbbbbb"  # stands in for black on the dark background
_EVENT_SYMBOLS = {
    "visit_received": "circle",
    "visit_abroad": "diamond",
    "agreement": "square",
    "multilateral": "triangle-up",
    "other": "x",
}
_DASHES = ("solid", "dash", "dot", "dashdot")
_MAX_TICKS = 12

# --------------------------------------------------------------------------
# Style
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartStyle:
    """Everything about a chart's look that depends on language and theme.

    Attributes:
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"``.
        rtl: True for Arabic: mirror the layout.
        font_family: CSS font stack.
        font_color, paper_bgcolor, plot_bgcolor, grid_color: theme colours.
        palette: categorical colours (Okabe-Ito).
        neutral: colour for "other"/unknown categories.
        sequential: continuous colour scale for counts (light to dark in the
            light theme, dark to bright in the dark theme).
        land_color, ocean_color, border_color: map colours.
        marker_color, marker_line: map marker fill and outline.
    """

    lang: str
    theme: str
    rtl: bool
    font_family: str = FONT_FAMILY
    font_color: str = "#262730"
    paper_bgcolor: str = PALETTES["light"].background.lower()
    plot_bgcolor: str = PALETTES["light"].background.lower()
    grid_color: str = "#e6e6ea"
    palette: tuple[str, ...] = OKABE_ITO
    neutral: str = "#000000"
    sequential: tuple[tuple[float, str], ...] = ((0.0, "#d6e8f7"), (0.5, "#5b9bd5"), (1.0, "#08306b"))
    land_color: str = "#eeeeee"
    ocean_color: str = "#f7fbff"
    border_color: str = "#b0b0b0"
    marker_color: str = OKABE_ITO[5]  # vermillion
    marker_line: str = "#ffffff"

    def event_color(self, code: str) -> str:
        """Colour of an event type code."""
        return _EVENT_COLOURS.get(code) or self.neutral

    @property
    def align(self) -> str:
        """``"right"`` in Arabic, ``"left"`` in English."""
        return "right" if self.rtl else "left"


@lru_cache(maxsize=8)
def style(lang: str = "ar", theme: str = "light") -> ChartStyle:
    """The chart style for a language and theme.

    Args:
        lang: ``"ar"`` (default) or ``"en"``.
        theme: ``"light"`` (default) or ``"dark"``.

    Returns:
        A frozen ``ChartStyle`` (cached: the same object for the same arguments).
    """
    lang = "en" if str(lang).lower().startswith("en") else "ar"
    rtl = lang == "ar"
    if theme == "dark":
        # Streamlit's dark background; black is invisible on it, so grey replaces it.
        page = PALETTES["dark"]
        background = page.background.lower()
        return ChartStyle(
            lang=lang, theme="dark", rtl=rtl,
            font_color=page.text.lower(), paper_bgcolor=background, plot_bgcolor=background,
            grid_color="#31333f", palette=OKABE_ITO[:-1] + (_GREY,), neutral=_GREY,
            sequential=((0.0, "#16324f"), (0.5, "#2f7fbf"), (1.0, "#a6dcff")),
            land_color=page.surface.lower(), ocean_color=background, border_color="#5c5f6b",
            marker_color=OKABE_ITO[0], marker_line=background,
        )
    return ChartStyle(lang=lang, theme="light", rtl=rtl)


def _st(lang: str, theme: str | ChartStyle) -> ChartStyle:
    """Resolve a builder's ``theme`` argument: a theme name, or a ready ``ChartStyle``."""
    return theme if isinstance(theme, ChartStyle) else style(lang, theme)


@lru_cache(maxsize=4)
def _template(theme: str) -> go.layout.Template:
    """A small template of our own (fonts, colours, grid), built once per theme.

    Deliberately not derived from ``plotly_white``: validating plotly's full
    templates costs several milliseconds per figure.
    """
    st = style("en", theme)
    axis = dict(gridcolor=st.grid_color, zerolinecolor=st.grid_color, linecolor=st.grid_color,
                automargin=True, title=dict(standoff=10))
    return go.layout.Template(layout=dict(
        font=dict(family=st.font_family, color=st.font_color, size=13),
        paper_bgcolor=st.paper_bgcolor, plot_bgcolor=st.plot_bgcolor,
        colorway=list(st.palette), xaxis=axis, yaxis=axis,
        hoverlabel=dict(font=dict(family=st.font_family, size=13)),
    ))


def _legend(st: ChartStyle, title: str = "", placement: str = "side") -> dict:
    """Legend position.

    ``"side"``: vertical, to the right of the plot area (plotly's own spot,
    which automatic margins handle). Used when nothing else sits on the right.

    ``"top"``: horizontal, above the plot, flush with the reading-start edge
    (right in Arabic, left in English). Used when a category axis occupies
    the right-hand side in Arabic: plotly sizes margins by the *largest* push
    per side rather than the sum, so a right-hand legend would be drawn over
    right-hand tick labels. ``_layout`` reserves room under the title for it.

    Args:
        st: the style.
        title: legend title (plain text).
        placement: ``"side"`` or ``"top"``.
    """
    title_side = "top right" if st.rtl else "top left"
    if placement == "top":
        return dict(orientation="h", x=1.0 if st.rtl else 0.0, xanchor=st.align, xref="paper",
                    y=1.02, yanchor="bottom", yref="paper",
                    # Arabic: on its own line above the entries, at the right;
                    # English: before the entries, on the left. Either way at
                    # the reading start (a horizontal legend has no "right" side).
                    title=dict(text=browser_label(title), side="top right" if st.rtl else "left"))
    return dict(orientation="v", x=1.02, xanchor="left", xref="paper", y=1.0, yanchor="top",
                yref="paper", title=dict(text=browser_label(title), side=title_side))


def _layout(st: ChartStyle, title: str, name: str, subtitle: str = "", **extra: Any) -> dict:
    """Layout shared by every chart: title side, legend side, hover alignment, uirevision.

    Args:
        st: the style.
        title: title text (plain; it is isolated here).
        name: chart name, used as ``uirevision`` so a Streamlit rerun keeps
            the user's zoom and legend toggles.
        subtitle: a line under the title (plain), or "" for none.
        **extra: more layout properties (override the defaults).
    """
    layout: dict[str, Any] = dict(
        template=_template(st.theme),
        # Title at the top of the figure, at its reading-start edge (right in
        # Arabic), like a heading: outside the tick labels, not over the plot.
        title=dict(text=browser_label(title), x=1.0 if st.rtl else 0.0, xanchor=st.align,
                   xref="container", y=1.0, yanchor="top", yref="container", pad=dict(t=12, l=10, r=10),
                   font=dict(size=17), **({"subtitle": dict(text=browser_label(subtitle))} if subtitle else {})),
        legend=_legend(st),
        hoverlabel=dict(align=st.align),
        margin=dict(l=10, r=10, t=60, b=10),
        uirevision=name,
    )
    layout.update(extra)
    return layout


def empty_figure(lang: str = "ar", title: str | None = None, theme: str | ChartStyle = "light",
                 message_key: str = "no_data") -> go.Figure:
    """A valid figure that says there is nothing to show.

    Args:
        lang: ``"ar"`` or ``"en"``.
        title: chart title (plain text), or None for none.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).
        message_key: i18n key of the message (``"no_data"`` by default).

    Returns:
        A figure with hidden axes and one centred annotation.
    """
    st = _st(lang, theme)
    return go.Figure(layout=_layout(
        st, title or "", "empty",
        xaxis=dict(visible=False), yaxis=dict(visible=False),
        annotations=[dict(text=browser_label(t(message_key, st.lang)), x=0.5, y=0.5,
                          xref="paper", yref="paper", showarrow=False, font=dict(size=16))],
    ))



# --------------------------------------------------------------------------
# Labels, ticks and hover text
# --------------------------------------------------------------------------


def _labels(values: pd.Series | np.ndarray | list) -> np.ndarray:
    """``browser_label`` over many values, computed once per distinct value."""
    # Factorise as Python objects: hashing str objects is much cheaper than
    # first converting them to an Arrow-backed string array.
    arr = values.to_numpy(dtype=object, na_value="") if isinstance(values, pd.Series) \
        else np.asarray(values, dtype=object)
    codes, uniques = pd.factorize(arr, use_na_sentinel=False)
    labelled = np.array([browser_label(u) if isinstance(u, str) else "" for u in uniques], dtype=object)
    return labelled[codes] if len(codes) else np.array([], dtype=object)



def _month_ticks(months: list[str], lang: str) -> tuple[list[str], list[Any]]:
    """Thinned tick values (``yyyy-mm`` strings) and their reviewed month labels."""
    step = max(1, math.ceil(len(months) / _MAX_TICKS))
    vals = months[::step]
    return vals, _month_texts(vals, lang)


def _month_texts(months: list[str], lang: str) -> list[str]:
    """Isolated month labels for a short list of ``yyyy-mm`` values.

    A plain loop on purpose: there are at most a few dozen months, and for so
    few values pandas' per-call overhead costs more than the work.
    """
    return [browser_label(i18n.month_label(m, lang)) for m in months]


def _int_ticks(z: Any) -> dict:
    """Tick settings for a count axis or colour bar: whole numbers only.

    Plotly's automatic ticks put "0.5, 1.5" on small counts; a meeting count
    is never fractional. The step is 1, 2 or 5 times a power of ten, chosen
    for at most about six ticks.
    """
    arr = np.asarray(z, dtype=float)
    top = float(np.nanmax(arr)) if arr.size else 0.0
    raw = max(top / 6.0, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return dict(tick0=0, dtick=int(step), tickformat=",d")


_ARABIC_SCRIPT_RE = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def _label_px(labels: list[str], size: int = 13) -> int:
    """A slightly generous width, in px, for the widest of ``labels`` at ``size`` px.

    Measured in headless Chromium with Noto Naskh Arabic at 13 px: Arabic runs
    about 0.36 em per character and Latin about 0.49 em; 0.40 and 0.52 leave
    a margin without wasting the plot's width.
    """
    def width(label: str) -> float:
        text = strip_bidi_controls(label)
        arabic = len(_ARABIC_SCRIPT_RE.findall(text))
        return (0.40 * arabic + 0.52 * (len(text) - arabic)) * size

    return math.ceil(max((width(label) for label in labels), default=0.0)) + 16


def _hover(*lines: str) -> str:
    """Join hover lines, isolating each, and hide plotly's trace-name box."""
    return "<br>".join(browser_label(line) for line in lines) + "<extra></extra>"

