"""Chart builders: each a pure function from schema DataFrames to a plotly Figure.

Rules every chart follows (and ``tests/test_charts.py`` checks):

* **Bidi.** Every label goes through ``rtl.browser_label``: logical order,
  never reshaped, mixed-direction labels isolated. Hover text is a
  ``hovertemplate`` whose values come from ``customdata`` (names as written in
  the data), never pre-formatted reshaped strings.
* **Arabic mode mirrors the layout**: titles right-aligned, legend on the
  right, hover labels right-aligned, horizontal bar charts grow leftwards
  from a y axis on the right.
* **Dates** are shown with the reviewed month table of ``i18n`` via
  ``tickvals``/``ticktext``; plotly's own Arabic date locale is never used
  (it names May as March).
* **Nothing is dropped silently**: undated meetings are returned by
  ``undated_meetings`` for listing under the timeline; organisations, which
  have no place on a map, are returned by ``organisation_counts``.
* **Empty input** gives a valid figure with a "no data" note, never an error.
* **Vectorised**: groupby/agg and column arithmetic only; no Python loop over
  meetings. Loops run over small things (event types, topics, distinct
  labels). ``python -m dashboard.bench_charts`` times 10,000 meetings.

Inputs are tables as described in ``dashboard/preprocess/schema.py``
(``meetings``, ``meeting_topics``); extra columns are ignored and missing
optional text columns are treated as empty.
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
from dashboard.analytics import member, partner_countries
from dashboard.centroids import CENTROIDS
from dashboard.i18n import t
from dashboard.rtl import browser_label, strip_bidi_controls
from dashboard.theme import OKABE_ITO, PALETTES

__all__ = [
    "FONT_FAMILY",
    "OKABE_ITO",
    "EVENT_TYPE_ORDER",
    "ChartStyle",
    "style",
    "empty_figure",
    "country_counts",
    "organisation_counts",
    "partner_map",
    "partner_labels",
    "dated_meetings",
    "undated_meetings",
    "visits_timeline",
    "monthly_counts",
    "monthly_bar",
    "topic_counts",
    "topic_bars",
    "topic_partner_heatmap",
    "topics_over_time",
    "headline_figures",
    "PRESENTATION_FONT",
    "PRESENTATION_TITLE",
    "presentation_layout",
]

#: Arabic web font first (served from static/ by the app), then system fallbacks.
FONT_FAMILY = '"Noto Naskh Arabic", "Noto Sans", "Segoe UI", Tahoma, Arial, sans-serif'

#: Legend order of event types (schema.EVENT_TYPES).
EVENT_TYPE_ORDER = ("visit_received", "visit_abroad", "agreement", "multilateral", "other")
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
# Column helpers (vectorised)
# --------------------------------------------------------------------------


def _text(df: pd.DataFrame, col: str) -> pd.Series:
    """A text column with NA as "" and outer spaces removed (missing column -> all "")."""
    if col not in df.columns:
        return pd.Series("", index=df.index, dtype="string")
    return df[col].astype("string").fillna("").str.strip()


def _pick(df: pd.DataFrame, ar_col: str, en_col: str, lang: str) -> pd.Series:
    """The name in ``lang``, falling back to the other language when empty."""
    ar, en = _text(df, ar_col), _text(df, en_col)
    first, second = (en, ar) if lang == "en" else (ar, en)
    return first.where(first != "", second)


def _labels(values: pd.Series | np.ndarray | list) -> np.ndarray:
    """``browser_label`` over many values, computed once per distinct value."""
    # Factorise as Python objects: hashing str objects is much cheaper than
    # first converting them to an Arrow-backed string array.
    arr = values.to_numpy(dtype=object, na_value="") if isinstance(values, pd.Series) \
        else np.asarray(values, dtype=object)
    codes, uniques = pd.factorize(arr, use_na_sentinel=False)
    labelled = np.array([browser_label(u) if isinstance(u, str) else "" for u in uniques], dtype=object)
    return labelled[codes] if len(codes) else np.array([], dtype=object)


def _group(frame: pd.DataFrame, key: str, **aggs: Any) -> pd.DataFrame:
    """``groupby(key)`` with one reduction per output column, as a flat frame.

    Equivalent to named ``.agg(...)`` but about three times faster on
    Arrow-backed strings, because each reduction runs directly instead of
    through pandas' generic aggregation dispatch.

    Args:
        frame: the rows.
        key: grouping column (kept as the first output column, in order of
            first appearance).
        **aggs: output column -> ``"size"`` or ``(column, reduction)``.
    """
    g = frame.groupby(key, sort=False)
    cols = {name: (g.size() if spec == "size" else getattr(g[spec[0]], spec[1])())
            for name, spec in aggs.items()}
    return pd.DataFrame(cols).rename_axis(key).reset_index()


def _valid_dates(meetings: pd.DataFrame) -> pd.Series:
    """Boolean mask of meetings with a real ISO ``yyyy-mm-dd`` date.

    Parsing (not just a pattern) so that an impossible date such as
    2025-02-30 counts as undated and is listed, rather than silently
    vanishing from the time axis; the length check rejects unpadded forms.
    """
    text = _text(meetings, "date")
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    return ((text.str.len() == 10) & parsed.notna()).fillna(False).astype(bool)


def partner_labels(meetings: pd.DataFrame, lang: str = "ar") -> pd.Series:
    """Who each meeting was with, as one display name (plain text, not isolated).

    The partner country's name when there is one (the same rule as the map),
    else the partner organisation's, else "unidentified partner".

    Args:
        meetings: ``meetings`` table.
        lang: ``"ar"`` or ``"en"``; the other language fills gaps.

    Returns:
        A string Series aligned with ``meetings``.
    """
    country = _pick(meetings, "partner_country_ar", "partner_country_en", lang)
    org = _pick(meetings, "partner_org_ar", "partner_org_en", lang)
    out = country.where(country != "", org)
    return out.where(out != "", t("unknown_partner", lang))


def _event_codes(meetings: pd.DataFrame) -> pd.Series:
    """Event type codes with anything unknown or empty mapped to "other"."""
    codes = _text(meetings, "event_type")
    return codes.where(codes.isin(EVENT_TYPE_ORDER), "other")


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


# --------------------------------------------------------------------------
# Map
# --------------------------------------------------------------------------


def country_counts(meetings: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Meetings per partner country.

    Args:
        meetings: ``meetings`` table.
        lang: language of the ``name`` column.

    Returns:
        Columns ``iso3, name, name_ar, name_en, meetings, last_date`` (ISO
        text, "" when no meeting with that country is dated), most meetings
        first. Meetings without a partner country are not counted; a
        multilateral meeting counts once for every state it lists.
    """
    partners = partner_countries(meetings)
    rows = partners["row"].to_numpy()
    dates = _text(meetings, "date").where(_valid_dates(meetings), pd.NA)
    frame = pd.DataFrame({
        "iso3": partners["iso3"].astype("string").to_numpy(),
        # NA instead of "" so "first" and "max" skip the gaps.
        "name_ar": partners["name_ar"].astype("string").replace("", pd.NA).to_numpy(),
        "name_en": partners["name_en"].astype("string").replace("", pd.NA).to_numpy(),
        "date": dates.to_numpy()[rows],
    })
    cols = ["iso3", "name", "name_ar", "name_en", "meetings", "last_date"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "meetings" else "string") for c in cols})
    g = _group(frame, "iso3", meetings="size", last_date=("date", "max"),
               name_ar=("name_ar", "first"), name_en=("name_en", "first"))
    g["name_ar"] = g["name_ar"].astype("string").fillna("")
    g["name_en"] = g["name_en"].astype("string").fillna("")
    g["last_date"] = g["last_date"].astype("string").fillna("")
    name = _pick(g, "name_ar", "name_en", lang)
    g["name"] = name.where(name != "", g["iso3"])
    g["meetings"] = g["meetings"].astype("Int64")
    g = g.sort_values(["meetings", "name"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def organisation_counts(meetings: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Meetings per partner organisation, for the list beside the map.

    Organisations (NATO Parliamentary Assembly, UN offices, ...) have no
    territory, so they are never drawn on the map; this table is where they
    appear instead.

    Args:
        meetings: ``meetings`` table.
        lang: language of the ``organisation`` column.

    Returns:
        Columns ``organisation, organisation_ar, organisation_en, meetings,
        last_date`` (ISO text or ""), most meetings first.
    """
    ar, en = _text(meetings, "partner_org_ar"), _text(meetings, "partner_org_en")
    key = ar.where(ar != "", en)  # one organisation = one Arabic name (English if none)
    has = key != ""
    frame = pd.DataFrame({
        "key": key[has],
        "organisation_ar": ar[has].replace("", pd.NA),
        "organisation_en": en[has].replace("", pd.NA),
        "date": _text(meetings, "date")[has].where(_valid_dates(meetings)[has], pd.NA),
    })
    cols = ["organisation", "organisation_ar", "organisation_en", "meetings", "last_date"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "meetings" else "string") for c in cols})
    g = _group(frame, "key", meetings="size", last_date=("date", "max"),
               organisation_ar=("organisation_ar", "first"),
               organisation_en=("organisation_en", "first")).drop(columns="key")
    for c in ("organisation_ar", "organisation_en", "last_date"):
        g[c] = g[c].astype("string").fillna("")
    g["organisation"] = _pick(g, "organisation_ar", "organisation_en", lang)
    g["meetings"] = g["meetings"].astype("Int64")
    g = g.sort_values(["meetings", "organisation"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def partner_map(meetings: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light",
                detail: bool = False) -> go.Figure:
    """World map of partner countries shaded by number of meetings, with a marker per country.

    The choropleth alone hides small states (Maldives, Bahrain, Singapore are
    a few pixels or nothing at world scale, and the 1:110m shapes have no
    Maldives at all), so a ``Scattergeo`` layer puts a marker, sized by
    count, at each country's centroid. Both layers carry the ISO3 code as
    ``customdata[0]`` so a Streamlit selection event can read the country.
    Organisations are not drawn (see ``organisation_counts``), nor are
    meetings without a partner country.

    Args:
        meetings: ``meetings`` table (already filtered by the page).
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).
        detail: draw the 1:50m shapes (for zooming in, slides and exports)
            instead of 1:110m. The browser takes 0.6 s to draw the world at
            1:50m and 0.13 s at 1:110m, and fetches 1.1 MB instead of 0.14 MB;
            the markers show every partner at either scale.

    Returns:
        The figure: trace 0 is the choropleth, trace 1 the markers.
    """
    st = _st(lang, theme)
    counts = country_counts(meetings, st.lang)
    n = len(counts)
    iso = counts["iso3"].to_numpy(dtype=object)
    z = counts["meetings"].to_numpy(dtype="int64") if n else np.array([], dtype="int64")
    last = i18n.date_labels(counts["last_date"], st.lang)
    customdata = np.column_stack([iso, _labels(counts["name"]), z.astype(object), _labels(last)]) if n \
        else np.empty((0, 4), dtype=object)
    hover = _hover("%{customdata[1]}",
                   f"{t('hover_meetings', st.lang)}: %{{customdata[2]}}",
                   f"{t('hover_last_meeting', st.lang)}: %{{customdata[3]}}")
    choropleth = go.Choropleth(
        locations=iso, z=z, locationmode="ISO-3", customdata=customdata,
        hovertemplate=hover, colorscale=[list(p) for p in st.sequential], zmin=0,
        zmax=max(int(z.max()) if n else 1, 1),
        marker=dict(line=dict(color=st.border_color, width=0.5)),
        # Counts are whole numbers: no "1.5" ticks for small maxima.
        colorbar=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))),
                      thickness=12, len=0.6, x=0.0 if st.rtl else 1.0,
                      xanchor="right" if st.rtl else "left", **_int_ticks(z)),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    # Markers: one per country with a known centroid; area proportional to count.
    coords = counts["iso3"].map(CENTROIDS)
    on_map = coords.notna().to_numpy()
    latlon = np.array(coords[on_map].tolist(), dtype=float).reshape(-1, 2)
    zz = z[on_map]
    # Small enough to leave the shaded country readable, large enough to click on a small state.
    sizes = 7 + 11 * np.sqrt(zz / zz.max()) if len(zz) else zz.astype(float)
    markers = go.Scattergeo(
        lat=latlon[:, 0], lon=latlon[:, 1], customdata=customdata[on_map], hovertemplate=hover,
        mode="markers",
        marker=dict(size=sizes, sizemode="diameter", color=st.marker_color, opacity=0.75,
                    line=dict(color=st.marker_line, width=1)),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    extra: dict[str, Any] = {}
    if n == 0:
        extra["annotations"] = [dict(text=browser_label(t("no_data", st.lang)), x=0.5, y=0.5,
                                     xref="paper", yref="paper", showarrow=False, font=dict(size=16))]
    return go.Figure(data=[choropleth, markers], layout=_layout(
        st, t("chart_partner_map", st.lang), "partner_map",
        geo=dict(resolution=50 if detail else 110, projection=dict(type="natural earth"), showcountries=True,
                 showframe=False, fitbounds=False, showland=True, landcolor=st.land_color,
                 countrycolor=st.border_color, coastlinecolor=st.border_color,
                 showocean=True, oceancolor=st.ocean_color, showlakes=False,
                 bgcolor="rgba(0,0,0,0)"),
        height=480,
        margin=dict(l=10, r=10, t=50, b=0),
        **extra,
    ))


# --------------------------------------------------------------------------
# Time
# --------------------------------------------------------------------------


def dated_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings with a well-formed ISO date (the complement of ``undated_meetings``)."""
    return meetings[_valid_dates(meetings).to_numpy()]


def undated_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings whose date is empty (or not a readable ISO date).

    They cannot sit on a time axis, so pages list them under the timeline
    rather than dropping them.

    Args:
        meetings: ``meetings`` table.

    Returns:
        The matching rows, all columns, original order.
    """
    return meetings[~_valid_dates(meetings).to_numpy()]


#: Most markers the timeline draws. Plotly draws SVG markers one at a time and Streamlit draws a
#: chart twice when it arrives, so 10,000 markers kept the browser busy for over a second on this
#: chart alone. Above the limit a marker stands for one partner's meetings of one type in a month,
#: a quarter or a year (the finest that fits), sized by how many; ``timeline_grouping`` says which.
TIMELINE_MAX_MARKERS = 3000
#: Partner rows the timeline page shows at a time (``timeline_partner_pages``): 40 rows are a
#: chart about 1,300 px tall, where 250 partners made one of 6,700 px.
TIMELINE_ROWS_PER_PAGE = 40
#: Longest span, in months, for which topics over time marks each month's value.
MONTHS_WITH_MARKERS = 36
TIMELINE_PERIODS = ("month", "quarter", "year")


def _period_ordinals(days: np.ndarray, period: str) -> np.ndarray:
    """Months, quarters or years since 1970 of ``datetime64[D]`` values."""
    if period == "year":
        return days.astype("datetime64[Y]").astype("int64")
    months = days.astype("datetime64[M]").astype("int64")
    return months // 3 if period == "quarter" else months


def _period_bounds(ordinals: np.ndarray, period: str) -> tuple[np.ndarray, np.ndarray]:
    """First day of each period and of the next one (``datetime64[D]``)."""
    if period == "year":
        start = ordinals.astype("datetime64[Y]")
        return start.astype("datetime64[D]"), (start + 1).astype("datetime64[D]")
    months = ordinals * 3 if period == "quarter" else ordinals
    step = 3 if period == "quarter" else 1
    start = months.astype("datetime64[M]")
    return start.astype("datetime64[D]"), (start + step).astype("datetime64[D]")


def _timeline_keys(dated: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per dated meeting: one integer for its (partner, event type) row and its date as ``datetime64[D]``."""
    partner_codes, _ = pd.factorize(partner_labels(dated, "en").to_numpy(dtype=object))
    event_codes = pd.Categorical(_event_codes(dated), categories=EVENT_TYPE_ORDER).codes.astype("int64")
    days = pd.to_datetime(_text(dated, "date"), format="%Y-%m-%d", errors="coerce").to_numpy("datetime64[D]")
    return partner_codes.astype("int64") * len(EVENT_TYPE_ORDER) + event_codes, days


def timeline_partner_pages(meetings: pd.DataFrame, per_page: int | None = None) -> tuple[list[np.ndarray], int]:
    """The timeline's partner rows in pages, the partner with the most recent meeting first.

    Args:
        meetings: ``meetings`` table.
        per_page: rows per page (default ``TIMELINE_ROWS_PER_PAGE``).

    Returns:
        ``(pages, partners)``: one boolean mask over ``meetings`` per page,
        selecting the dated meetings of that page's partners (every dated
        meeting is on exactly one page), and the number of partner rows in
        all. No pages when no meeting is dated. The pages are the same in
        both languages (partners are told apart by their English name).
    """
    size = TIMELINE_ROWS_PER_PAGE if per_page is None else per_page
    dated = _valid_dates(meetings).to_numpy()
    if not dated.any():
        return [], 0
    partner = partner_labels(meetings, "en").to_numpy(dtype=object)
    latest = (pd.DataFrame({"partner": partner[dated], "date": _text(meetings, "date").to_numpy(dtype=object)[dated]})
              .groupby("partner")["date"].max())
    # Most recent first; partners whose latest meeting falls on the same day, by name.
    order = latest.reset_index().sort_values(["date", "partner"], ascending=[False, True], kind="stable")["partner"]
    page_of = pd.Series(np.arange(len(order)) // size, index=order.to_numpy())
    pages = pd.Series(partner).map(page_of).to_numpy()
    return [dated & (pages == number) for number in range(int(page_of.max()) + 1)], len(order)


def timeline_grouping(meetings: pd.DataFrame, max_markers: int | None = None) -> str | None:
    """How ``visits_timeline`` draws these meetings: a marker each (None), or grouped by period.

    Args:
        meetings: ``meetings`` table (undated rows are ignored).
        max_markers: marker budget (default ``TIMELINE_MAX_MARKERS``).

    Returns:
        None when every dated meeting fits as its own marker; otherwise the
        finest of ``"month"``, ``"quarter"``, ``"year"`` whose groups fit
        (``"year"`` when none does). The same for both languages.
    """
    limit = TIMELINE_MAX_MARKERS if max_markers is None else max_markers
    dated = dated_meetings(meetings)
    if len(dated) <= limit:
        return None
    rows, days = _timeline_keys(dated)
    for period in TIMELINE_PERIODS[:-1]:
        ordinals = _period_ordinals(days, period)
        if np.unique(rows * 100_000 + (ordinals - ordinals.min())).size <= limit:
            return period
    return TIMELINE_PERIODS[-1]


def _period_labels(ordinals: np.ndarray, period: str, lang: str) -> list[str]:
    """Reviewed labels for distinct period ordinals: "نوفمبر 2025", "الربع 3 من 2025", "2025"."""
    start, _ = _period_bounds(ordinals, period)
    years = start.astype("datetime64[Y]").astype("int64") + 1970
    if period == "year":
        return [str(y) for y in years]
    if period == "quarter":
        quarters = (start.astype("datetime64[M]").astype("int64") % 12) // 3 + 1
        return [t("quarter_label", lang, q=int(q), year=int(y)) for q, y in zip(quarters, years)]
    return [i18n.month_label(str(day)[:7], lang) for day in start]


def visits_timeline(meetings: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light") -> go.Figure:
    """Dated meetings as markers on a time axis, one row per partner, coloured by event type.

    Rows are ordered by each partner's latest meeting, most recent at the top.
    Month ticks come from the reviewed month table. In Arabic the partner
    names sit on a right-hand axis. Undated meetings are not plotted; list
    them with ``undated_meetings``. Up to ``TIMELINE_MAX_MARKERS`` meetings
    each have a marker; beyond that, markers group a partner's meetings of
    one type by month, quarter or year (see ``timeline_grouping``), are
    sized by count, say so in the subtitle, and their hover gives the
    period, the count and the latest visit.

    Args:
        meetings: ``meetings`` table.
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure: one ``Scatter`` trace per event type present.
    """
    st = _st(lang, theme)
    title = t("chart_timeline", st.lang)
    d = dated_meetings(meetings)
    if d.empty:
        return empty_figure(st.lang, title, st)
    grouping = timeline_grouping(d)
    dates = _text(d, "date")
    partner = partner_labels(d, st.lang).to_numpy(dtype=object)
    visitor_name, visitor_title = _text(d, "visitor_name_ar"), _text(d, "visitor_title_ar")
    both = (visitor_name != "") & (visitor_title != "")
    visitor = (visitor_name + "، " + visitor_title).where(both, visitor_name + visitor_title)
    visitor = visitor.where(visitor != "", "—").to_numpy(dtype=object)
    codes = _event_codes(d).to_numpy(dtype=object)
    days = pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce").to_numpy("datetime64[D]")
    date_text = i18n.date_labels(dates, st.lang).to_numpy(dtype=object)
    event_names = {c: i18n.event_type_label(c, st.lang) for c in EVENT_TYPE_ORDER}
    event_line = {c: f"{t('hover_event_type', st.lang)}: {event_names[c]}" for c in EVENT_TYPE_ORDER}
    # Row order: latest meeting per partner, most recent on top (plotly draws the first category
    # at the bottom, hence ascending). Worked out on the meetings themselves, grouped or not.
    row_codes, rows = pd.factorize(_labels(partner))
    latest = np.full(len(rows), np.iinfo("int64").min, dtype="int64")
    np.maximum.at(latest, row_codes, days.astype("int64"))
    order = rows[np.argsort(latest, kind="stable")].tolist()

    if grouping is None:
        x, sizes = days, None
        # Per-point hover data kept to two columns: the partner is the y value
        # and the event type is constant per trace, so both go in the template.
        # (Plotly deep-copies object arrays element by element; at thousands of
        # points every column costs milliseconds.)
        customdata = np.column_stack([_labels(visitor), _labels(date_text)])
        hover_lines = ("%{y}", f"{t('hover_visitor', st.lang)}: %{{customdata[0]}}",
                       f"{t('hover_date', st.lang)}: %{{customdata[1]}}")
    else:
        ordinals = _period_ordinals(days, grouping)
        # Sorted by date, so the last row of each group is its latest meeting.
        order_by_date = np.argsort(days, kind="stable")
        frame = pd.DataFrame({"partner": partner, "code": codes, "period": ordinals, "visitor": visitor,
                              "date_text": date_text}).iloc[order_by_date]
        frame["key"] = frame["partner"] + "\x1f" + frame["code"] + "\x1f" + frame["period"].astype(str)
        groups = _group(frame, "key", meetings="size", partner=("partner", "first"), code=("code", "first"),
                        period=("period", "first"), visitor=("visitor", "last"), date_text=("date_text", "last"))
        period = groups["period"].to_numpy(dtype="int64")
        start, end = _period_bounds(period, grouping)
        x = start + (end - start) // 2  # the middle of the period
        distinct, index = np.unique(period, return_inverse=True)
        period_text = np.array(_period_labels(distinct, grouping, st.lang), dtype=object)[index]
        counts = groups["meetings"].to_numpy(dtype="int64")
        # Area proportional to the count: the largest group 22 px across, a single meeting 7 px.
        sizes = 7 + 15 * np.sqrt(counts / counts.max())
        partner, codes = groups["partner"].to_numpy(dtype=object), groups["code"].to_numpy(dtype=object)
        customdata = np.column_stack([_labels(period_text), counts.astype(str),
                                      _labels(groups["visitor"]), _labels(groups["date_text"])])
        hover_lines = ("%{y}", f"{t('hover_period', st.lang)}: %{{customdata[0]}}",
                       f"{t('hover_meetings', st.lang)}: %{{customdata[1]}}",
                       f"{t('hover_latest_visitor', st.lang)}: %{{customdata[2]}}",
                       f"{t('hover_last_meeting', st.lang)}: %{{customdata[3]}}")
    partner = _labels(partner)
    traces = []
    for code in EVENT_TYPE_ORDER:
        sel = codes == code
        if not sel.any():
            continue
        traces.append(go.Scatter(
            x=x[sel], y=partner[sel], customdata=customdata[sel], mode="markers",
            name=browser_label(event_names[code]), legendgroup=code,
            # No marker outline: plotly styles each marker one by one, and an outline is one more
            # property per marker (translucency already shows markers that overlap).
            marker=dict(color=st.event_color(code), symbol=_EVENT_SYMBOLS[code], opacity=0.85,
                        size=14 if sizes is None else sizes[sel], sizemode="diameter"),
            hovertemplate=_hover(*hover_lines, event_line[code]),
        ))
    months = pd.period_range(dates.min()[:7], dates.max()[:7], freq="M").strftime("%Y-%m").tolist()
    tickvals, ticktext = _month_ticks(months, st.lang)
    subtitle = "" if grouping is None else \
        t("timeline_grouped_subtitle", st.lang, period=t(f"period_{grouping}", st.lang))
    subtitle_room = 24 if subtitle else 0
    # Plotly draws no legend for a single trace: then the title band is all the top needs.
    top = (120 if st.rtl else 100) if len(traces) > 1 else 60
    # Margins sized here rather than by plotly's automargin: automargin draws every marker a
    # second time once it has measured the labels.
    labels_side = _label_px(order) + 8
    return go.Figure(data=traces, layout=_layout(
        st, title, "visits_timeline", subtitle=subtitle,
        height=max(380, 26 * len(order) + 100 + top + subtitle_room),  # the plot: 26 px a row, plus 36
        xaxis=dict(type="date", title=dict(text=browser_label(t("axis_date", st.lang))),
                   tickvals=[f"{m}-01" for m in tickvals], ticktext=ticktext, automargin=False),
        yaxis=dict(type="category", categoryorder="array", categoryarray=order,
                   side="right" if st.rtl else "left", title=dict(text=""), automargin=False),
        legend=_legend(st, t("legend_event_type", st.lang), placement="top"),
        # Top: room under the title for the legend's title and up to two rows of entries (see
        # _legend), and for the subtitle when markers are grouped. Bottom: month labels and the
        # axis title. The far side: half a month label.
        margin=dict(l=40 if st.rtl else labels_side, r=labels_side if st.rtl else 40,
                    t=top + subtitle_room, b=64, autoexpand=False),
    ))


def monthly_counts(meetings: pd.DataFrame) -> pd.DataFrame:
    """Dated meetings per calendar month, with empty months as 0.

    Args:
        meetings: ``meetings`` table.

    Returns:
        Columns ``month`` (``"yyyy-mm"``), ``month_start`` (Timestamp) and
        ``meetings`` (int), one row per month from the first to the last dated
        meeting. Empty when no meeting is dated.
    """
    months = _text(dated_meetings(meetings), "date").str[:7]
    if months.empty:
        return pd.DataFrame({"month": pd.Series(dtype="string"),
                             "month_start": pd.Series(dtype="datetime64[ns]"),
                             "meetings": pd.Series(dtype="int64")})
    counts = months.value_counts()
    full = pd.period_range(months.min(), months.max(), freq="M")
    labels = full.strftime("%Y-%m")
    return pd.DataFrame({
        "month": pd.Series(labels, dtype="string"),
        "month_start": full.to_timestamp(),
        "meetings": counts.reindex(labels, fill_value=0).to_numpy(dtype="int64"),
    })


def monthly_bar(meetings: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light") -> go.Figure:
    """Meetings per month as vertical bars, month names from the reviewed table.

    Args:
        meetings: ``meetings`` table.
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure (one ``Bar`` trace; x categories are ``"yyyy-mm"``).
    """
    st = _st(lang, theme)
    title = t("chart_monthly", st.lang)
    mc = monthly_counts(meetings)
    if mc.empty:
        return empty_figure(st.lang, title, st)
    months = mc["month"].tolist()
    tickvals, ticktext = _month_ticks(months, st.lang)
    bar = go.Bar(
        x=months, y=mc["meetings"].to_numpy(), marker_color=st.palette[4],
        customdata=np.array(_month_texts(months, st.lang), dtype=object).reshape(-1, 1),
        hovertemplate=_hover("%{customdata[0]}", f"{t('hover_meetings', st.lang)}: %{{y}}"),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    return go.Figure(data=[bar], layout=_layout(
        st, title, "monthly_bar",
        xaxis=dict(type="category", tickvals=tickvals, ticktext=ticktext,
                   title=dict(text=browser_label(t("axis_month", st.lang)))),
        # Time runs left to right in both languages (as in the Arabic press),
        # so the value axis stays at the time origin, on the left.
        yaxis=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))), rangemode="tozero",
                   **_int_ticks(mc["meetings"].to_numpy())),
        bargap=0.15,
    ))


# --------------------------------------------------------------------------
# Topics
# --------------------------------------------------------------------------


def _topic_rows(meeting_topics: pd.DataFrame, include_background: bool) -> pd.DataFrame:
    """Topic rows that count: ``in_account`` only, unless background is included."""
    if include_background or "in_account" not in meeting_topics.columns:
        return meeting_topics
    keep = meeting_topics["in_account"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    return meeting_topics[keep]


def topic_counts(meeting_topics: pd.DataFrame, lang: str = "ar",
                 include_background: bool = False) -> pd.DataFrame:
    """Distinct meetings per topic.

    Args:
        meeting_topics: ``meeting_topics`` table.
        lang: language of the ``topic`` column.
        include_background: also count topics found only in background
            paragraphs about the coalition (``in_account`` false).

    Returns:
        Columns ``topic_id, topic, topic_ar, topic_en, meetings``, most first.
    """
    rows = _topic_rows(meeting_topics, include_background)
    cols = ["topic_id", "topic", "topic_ar", "topic_en", "meetings"]
    frame = pd.DataFrame({
        "topic_id": _text(rows, "topic_id"), "meeting_id": _text(rows, "meeting_id"),
        "topic_ar": _text(rows, "topic_ar").replace("", pd.NA),
        "topic_en": _text(rows, "topic_en").replace("", pd.NA),
    })
    frame = frame[frame["topic_id"] != ""]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "meetings" else "string") for c in cols})
    g = _group(frame, "topic_id", meetings=("meeting_id", "nunique"),
               topic_ar=("topic_ar", "first"), topic_en=("topic_en", "first"))
    for c in ("topic_ar", "topic_en"):
        g[c] = g[c].astype("string").fillna("")
    topic = _pick(g, "topic_ar", "topic_en", lang)
    g["topic"] = topic.where(topic != "", g["topic_id"])
    g["meetings"] = g["meetings"].astype("int64")
    g = g.sort_values(["meetings", "topic"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def topic_bars(meeting_topics: pd.DataFrame, lang: str = "ar", include_background: bool = False,
               theme: str | ChartStyle = "light") -> go.Figure:
    """Meetings per topic as horizontal bars, largest on top; mirrored in Arabic.

    In Arabic the topic names are on a right-hand axis and bars grow leftwards
    (x axis reversed), as an Arabic reader scans from the right.

    Args:
        meeting_topics: ``meeting_topics`` table.
        lang: ``"ar"`` or ``"en"``.
        include_background: also count background-only topic mentions.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure (one horizontal ``Bar`` trace).
    """
    st = _st(lang, theme)
    title = t("chart_topics", st.lang)
    tc = topic_counts(meeting_topics, st.lang, include_background)
    if tc.empty:
        return empty_figure(st.lang, title, st)
    tc = tc.iloc[::-1]  # plotly draws the first category at the bottom
    labels = _labels(tc["topic"])
    bar = go.Bar(
        x=tc["meetings"].to_numpy(), y=labels, orientation="h", marker_color=st.palette[4],
        text=tc["meetings"].to_numpy(), textposition="outside", cliponaxis=False,
        customdata=labels.reshape(-1, 1),
        hovertemplate=_hover("%{customdata[0]}", f"{t('hover_meetings', st.lang)}: %{{x}}"),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    return go.Figure(data=[bar], layout=_layout(
        st, title, "topic_bars",
        height=max(300, 30 * len(tc) + 120),
        xaxis=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))),
                   autorange="reversed" if st.rtl else True, rangemode="tozero",
                   **_int_ticks(tc["meetings"].to_numpy())),
        yaxis=dict(type="category", categoryorder="array", categoryarray=labels.tolist(),
                   side="right" if st.rtl else "left"),
    ))


