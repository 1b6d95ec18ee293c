"""The filters that produced a view, in words: the line under every slide's title.

``filter_parts`` gives (label, values) pairs, which the PDF isolates value by
value; ``describe_filters`` joins them into one plain logical-order line.
Codes (ISO3, organisation keys, topic ids) are named in the deck's language.
"""

from __future__ import annotations

import pandas as pd

from dashboard import analytics, i18n, tables
from dashboard.i18n import list_sep, t
from dashboard.preprocess.gazetteer import load_gazetteer

__all__ = ["filter_parts", "describe_filters", "list_sep", "part_sep"]


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


def part_sep(lang: str) -> str:
    """Between two filters: the Arabic semicolon in Arabic."""
    return "؛ " if lang == "ar" else "; "


def describe_filters(filters: analytics.Filters, meetings: pd.DataFrame, meeting_topics: pd.DataFrame,
                     lang: str = "ar") -> str:
    """One human-readable line saying which filters produced the view, in ``lang``.

    e.g. ``"عوامل التصفية: الدول: المالديف؛ دون الاجتماعات غير المؤرخة"`` or
    ``"Filters: none (all meetings)"``. Plain logical-order text.
    """
    parts = filter_parts(filters, meetings, meeting_topics, lang)
    body = part_sep(lang).join(
        (f"{label}: " if label else "") + list_sep(lang).join(values) for label, values in parts
    ) if parts else t("export_no_filters", lang)
    return f"{t('export_filters', lang)}: {body}"
