"""Presentation mode, the pure part: which slides a deck has, slide numbers, and the per-partner data.

No Streamlit here (the page is ``dashboard/pages/present.py``), so the rules
are testable without an app: one screen per chart, in this order

1. headline figures (big numbers, with the meetings-per-month bars),
2. the partner map,
3. the visits timeline,
4. topics,
5. one slide per partner country in the current selection: the countries
   chosen in the country filter, or, with no country chosen, the
   ``MAX_PARTNER_SLIDES`` countries with the most meetings;
   when the selection is one partner (a partner profile presented), its
   profile instead: history, people, topics, agreements and related partners
   (``PROFILE_SLIDES``).

Slide numbers are 1-based everywhere (URL ``slide=3``, counter ``3 / 7``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import analytics, i18n, tables
from dashboard.i18n import t
from dashboard.rtl import browser_label

__all__ = [
    "MAX_PARTNER_SLIDES",
    "MAX_TOPICS",
    "MAX_TABLE_ROWS",
    "Slide",
    "slides",
    "clamp",
    "slide_from_query",
    "step",
    "FIXED_SLIDES",
    "FIRST_PROFILE_SLIDE",
    "PROFILE_SLIDES",
    "partner_meetings",
    "profile_history_table",
    "partner_table",
    "top_topics",
]

#: Partner slides when no country is chosen (a deck of 80 countries is not a talk).
MAX_PARTNER_SLIDES = 10
#: Topics on the topics slide: more rows than this are unreadable at presentation size.
MAX_TOPICS = 12
#: Meetings listed on a partner slide.
MAX_TABLE_ROWS = 6
#: The deck's first slides, whatever the selection: (slide kind, i18n key of its title).
FIXED_SLIDES = (
    ("headline", "present_headline"),
    ("map", "chart_partner_map"),
    ("timeline", "chart_timeline"),
    ("topics", "chart_topics"),
)
#: Where a presented profile starts (slide numbers are 1-based): right after the fixed slides.
FIRST_PROFILE_SLIDE = len(FIXED_SLIDES) + 1
#: A presented partner profile: (slide kind, i18n key of its heading), in order.
PROFILE_SLIDES = (
    ("profile_history", "partner_history"),
    ("profile_people", "partner_people"),
    ("profile_topics", "partner_topics"),
    ("profile_agreements", "partner_agreements"),
)


@dataclass(frozen=True)
class Slide:
    """One screen of the deck.

    Attributes:
        kind: ``"headline"``, ``"map"``, ``"timeline"``, ``"topics"``, ``"partner"`` or one of
            ``PROFILE_SLIDES``' kinds.
        title: heading in the interface language (plain text).
        iso3: the partner country of a ``"partner"`` slide, else ``""``.
        partner: the partner of a profile slide, else None.
    """

    kind: str
    title: str
    iso3: str = ""
    partner: analytics.Partner | None = None  # the partner of a profile slide


def slides(meetings: pd.DataFrame, lang: str = "ar", selected_countries: tuple[str, ...] = (),
           partner: analytics.Partner | None = None, partner_name: str = "") -> list[Slide]:
    """The deck for the filtered meetings.

    Args:
        meetings: ``meetings`` table, already filtered.
        lang: ``"ar"`` or ``"en"``.
        selected_countries: ISO3 codes of the country filter (empty: none chosen).
        partner: the one partner the selection names (``analytics.partner_from_filters``), if any.
        partner_name: its display name.

    Returns:
        The four fixed slides, then the partner's profile (``PROFILE_SLIDES``) when one partner is
        selected and has meetings; otherwise one slide per partner country that has meetings in
        ``meetings``: in the filter's order when countries were chosen (all of them), else the busiest
        ``MAX_PARTNER_SLIDES`` first.
    """
    deck = [Slide(kind, t(key, lang)) for kind, key in FIXED_SLIDES]
    if partner is not None and len(meetings):
        return deck + [Slide(kind, f"{partner_name} — {t(key, lang)}", partner=partner) for kind, key in PROFILE_SLIDES]
    counts = analytics.country_counts(meetings, lang)
    names = dict(zip(counts["iso3"], counts["name"]))
    if selected_countries:
        codes = [c for c in dict.fromkeys(c.upper() for c in selected_countries) if c in names]
    else:
        codes = counts["iso3"].tolist()[:MAX_PARTNER_SLIDES]
    deck += [Slide("partner", str(names[c]), c) for c in codes]
    return deck


def clamp(number: Any, total: int) -> int:
    """A 1-based slide number forced into ``1..total`` (1 for anything unreadable)."""
    try:
        n = int(str(number).strip())
    except (TypeError, ValueError):
        n = 1
    return min(max(n, 1), max(total, 1))


def slide_from_query(params: Mapping[str, Any], total: int) -> int:
    """The slide number a URL asks for (``slide=N``), clamped; 1 when absent."""
    value = params.get("slide", 1)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else 1
    return clamp(value, total)


def step(number: int, total: int, delta: int, wrap: bool = False) -> int:
    """The slide ``delta`` away from ``number``: stops at the ends, or wraps round (auto-advance)."""
    if total <= 0:
        return 1
    if wrap:
        return (number - 1 + delta) % total + 1
    return clamp(number + delta, total)


def partner_meetings(meetings: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """The meetings with one partner country (a multilateral meeting is with every state it lists, as on the map)."""
    return meetings[analytics.with_countries(meetings, [iso3])]


def partner_table(meetings: pd.DataFrame, lang: str = "ar", limit: int = MAX_TABLE_ROWS) -> tuple[pd.DataFrame, int]:
    """A short table of one partner's meetings for a slide: newest first, undated last.

    Args:
        meetings: that partner's meetings.
        lang: ``"ar"`` or ``"en"``.
        limit: rows kept.

    Returns:
        ``(table, hidden)``: columns date, event type, visitor, location with
        translated headers (values isolated with ``rtl.browser_label``), and
        the number of meetings left out.
    """
    shown = analytics.newest_first(meetings).head(limit)

    def text(col: str) -> pd.Series:
        return shown[col].astype("string").fillna("").str.strip() if col in shown else pd.Series(
            "", index=shown.index, dtype="string")

    name, title = text("visitor_name_ar"), text("visitor_title_ar")
    visitor = tables.name_and_title(name, title)
    table = pd.DataFrame({
        t("col_date", lang): i18n.date_labels(text("date"), lang).to_numpy(),
        t("col_event_type", lang): [i18n.event_type_label(c, lang) for c in text("event_type")],
        t("col_visitor", lang): visitor.where(visitor != "", "—").to_numpy(),
        t("col_location", lang): text("location_ar").where(text("location_ar") != "", "—").to_numpy(),
    })
    # Isolated: an Arabic name with brackets or digits keeps its order in an English (LTR) table too.
    table = table.map(browser_label)
    return table, max(len(meetings) - len(shown), 0)


def profile_history_table(history: pd.DataFrame, lang: str = "ar", limit: int = MAX_TABLE_ROWS
                          ) -> tuple[pd.DataFrame, int]:
    """The newest ``limit`` meetings of a partner's history (``analytics.partner_history``) for a slide:
    date, type, counterpart and place, values isolated; and how many were left out."""
    shown = history.head(limit)
    counterpart = tables.name_and_title(shown["counterpart_name"], shown["counterpart_title"])
    table = pd.DataFrame({
        t("col_date", lang): i18n.date_labels(shown["date"], lang).to_numpy(),
        t("col_event_type", lang): [i18n.event_type_label(c, lang) for c in shown["event_type"]],
        t("col_counterpart", lang): counterpart.where(counterpart != "", "—").to_numpy(),
        t("col_location", lang): shown["location"].where(shown["location"] != "", "—").to_numpy(),
    })
    return table.map(browser_label), max(len(history) - len(shown), 0)


def top_topics(meeting_topics: pd.DataFrame, lang: str = "ar", include_background: bool = False,
               limit: int = MAX_TOPICS) -> tuple[pd.DataFrame, int]:
    """The topic rows of the ``limit`` most frequent topics, and how many topics there are in all.

    Returns:
        ``(rows, total)``: the subset of ``meeting_topics`` to chart, and the
        number of distinct topics before the cut (for a "12 of 20" note).
    """
    counts = analytics.topic_counts(meeting_topics, lang, include_background)
    keep = set(counts["topic_id"].head(limit))
    ids = meeting_topics["topic_id"].astype("string").fillna("")
    return meeting_topics[ids.isin(keep).to_numpy(dtype=bool)], len(counts)