def _topic_meetings(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str,
                    include_background: bool, with_partner: bool = True) -> pd.DataFrame:
    """Counted topic rows joined to their meeting (inner join: page filters on meetings apply).

    Returns columns ``meeting_id, topic_id, topic, date, dated`` and, when
    ``with_partner``, ``partner``; one row per (meeting, topic).
    """
    rows = _topic_rows(meeting_topics, include_background)
    topics = pd.DataFrame({
        "meeting_id": _text(rows, "meeting_id"), "topic_id": _text(rows, "topic_id"),
        "topic": _pick(rows, "topic_ar", "topic_en", lang),
    })
    topics = topics[topics["topic_id"] != ""].drop_duplicates(["meeting_id", "topic_id"])
    topics["topic"] = topics["topic"].where(topics["topic"] != "", topics["topic_id"])
    m = pd.DataFrame({
        "meeting_id": _text(meetings, "meeting_id"), "date": _text(meetings, "date"),
        "dated": _valid_dates(meetings),
    })
    if with_partner:
        m["partner"] = partner_labels(meetings, lang)
    m = m.drop_duplicates("meeting_id")
    return topics.merge(m, on="meeting_id", how="inner")


def topic_partner_heatmap(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str = "ar",
                          include_background: bool = False, theme: str | ChartStyle = "light",
                          max_partners: int = 30) -> go.Figure:
    """Topics (rows) by partners (columns): how many meetings with each partner raised each topic.

    Args:
        meetings: ``meetings`` table (only topics of these meetings count).
        meeting_topics: ``meeting_topics`` table.
        lang: ``"ar"`` or ``"en"``.
        include_background: also count background-only topic mentions.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).
        max_partners: keep the partners with the most topic-bearing meetings;
            a matrix wider than this is unreadable.

    Returns:
        The figure (one ``Heatmap``); in Arabic topics are on the right and
        the busiest partner is the right-most column.
    """
    st = _st(lang, theme)
    title = t("chart_topic_partner", st.lang)
    tm = _topic_meetings(meetings, meeting_topics, st.lang, include_background)
    if tm.empty:
        return empty_figure(st.lang, title, st)
    matrix = tm.groupby(["topic", "partner"], sort=False).size().unstack("partner", fill_value=0)
    partner_total = tm.drop_duplicates(["meeting_id", "partner"]).groupby("partner").size()
    partners = partner_total.sort_values(ascending=False, kind="stable").index[:max_partners]
    matrix = matrix.reindex(columns=partners, fill_value=0)
    topic_total = tm.groupby("topic")["meeting_id"].nunique()
    # Busiest topic at the top (plotly's first row is the bottom one).
    topics = topic_total.reindex(matrix.index).sort_values(kind="stable").index
    matrix = matrix.reindex(index=topics)
    z = matrix.to_numpy(dtype="int64")
    x, y = _labels(matrix.columns.to_series()), _labels(matrix.index.to_series())
    show_text = z.size <= 400
    # Margins sized here, not by plotly's automargin, which draws the chart a second time once it
    # has measured the labels. Partner names slant at -45 degrees: each reaches 0.71 of its width
    # (plus a line) below the plot, and the outermost one as far sideways past the plot's edge.
    slant = [math.ceil(0.71 * (_label_px([label]) + 13)) for label in x]
    outer_slant = slant[-1] if st.rtl else slant[0]  # the left-most column: last in Arabic (reversed axis)
    colour_title = t("axis_meetings", st.lang)
    # The bar's title is as wide as its box: a gap keeps it off the plot.
    bar_side = max(_label_px([colour_title]), 12 + _label_px([f"{int(z.max()):,}"])) + 40
    topic_side = _label_px(list(y)) + 12
    heat = go.Heatmap(
        z=z, x=x, y=y, colorscale=[list(p) for p in st.sequential], zmin=0, xgap=1, ygap=1,
        texttemplate="%{z}" if show_text else None,
        hovertemplate=_hover(f"{t('hover_topic', st.lang)}: %{{y}}",
                             f"{t('hover_partner', st.lang)}: %{{x}}",
                             f"{t('hover_meetings', st.lang)}: %{{z}}"),
        # In Arabic the topic names take the right-hand side, so the colour bar moves to the left.
        # It sits at the figure's edge (container coordinates): its room does not depend on the
        # plot's width.
        colorbar=dict(title=dict(text=browser_label(colour_title)), thickness=12, xref="container",
                      x=0.0 if st.rtl else 1.0, xanchor="left" if st.rtl else "right",
                      **_int_ticks(z)),
    )
    bottom = max(slant) + 56  # and the axis title under the names
    return go.Figure(data=[heat], layout=_layout(
        st, title, "topic_partner_heatmap",
        height=max(380, 34 * len(topics) + 60 + bottom),
        xaxis=dict(type="category", tickangle=-45, autorange="reversed" if st.rtl else True,
                   title=dict(text=browser_label(t("axis_partner", st.lang))), automargin=False),
        yaxis=dict(type="category", side="right" if st.rtl else "left", automargin=False),
        margin=dict(l=max(bar_side, outer_slant) if st.rtl else max(topic_side, outer_slant),
                    r=topic_side if st.rtl else bar_side, t=60, b=bottom, autoexpand=False),
    ))


