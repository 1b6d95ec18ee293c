"""Meetings in time: dated and undated meetings, counts per month, and how the timeline pages and
groups its partner rows.

Which meetings are dated is ``is_dated`` (``_frames``), the one rule every page uses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analytics._frames import event_codes, is_dated, meeting_dates, text
from dashboard.analytics.partners import partner_labels
from dashboard.preprocess.schema import EVENT_TYPES

__all__ = [
    "TIMELINE_MAX_MARKERS",
    "TIMELINE_ROWS_PER_PAGE",
    "TIMELINE_PERIODS",
    "dated_meetings",
    "undated_meetings",
    "newest_first",
    "monthly_counts",
    "period_ordinals",
    "period_bounds",
    "timeline_partner_pages",
    "timeline_grouping",
]

#: Most markers the timeline draws. Plotly draws SVG markers one at a time and Streamlit draws a
#: chart twice when it arrives, so 10,000 markers kept the browser busy for over a second on this
#: chart alone. Above the limit a marker stands for one partner's meetings of one type in a month,
#: a quarter or a year (the finest that fits), sized by how many; ``timeline_grouping`` says which.
#: (Read at call time from this module: patch ``dashboard.analytics.time.TIMELINE_MAX_MARKERS``.)
TIMELINE_MAX_MARKERS = 3000
#: Partner rows the timeline page shows at a time (``timeline_partner_pages``): 40 rows are a
#: chart about 1,300 px tall, where 250 partners made one of 6,700 px.
TIMELINE_ROWS_PER_PAGE = 40
TIMELINE_PERIODS = ("month", "quarter", "year")


def dated_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings with a real ISO date (the complement of ``undated_meetings``)."""
    return meetings[is_dated(meetings).to_numpy()]


def undated_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings whose date is empty (or not a readable ISO date).

    They cannot sit on a time axis, so pages list them under the timeline
    rather than dropping them.

    Args:
        meetings: ``meetings`` table.

    Returns:
        The matching rows, all columns, original order.
    """
    return meetings[~is_dated(meetings).to_numpy()]


def newest_first(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meetings, newest first; undated ones last, in the order they came (tables, slides)."""
    key = text(meetings, "date").where(is_dated(meetings), "").reset_index(drop=True)
    return meetings.iloc[key.sort_values(ascending=False, kind="stable").index.to_numpy()]


def monthly_counts(meetings: pd.DataFrame) -> pd.DataFrame:
    """Dated meetings per calendar month, with empty months as 0.

    Args:
        meetings: ``meetings`` table.

    Returns:
        Columns ``month`` (``"yyyy-mm"``), ``month_start`` (Timestamp) and
        ``meetings`` (int), one row per month from the first to the last dated
        meeting. Empty when no meeting is dated.
    """
    months = text(dated_meetings(meetings), "date").str[:7]
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


def period_ordinals(days: np.ndarray, period: str) -> np.ndarray:
    """Months, quarters or years since 1970 of ``datetime64[D]`` values."""
    if period == "year":
        return days.astype("datetime64[Y]").astype("int64")
    months = days.astype("datetime64[M]").astype("int64")
    return months // 3 if period == "quarter" else months


def period_bounds(ordinals: np.ndarray, period: str) -> tuple[np.ndarray, np.ndarray]:
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
    event_type = pd.Categorical(event_codes(dated), categories=EVENT_TYPES).codes.astype("int64")
    days = meeting_dates(dated).to_numpy("datetime64[D]")
    return partner_codes.astype("int64") * len(EVENT_TYPES) + event_type, days


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
    dated = is_dated(meetings).to_numpy()
    if not dated.any():
        return [], 0
    partner = partner_labels(meetings, "en").to_numpy(dtype=object)
    latest = (pd.DataFrame({"partner": partner[dated], "date": text(meetings, "date").to_numpy(dtype=object)[dated]})
              .groupby("partner")["date"].max())
    # Most recent first; partners whose latest meeting falls on the same day, by name.
    order = latest.reset_index().sort_values(["date", "partner"], ascending=[False, True], kind="stable")["partner"]
    page_of = pd.Series(np.arange(len(order)) // size, index=order.to_numpy())
    pages = pd.Series(partner).map(page_of).to_numpy()
    return [dated & (pages == number) for number in range(int(page_of.max()) + 1)], len(order)


def timeline_grouping(meetings: pd.DataFrame, max_markers: int | None = None) -> str | None:
    """How ``charts.visits_timeline`` draws these meetings: a marker each (None), or grouped by period.

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
        ordinals = period_ordinals(days, period)
        if np.unique(rows * 100_000 + (ordinals - ordinals.min())).size <= limit:
            return period
    return TIMELINE_PERIODS[-1]
