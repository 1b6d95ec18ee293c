"""The fields a correction can set, and the canonical text of their values.

Every module of ``dashboard.corrections`` reads these: ``records`` stores
``normalize_value``'s text, ``apply`` writes it into the tables, ``review``
compares the review table's cells through it and ``labels`` names it.

Fields a correction can set (``FIELDS``):

``date``                  yyyy-mm-dd (a real day: ``analytics.is_dated``, the one rule), or empty for "unknown".
``partner_country_iso3``  an ISO3 code of the gazetteer, or empty.
``partner_org_ar``        free text; a known organisation (by any of its Arabic or English names) is
                          replaced by its canonical names, other text is used for both languages.
``event_type``            one of ``schema.EVENT_TYPES``.
``topics``                topic ids joined by ``;``, in taxonomy order.
``visitor_name_ar``, ``visitor_title_ar``  free text.
``reviewed``              ``true``: a person checked the row as it is.
``status``                ``visible``, ``hidden`` (not a meeting) or ``merged_into:<meeting_id>``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterable

import pandas as pd

from dashboard.analytics import is_dated
from dashboard.preprocess import schema
from dashboard.preprocess.gazetteer import country_choices, load_gazetteer
from dashboard.preprocess.normalize import normalize
from dashboard.preprocess.topics import TAXONOMY, TOPICS_BY_ID

__all__ = ["EDITABLE_FIELDS", "FIELDS", "TEXT_FIELDS", "VISIBLE", "HIDDEN", "MERGED_PREFIX", "EVENT_PREFIX",
           "Correction",
           "countries", "organisation_names", "topic_ids", "normalize_value"]

#: Fields the review page edits in its table, in display order.
EDITABLE_FIELDS = ("date", "partner_country_iso3", "partner_org_ar", "event_type", "topics",
                   "visitor_name_ar", "visitor_title_ar")
#: Every field a correction can set.
FIELDS = EDITABLE_FIELDS + ("reviewed", "status", "event_id")
#: Fields whose value is free text, used as written.
TEXT_FIELDS = ("visitor_name_ar", "visitor_title_ar")

VISIBLE, HIDDEN, MERGED_PREFIX = "visible", "hidden", "merged_into:"
EVENT_PREFIX = schema.EVENT_PREFIX


@dataclass(frozen=True)
class Correction:
    """One correction. ``id``, ``created_at`` and ``undone_at`` are set by the store."""

    meeting_id: str
    field: str
    old_value: str
    new_value: str
    note: str = ""
    id: int | None = None
    created_at: str = ""
    undone_at: str = ""


@cache
def countries() -> dict[str, tuple[str, str]]:
    """iso3 -> (Arabic name, English name) for every gazetteer country."""
    return {c.iso3: (c.name_ar, c.name_en) for c in country_choices()}


@cache
def _organisations() -> dict[str, tuple[str, str]]:
    """Normalised (or lower-cased Latin) name -> (Arabic name, English name) of gazetteer organisations."""
    gaz = load_gazetteer()
    found: dict[str, tuple[str, str]] = {}
    for org in gaz.organisations.values():
        names = (org.name_ar, org.name_en, org.short_en, org.org_id)
        for term in [normalize(n).casefold() for n in names if n] + gaz.terms_for(org.org_id, "org"):
            found.setdefault(term, (org.name_ar, org.name_en))
    return found


def organisation_names(text: str) -> tuple[str, str]:
    """(Arabic, English) names for an organisation typed by a reviewer.

    A known organisation, written by any of its names, gets its canonical names; other text is kept
    as written, for both languages (there is no English name to give it).
    """
    text = " ".join(str(text or "").split())
    if not text:
        return "", ""
    return _organisations().get(normalize(text).casefold(), (text, text))


def topic_ids(value: Any) -> list[str]:
    """Topic ids from a list or ';'-joined text, in taxonomy order, without repeats."""
    if isinstance(value, str):
        items: Iterable[str] = value.split(";")
    elif hasattr(value, "__iter__"):  # list, tuple, set, numpy array (what data_editor may give back)
        items = value
    elif value is None or pd.isna(value):
        items = ()
    else:
        raise ValueError(f"topics must be a list of topic ids, not {value!r}")
    wanted = {str(i).strip() for i in items if str(i).strip()}
    unknown = wanted - set(TOPICS_BY_ID)
    if unknown:
        raise ValueError(f"unknown topics {sorted(unknown)}")
    return [topic.topic_id for topic in TAXONOMY if topic.topic_id in wanted]


def normalize_value(field: str, value: Any) -> str:
    """The canonical text of a corrected value (what is stored and compared).

    Raises:
        ValueError: unknown field, or a value the field cannot take.
    """
    if field not in FIELDS:
        raise ValueError(f"cannot correct {field!r}; fields are {FIELDS}")
    if field == "topics":
        return ";".join(topic_ids(value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        text = ""
    elif isinstance(value, (dt.date, pd.Timestamp)):
        text = value.strftime("%Y-%m-%d")
    else:
        text = " ".join(str(value).split())
    if field == "date":
        text = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
        if text and not is_dated(pd.DataFrame({"date": [text]})).iloc[0]:  # the one rule: a real yyyy-mm-dd day
            raise ValueError(f"date must be a real day written yyyy-mm-dd, not {text!r}")
    elif field == "partner_country_iso3":
        text = text.upper()
        if text and text not in countries():
            raise ValueError(f"unknown country code {text!r}")
    elif field == "event_type":
        if text not in schema.EVENT_TYPES:
            raise ValueError(f"event type must be one of {schema.EVENT_TYPES}")
    elif field == "partner_org_ar":
        text = organisation_names(text)[0]
    elif field == "reviewed":
        text = "true" if text.lower() in ("true", "1", "yes") else ""
    elif field == "event_id":
        # The event a report counts in: another event's id (same meeting), or a new one (split out).
        if not text.startswith(EVENT_PREFIX) or len(text) <= len(EVENT_PREFIX):
            raise ValueError(f"event must be an event id ({EVENT_PREFIX}...), not {text!r}")
    elif field == "status":
        if text not in (VISIBLE, HIDDEN) and not (text.startswith(MERGED_PREFIX) and len(text) > len(MERGED_PREFIX)):
            raise ValueError(f"status must be visible, hidden or {MERGED_PREFIX}<meeting_id>, not {text!r}")
    return text