def topics_over_time(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, lang: str = "ar",
                     include_background: bool = False, theme: str | ChartStyle = "light") -> go.Figure:
    """Monthly number of meetings raising each topic, one line per topic.

    Lines rather than stacked bars: with a dozen topics, stacked segments
    cannot be compared, while lines can be toggled from the legend. Colours
    cycle through Okabe-Ito and the dash pattern changes on each cycle, so
    no two topics look the same. Undated meetings are not counted.

    Args:
        meetings: ``meetings`` table (dates and page filters).
        meeting_topics: ``meeting_topics`` table.
        lang: ``"ar"`` or ``"en"``.
        include_background: also count background-only topic mentions.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).

    Returns:
        The figure: one ``Scatter`` line per topic, busiest topic first.
    """
    st = _st(lang, theme)
    title = t("chart_topics_over_time", st.lang)
    tm = _topic_meetings(meetings, meeting_topics, st.lang, include_background, with_partner=False)
    tm = tm[tm["dated"].to_numpy(dtype=bool)]
    if tm.empty:
        return empty_figure(st.lang, title, st)
    tm = tm.assign(month=tm["date"].str[:7])
    months = pd.period_range(tm["month"].min(), tm["month"].max(), freq="M").strftime("%Y-%m")
    table = tm.groupby(["topic", "month"], sort=False).size().unstack("month", fill_value=0)
    table = table.reindex(columns=months, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    month_text = np.array(_month_texts(list(months), st.lang), dtype=object)
    hover = _hover("%{customdata[0]}", "%{customdata[1]}", f"{t('hover_meetings', st.lang)}: %{{y}}")
    x = np.asarray(months, dtype=object)
    # Over a few years a marker per month is clutter that the browser draws one by one (a dozen
    # topics over ten years is 1,500 markers); the line alone shows the trend and still has hover.
    mode = "lines+markers" if len(months) <= MONTHS_WITH_MARKERS else "lines"
    traces = []
    for i, (topic, counts) in enumerate(zip(_labels(table.index.to_series()), table.to_numpy())):
        traces.append(go.Scatter(
            x=x, y=counts, mode=mode, name=topic,
            line=dict(color=st.palette[i % len(st.palette)], dash=_DASHES[(i // len(st.palette)) % len(_DASHES)],
                      width=2),
            marker=dict(size=5),
            customdata=np.column_stack([np.full(len(months), topic, dtype=object), month_text]),
            hovertemplate=hover,
        ))
    tickvals, ticktext = _month_ticks(list(months), st.lang)
    return go.Figure(data=traces, layout=_layout(
        st, title, "topics_over_time",
        xaxis=dict(type="category", tickvals=tickvals, ticktext=ticktext,
                   title=dict(text=browser_label(t("axis_month", st.lang)))),
        # Time runs left to right in both languages (as in the Arabic press),
        # so the value axis stays at the time origin, on the left.
        yaxis=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))), rangemode="tozero",
                   **_int_ticks(table.to_numpy())),
        legend=_legend(st, t("legend_topic", st.lang)),
    ))


