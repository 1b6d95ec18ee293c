"""What every page shares: the sidebar filters (bound to the URL), page direction, chart display.

This is the page layer: it imports streamlit, reads widgets and calls pure
functions. Filters are widgets with ``bind="query-params"``, so a view is a
link: ``/map?lang=ar&country=MDV&from=2025-01-01``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Callable

import pandas as pd
import streamlit as st

from dashboard import analytics, i18n, tables
from dashboard.data import Dataset, load_dataset
from dashboard.loading import counted_tables
from dashboard.export import safe_filename
from dashboard.i18n import t
from dashboard.preprocess.schema import EVENT_TYPES

# Served by Streamlit from ./static (relative, so it works under any base path): no CDN.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

# Layout-only CSS (no data in it). Plotly's own SVG stays left-to-right inside an
# RTL page; plotly mirrors the chart itself where we ask it to.
_RTL_CSS = """
<style>
[data-testid="stAppViewContainer"] { direction: rtl; }
[data-testid="stMain"], [data-testid="stSidebar"] { direction: rtl; text-align: right; }
[data-testid="stMain"] .stPlotlyChart, [data-testid="stMain"] .js-plotly-plot { direction: ltr; }
[data-testid="stMetricValue"], [data-testid="stMetricLabel"] { direction: rtl; }
[data-testid="stSidebarNav"] { direction: rtl; }
mark.evidence { background: #FFE8A3; padding: 0 2px; border-radius: 3px; }
</style>
"""
_LTR_CSS = """
<style>
mark.evidence { background: #FFE8A3; padding: 0 2px; border-radius: 3px; }
</style>
"""


@dataclass(frozen=True)
class Context:
    """The data and selection a page works with."""

    dataset: Dataset
    filters: analytics.Filters
    meetings: pd.DataFrame  # filtered: one row per event, or per report in the reports view
    link_filters: analytics.Filters | None = None  # the filters as the URL holds them (default dates left out)

    @property
    def links(self) -> analytics.Filters:
        """The filters that links to other views carry: what differs from the defaults, so a link keeps
        working when new articles widen the date range."""
        return self.link_filters or self.filters

    @property
    def lang(self) -> str:
        return self.filters.lang

    @cached_property
    def topics(self) -> pd.DataFrame:
        """Topic rows of the filtered meetings (background-only rows when asked): worked out on first
        use, because the timeline and map pages never need them."""
        return analytics.topics_for(self.meetings, self.base_topics, self.filters.include_background)

    @property
    def base_meetings(self) -> pd.DataFrame:
        """Every row of what is counted, before the filters: events, or reports in the reports view."""
        return counted_tables(self.dataset, self.filters)[0]

    @property
    def base_topics(self) -> pd.DataFrame:
        """Every topic row of what is counted (events, or reports in the reports view)."""
        return counted_tables(self.dataset, self.filters)[1]


def language() -> str:
    """The interface language (Arabic unless the URL or the switch says English)."""
    return st.session_state.get("flt_lang", "ar") or "ar"


def apply_direction(lang: str) -> None:
    """Right-to-left page in Arabic mode."""
    st.html(_RTL_CSS if i18n.is_rtl(lang) else _LTR_CSS)


def _date_bounds(meetings: pd.DataFrame) -> tuple[dt.date, dt.date]:
    dates = analytics.meeting_dates(meetings).dropna()
    if dates.empty:
        today = dt.date.today()
        return today.replace(year=today.year - 1), today
    return dates.min().date(), dates.max().date()


_FILTER_KEYS = ("flt_lang", "flt_from", "flt_to", "flt_country", "flt_org", "flt_event", "flt_topic",
                "flt_undated", "flt_background", "flt_count")


def _url_filters() -> dict[str, str]:
    """The filter part of the URL as it is now."""
    return {k: v for k, v in st.query_params.to_dict().items() if k in analytics.FILTER_QUERY_KEYS}


def _seed_from_url(low: dt.date, high: dt.date) -> None:
    """Widget state from the link the user opened (so a shared view opens as it was).

    Seeded on the session's first run, and again when any filter's state is gone (Streamlit drops the
    state of widgets a run did not draw: a run that stopped early, a page switch) or when the URL's
    filters are not the ones the last run wrote (a link inside the app, such as a partner's "open
    profile", or the browser's back button): then the URL holds the selection the user asked for.
    """
    if st.session_state.get("_seeded") and all(key in st.session_state for key in _FILTER_KEYS) \
            and _url_filters() == st.session_state.get("_url_written"):
        return
    url = analytics.filters_from_query(st.query_params.to_dict())
    st.session_state.update({
        "flt_lang": url.lang, "flt_from": url.date_from or low, "flt_to": url.date_to or high,
        "flt_country": list(url.countries), "flt_org": list(url.organisations), "flt_event": list(url.event_types),
        "flt_topic": list(url.topics), "flt_undated": url.include_undated, "flt_background": url.include_background,
        "flt_count": url.count == "reports", "_seeded": True,
    })


def reseed_filters() -> None:
    """After new data arrived (added articles): seed the filters from the URL again on the next run, so
    date limits left at their defaults widen to the new data's range; chosen filters stay (they are in the URL)."""
    st.session_state["_seeded"] = False


@st.cache_resource(show_spinner=False, max_entries=8)
def _partner_names(version: str, lang: str, _meetings: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """The country and organisation filters' options and their names, once per data version and language
    (they count partners as the map does: 30 ms a rerun at 10,000 meetings otherwise)."""
    del version  # cache key only
    return analytics.country_names(_meetings, lang), analytics.organisation_names(_meetings, lang)


def sidebar_filters(dataset: Dataset) -> analytics.Filters:
    """Render the sidebar filters, keep the URL in step with them, and return the selection."""
    meetings = dataset.meetings
    low, high = _date_bounds(meetings)
    _seed_from_url(low, high)
    with st.sidebar:
        lang = st.segmented_control(t("language", language()), options=list(i18n.LANGS), required=True,
                                    format_func=lambda code: t(f"lang_{code}", code), key="flt_lang") or "ar"
        st.subheader(t("filters", lang))
        limits = {"min_value": dt.date(2015, 1, 1), "max_value": dt.date(2035, 12, 31)}
        date_from = st.date_input(t("filter_from", lang), key="flt_from", **limits)
        date_to = st.date_input(t("filter_to", lang), key="flt_to", **limits)
        country_names, org_names = _partner_names(dataset.version, lang, meetings)
        countries = st.multiselect(t("filter_countries", lang), options=sorted(set(country_names) | set(
            st.session_state["flt_country"])), format_func=lambda code: country_names.get(code, code),
            key="flt_country", placeholder=t("filter_all", lang))
        organisations = st.multiselect(t("filter_organisation", lang), options=sorted(set(org_names) | set(
            st.session_state["flt_org"])), format_func=lambda org: org_names.get(org, org), key="flt_org",
            placeholder=t("filter_all", lang))
        event_types = st.multiselect(t("filter_event_type", lang), options=list(EVENT_TYPES),
                                     format_func=lambda code: i18n.event_type_label(code, lang), key="flt_event",
                                     placeholder=t("filter_all", lang))
        topic_names = tables.topic_names(dataset.meeting_topics, lang)
        topics = st.multiselect(t("filter_topics", lang), options=sorted(set(topic_names) | set(
            st.session_state["flt_topic"])), format_func=lambda tid: topic_names.get(tid, tid), key="flt_topic",
            placeholder=t("filter_all", lang))
        include_undated = st.toggle(t("filter_include_undated", lang), key="flt_undated")
        include_background = st.toggle(t("filter_include_background", lang), key="flt_background")
        count_reports = st.toggle(t("filter_count_reports", lang), key="flt_count",
                                  help=t("filter_count_reports_help", lang))
    filters = analytics.Filters(
        date_from=date_from if isinstance(date_from, dt.date) else None,
        date_to=date_to if isinstance(date_to, dt.date) else None,
        countries=tuple(countries), organisations=tuple(organisations), event_types=tuple(event_types),
        topics=tuple(topics), include_undated=include_undated, include_background=include_background, lang=lang,
        count="reports" if count_reports else "events",
    )
    # The URL carries only what differs from the defaults, so links stay short.
    shown = replace(filters, date_from=None if filters.date_from == low else filters.date_from,
                              date_to=None if filters.date_to == high else filters.date_to)
    others = {k: v for k, v in st.query_params.to_dict().items() if k not in analytics.FILTER_QUERY_KEYS}
    st.query_params.from_dict(others | analytics.filters_to_query(shown))
    st.session_state["_url_written"] = _url_filters()
    st.session_state["_link_filters"] = shown
    return filters


def build_context() -> Context:
    """Load the data, render the sidebar, apply the filters: called once per run by the entry file."""
    dataset = load_dataset()
    filters = sidebar_filters(dataset)
    apply_direction(filters.lang)
    return Context(dataset, filters, analytics.apply_filters(*counted_tables(dataset, filters), filters),
                   link_filters=st.session_state.get("_link_filters"))


def context() -> Context:
    """The context the entry file built for this run."""
    return st.session_state["_context"]


@st.cache_resource(show_spinner=False, max_entries=64)
def _shared(function: str, version: str, filters: tuple, rows: tuple, options: tuple,
            _compute: Callable[[], Any]) -> Any:
    del function, version, filters, rows, options  # cache key only
    return _compute()


def shared(ctx: Context, function: Callable[..., Any], *frames: pd.DataFrame, rows: tuple = (),
           key_filters: analytics.Filters | None = None, **options: Any) -> Any:
    """``function(*frames, **options)``, worked out once per data version, filter selection and options.

    Every session that opens the same view reuses the result: a figure (building the
    10,000-meeting timeline takes about 0.1 s, the topic charts about as long) or what a page
    derives from the filtered rows. ``frames`` must be ones the filters determine, such as
    ``ctx.meetings`` and ``ctx.topics``, or else ``rows`` must say what else chose them (the
    page of a paged chart); ``options`` must be hashable. The result is shared, so it must not
    be changed; Streamlit copies a figure before it serialises it. ``key_filters`` narrows the key when
    the result depends on less than the whole selection (every partner's rows do not depend on which
    partner a profile shows: ``analytics.without_partner(ctx.filters)``).
    """
    filters = tuple(sorted(analytics.filters_to_query(key_filters or ctx.filters).items()))
    return _shared(f"{function.__module__}.{function.__qualname__}", ctx.dataset.version, filters, rows,
                   tuple(sorted(options.items())), lambda: function(*frames, **options))


def chart_config(figure, key: str, lang: str) -> dict:
    """``PLOTLY_CONFIG`` plus this chart's PNG file name (2x resolution, ASCII name: see ``export.safe_filename``)."""
    name = getattr(figure.layout, "uirevision", None)
    if not name or name == "empty":  # an empty figure's uirevision says nothing about the chart
        name = key
    image = {**PLOTLY_CONFIG["toImageButtonOptions"], "filename": safe_filename(str(name), lang)}
    return {**PLOTLY_CONFIG, "toImageButtonOptions": image}


def show_chart(figure, key: str, on_select=None) -> None:
    """A plotly chart with the project's offline config and our own fonts (Streamlit's theme off)."""
    config = chart_config(figure, key, language())
    if on_select is None:
        st.plotly_chart(figure, key=key, theme=None, config=config)
    else:
        st.plotly_chart(figure, key=key, theme=None, config=config, on_select=on_select,
                        selection_mode=("points",))


def select_country_from_map(chart_key: str) -> None:
    """Callback: a click on a country of the map opens its profile, filtered to it."""
    selection = st.session_state.get(chart_key)
    points = (selection or {}).get("selection", {}).get("points", []) if selection else []
    codes = []
    for point in points:
        code = point.get("location") or (point.get("customdata") or [None])[0]
        if isinstance(code, str) and len(code) == 3:
            codes.append(code)
    if codes:
        # One country: its profile opens (``open_profile_after_map_click``); several (a box selection)
        # filter every page to them.
        st.session_state["flt_country"] = sorted(set(codes))
        if len(set(codes)) == 1:
            st.session_state["flt_org"] = []
            st.session_state["_open_partner"] = codes[0]


# Table columns that hold links (relative URLs), by the i18n key of their header, with the key of
# the text each link shows.
_LINK_COLUMNS = {"col_profile": "open_profile", "col_sources": "open_source"}


def show_table(frame: pd.DataFrame, key: str, lang: str) -> None:
    """A table, or "no data" in the interface language when it has no rows (Streamlit's own empty
    table says "empty", in English, whatever the language). A "profile" or "sources" column shows
    as links (``tables`` adds them: a partner's profile, a report on the Sources page)."""
    if frame.empty:
        st.caption(t("no_data", lang))
        return
    links = {t(header, lang): st.column_config.LinkColumn(t(header, lang), display_text=t(text_key, lang))
             for header, text_key in _LINK_COLUMNS.items() if t(header, lang) in frame.columns}
    st.dataframe(frame, hide_index=True, key=key, column_config=links or None)


def open_profile_after_map_click() -> None:
    """After a click on a country of the map: open that country's profile (the click already set the
    country filter, so the link carries it and every other filter)."""
    code = st.session_state.pop("_open_partner", None)
    if code:
        query = {k: v for k, v in st.query_params.to_dict().items() if k not in ("org", "page")}
        st.switch_page("dashboard/pages/partner.py", query_params=query | {"country": code})


def no_data_note(ctx: Context) -> bool:
    """Say so when the filters leave nothing; True when there is nothing to show."""
    if ctx.meetings.empty:
        st.info(t("no_data_filters", ctx.lang))
        return True
    return False


def headline_metrics(ctx: Context) -> None:
    """The row of headline figures (meetings, partners, organisations, topics, latest visit)."""
    lang = ctx.lang
    figures = analytics.headline_figures(ctx.meetings, ctx.topics)
    cols = st.columns([1, 1, 1, 1, 2])
    cols[0].metric(t("metric_meetings", lang), figures["meetings"])
    cols[1].metric(t("metric_partner_countries", lang), figures["partner_countries"])
    cols[2].metric(t("metric_organisations", lang), figures["organisations"])
    cols[3].metric(t("metric_topics", lang), figures["topics"])
    latest = figures.get(f"latest_partner_{'ar' if lang == 'ar' else 'en'}") or None
    # Keyed so presentation mode can size the date to its column (a 84 px date overflows at 1600 px).
    cols[4].container(key="metric_latest").metric(
        t("metric_latest", lang), i18n.date_label(figures["latest_date"], lang) if figures["latest_date"] else "—",
        latest, delta_color="off", delta_arrow="off")
