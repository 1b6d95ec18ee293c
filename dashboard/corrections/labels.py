"""The review page's wording: fields, countries, topics, reasons, statuses and values in words,
the meetings' short names, and the corrections log as a table to read.

Text only: nothing here reads or writes the store.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard import i18n
from dashboard.analytics import is_dated, partner_labels
from dashboard.corrections.fields import HIDDEN, MERGED_PREFIX, VISIBLE, countries
from dashboard.i18n import t
from dashboard.preprocess.topics import TOPICS_BY_ID

__all__ = ["FIELD_KEYS", "field_label", "country_label", "topic_label", "reason_labels", "status_label",
           "value_label", "meeting_names", "history_frame"]

FIELD_KEYS = {
    "date": "col_date", "partner_country_iso3": "col_country", "partner_org_ar": "col_organisation",
    "event_type": "col_event_type", "topics": "col_topics", "visitor_name_ar": "col_visitor",
    "visitor_title_ar": "col_visitor_title", "reviewed": "review_field_reviewed", "status": "col_status",
    "event_id": "col_event",
}


def field_label(field: str, lang: str) -> str:
    return t(FIELD_KEYS.get(field, field), lang) if field in FIELD_KEYS else field


def country_label(iso3: Any, lang: str) -> str:
    """A country's name in ``lang`` followed by its code, for pick lists."""
    if not isinstance(iso3, str) or not iso3:
        return ""
    names = countries().get(iso3)
    if names is None:
        return iso3
    return f"{names[0] if lang == 'ar' else names[1]} · {iso3}"


def topic_label(topic_id: str, lang: str) -> str:
    topic = TOPICS_BY_ID.get(topic_id)
    return topic_id if topic is None else (topic.label_ar if lang == "ar" else topic.label_en)


def reason_labels(reasons: str, lang: str) -> str:
    """Review reasons (``a;b``) in words; a reason without a translation shows its code."""
    words = [t(f"reason_{r}", lang) if f"reason_{r}" in i18n.STRINGS else r for r in str(reasons or "").split(";") if r]
    return ("، " if lang == "ar" else ", ").join(words)


def status_label(status: str, lang: str, meeting_names: dict[str, str] | None = None) -> str:
    """visible / hidden / merged into <meeting>, in words."""
    status = str(status or VISIBLE)
    if status.startswith(MERGED_PREFIX):
        target = status[len(MERGED_PREFIX):]
        return t("review_status_merged", lang, target=(meeting_names or {}).get(target, target))
    return t("review_status_hidden" if status == HIDDEN else "review_status_visible", lang)


def value_label(field: str, value: str, lang: str, meeting_names: dict[str, str] | None = None) -> str:
    """A stored correction value as a reader should see it."""
    value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if field == "status":
        return status_label(value, lang, meeting_names)
    if not value:
        return "—"
    if field == "date":
        return i18n.date_label(value, lang)
    if field == "partner_country_iso3":
        return country_label(value, lang)
    if field == "event_type":
        return i18n.event_type_label(value, lang)
    if field == "topics":
        return ("، " if lang == "ar" else ", ").join(topic_label(v, lang) for v in value.split(";") if v)
    if field == "reviewed":
        return t("yes", lang)
    return value


def meeting_names(meetings: pd.DataFrame, lang: str) -> dict[str, str]:
    """meeting_id -> a short description (date · partner · visitor) for pick lists and the history.

    The partner is named by ``analytics.partner_labels`` and the date shown only when
    ``analytics.is_dated`` says the meeting is dated: the rules every page uses.
    """
    partner = partner_labels(meetings, lang).astype(str)
    dates = meetings["date"].astype("string").fillna("").where(is_dated(meetings), "")
    when = i18n.date_labels(dates, lang)
    visitor = meetings["visitor_name_ar"].fillna("").astype(str)
    text = when.astype(str) + " · " + partner + visitor.map(lambda v: f" · {v}" if v else "")
    return dict(zip(meetings["meeting_id"].astype(str), text))


def history_frame(corrections: pd.DataFrame, lang: str, meeting_names: dict[str, str]) -> pd.DataFrame:
    """The corrections log in words (newest first), one row per correction, for the history view."""
    ordered = corrections.sort_values("id", ascending=False, kind="stable")
    return pd.DataFrame({
        "id": ordered["id"].astype("Int64"),
        "when": ordered["created_at"].fillna("").str.replace("T", " ").str.replace("Z", " UTC"),
        "meeting": ordered["meeting_id"].map(lambda m: meeting_names.get(m, m)),
        "field": ordered["field"].map(lambda f: field_label(f, lang)),
        "old": [value_label(f, v, lang, meeting_names) for f, v in zip(ordered["field"], ordered["old_value"])],
        "new": [value_label(f, v, lang, meeting_names) for f, v in zip(ordered["field"], ordered["new_value"])],
        "note": ordered["note"].fillna(""),
        "undone_at": ordered["undone_at"].fillna("").str.replace("T", " ").str.replace("Z", " UTC"),
    }).reset_index(drop=True)