# --------------------------------------------------------------------------
# Presentation (large type for a projector; see dashboard/pages/present.py)
# --------------------------------------------------------------------------

#: Presentation type sizes in px: every chart text at least ``PRESENTATION_FONT``
#: (readable from the back of a room at 1920x1080), titles ``PRESENTATION_TITLE``.
PRESENTATION_FONT = 22
PRESENTATION_TITLE = 32
_AXIS_KEY_RE = re.compile(r"^[xy]axis\d*$")


def presentation_layout(fig: go.Figure, lang: str = "ar", *, height: int | None = None,
                        font_size: int = PRESENTATION_FONT, title_size: int = PRESENTATION_TITLE) -> go.Figure:
    """A copy of ``fig`` with presentation-size type; the data are not touched.

    Sets the base font, title, legend, hover, axis tick and title, annotation,
    trace text and colour-bar fonts to at least ``font_size`` (titles to
    ``title_size``), enlarges scalar marker sizes and line widths in
    proportion, and widens the margins that the builders reserved for text
    (the title band, a top legend, a colour bar) by the same factor, so the
    larger type is not clipped. Colours, direction (mirroring in Arabic) and
    every data array stay as the builder made them.

    Args:
        fig: a figure from one of this module's builders (any figure works).
        lang: ``"ar"`` or ``"en"`` (kept for symmetry with the builders; the
            mirroring is already in ``fig``).
        height: figure height in px, or None to scale the builder's height.
        font_size: minimum size of every text, px.
        title_size: chart title size, px.

    Returns:
        A new figure.
    """
    del lang  # the builder already mirrored the layout
    out = go.Figure(fig)
    layout = out.layout
    factor = font_size / 13  # 13 px: the builders' base size (see _template)
    layout.font.size = font_size
    layout.title.font.size = title_size
    layout.legend.font.size = font_size
    layout.legend.title.font.size = font_size
    layout.hoverlabel.font.size = font_size
    present = layout.to_plotly_json()
    for key in present:
        if _AXIS_KEY_RE.match(key):
            axis = layout[key]
            axis.tickfont.size = max(axis.tickfont.size or 0, font_size)
            axis.title.font.size = max(axis.title.font.size or 0, font_size)
            # A little air between tick labels and bars (labels at 22 px touch them otherwise).
            axis.ticklabelstandoff = max(axis.ticklabelstandoff or 0, 8)
    for note in layout.annotations:
        note.font.size = max(note.font.size or 0, font_size)
    for trace in out.data:
        if "textfont" in trace:
            trace.textfont.size = font_size
        if "colorbar" in trace:
            trace.colorbar.tickfont.size = font_size
            trace.colorbar.title.font.size = font_size
            trace.colorbar.thickness = round((trace.colorbar.thickness or 12) * factor)
        if "marker" in trace and "size" in trace.marker and trace.marker.size is not None:
            # Uniform scaling: an area-coded marker keeps its proportions.
            size = trace.marker.size
            trace.marker.size = size * min(factor, 1.5) if isinstance(size, (int, float)) \
                else np.asarray(size, dtype=float) * min(factor, 1.5)
        if "line" in trace and "width" in trace.line and isinstance(trace.line.width, (int, float)):
            trace.line.width = trace.line.width * min(factor, 1.5)
    margin = layout.margin
    top = margin.t if margin.t is not None else 60
    entries = sum(1 for trace in out.data if trace.showlegend is not False)
    if layout.legend.orientation == "h" and (entries < 2 and layout.showlegend is not True):
        # A top legend with one entry is not drawn (plotly's default): only the title band is needed.
        top = min(top, 60)
    layout.margin = dict(
        t=round(top * factor),
        b=margin.b if margin.b is not None else 10,
        # 10 px is plain padding; anything wider was reserved for text.
        l=margin.l if (margin.l or 0) <= 10 else round(margin.l * factor),
        r=margin.r if (margin.r or 0) <= 10 else round(margin.r * factor),
    )
    # Larger type needs more room than a builder's own margin sizing allowed for: let plotly size
    # every margin (a second draw costs little on a slide).
    for key in present:
        if _AXIS_KEY_RE.match(key):
            layout[key].automargin = True
    if height is not None:
        layout.height = height
    elif layout.height is not None:
        layout.height = round(layout.height * factor)
    return out


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def headline_figures(meetings: pd.DataFrame, meeting_topics: pd.DataFrame) -> dict[str, Any]:
    """The numbers for the overview's ``st.metric`` row.

    Args:
        meetings: ``meetings`` table (filtered as shown).
        meeting_topics: ``meeting_topics`` table; only ``in_account`` topics of
            these meetings count.

    Returns:
        ``meetings`` (int), ``partner_countries`` (distinct ISO3),
        ``organisations`` (distinct organisations), ``topics`` (distinct
        topics raised), ``undated`` (meetings without a date),
        ``latest_date`` (ISO text of the latest dated meeting, or None),
        ``latest_partner_ar`` / ``latest_partner_en`` (who it was with, or
        None) and ``latest_event_type`` (code, or None).
    """
    iso = _text(meetings, "partner_country_iso3").str.upper()
    org_ar, org_en = _text(meetings, "partner_org_ar"), _text(meetings, "partner_org_en")
    org = org_ar.where(org_ar != "", org_en)
    ids = _text(meetings, "meeting_id")
    rows = _topic_rows(meeting_topics, include_background=False)
    in_meetings = member(_text(rows, "meeting_id"), ids)
    topic_ids = _text(rows, "topic_id")[in_meetings]
    dated = dated_meetings(meetings)
    out: dict[str, Any] = {
        "meetings": int(len(meetings)),
        "partner_countries": int(iso[iso != ""].nunique()),
        "organisations": int(org[org != ""].nunique()),
        "topics": int(topic_ids[topic_ids != ""].nunique()),
        "undated": int(len(meetings) - len(dated)),
        "latest_date": None,
        "latest_partner_ar": None,
        "latest_partner_en": None,
        "latest_event_type": None,
    }
    if len(dated):
        # First meeting on the latest date (argmax returns the first maximum).
        pos = int(np.argmax(_text(dated, "date").to_numpy(dtype=object)))
        latest = dated.iloc[[pos]]
        out["latest_date"] = str(_text(latest, "date").iloc[0])
        out["latest_partner_ar"] = str(partner_labels(latest, "ar").iloc[0])
        out["latest_partner_en"] = str(partner_labels(latest, "en").iloc[0])
        out["latest_event_type"] = str(_event_codes(latest).iloc[0])
    return out
