"""The data contract: every table the pipeline writes, its columns, types and meanings.

This module is the single place that says what a column is. The pipeline checks
each table against it before writing (``validate``), the store creates its
SQLite tables from it, and ``docs/data_dictionary.md`` is generated from it
(``python -m dashboard.preprocess.schema``), so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used: the pipeline writes its tables without it
    import pandas as pd

# Column kinds and the pandas dtype each is held in.
_DTYPES = {"str": "string", "int": "Int64", "bool": "boolean", "date": "string"}
_SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "bool": "INTEGER", "date": "TEXT"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str" | "int" | "bool" | "date" (ISO yyyy-mm-dd text, empty when unknown)
    meaning: str


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    csv: bool = True  # article_texts is too large and too raw for a CSV
    stored: bool = True  # in the SQLite store too (article_signatures: only grouping reads it, from Parquet)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: _DTYPES[c.kind] for c in self.columns}


EVENT_TYPES = ("visit_received", "visit_abroad", "agreement", "multilateral", "other")
DATE_BASES = ("explicit", "relative", "published", "unknown", "corrected")  # corrected: set on the review page
ARTICLE_STATUSES = ("ok", "warning", "error")
COUNTRY_ROLES = ("partner", "context", "host")

ARTICLES = Table(
    "articles",
    "One row per file found in the articles folder, readable or not.",
    (
        Column("article_id", "str", "Stable id from the file's bytes (sha256, 16 hex characters)."),
        Column("file", "str", "File name inside the articles folder."),
        Column("title", "str", "Headline, when the article has one; empty otherwise."),
        Column("section", "str", "Leading section label of the outlet (e.g. محليات), if any."),
        Column("published_date", "date", "Publication date from metadata.csv (yyyy-mm-dd), empty if unknown."),
        Column("source_url", "str", "Source URL from metadata.csv."),
        Column("outlet", "str", "Outlet name from metadata.csv."),
        Column("encoding", "str", "Text encoding the file was decoded with (utf-8, utf-16, windows-1256, ...)."),
        Column("chars", "int", "Characters in the cleaned body text."),
        Column("status", "str", "ok, warning (processed with a caveat) or error (skipped)."),
        Column("messages", "str", "Plain-language messages for this file, joined by ' | '."),
    ),
    key=("article_id",),
)

MEETINGS = Table(
    "meetings",
    "One row per meeting an article reports (an article may report several).",
    (
        Column("meeting_id", "str", "Stable id: article_id, '-m', and the meeting's order in the article."),
        Column("article_id", "str", "Article the meeting was read from."),
        Column("event_type", "str", "visit_received, visit_abroad, agreement, multilateral or other."),
        Column("date", "date", "Meeting date (yyyy-mm-dd); empty when unknown, never guessed."),
        Column("date_basis", "str", "explicit (a date in the text), relative (today/yesterday/weekday resolved "
               "against the published date), published (the publication date stands in), unknown, or corrected "
               "(set by a reviewer; never written by the pipeline, applied from `corrections` when the dashboard loads)."),
        Column("date_text", "str", "The words the date was read from, as written in the article."),
        Column("partner_country_iso3", "str", "ISO 3166-1 alpha-3 code of the partner country, if any."),
        Column("partner_country_ar", "str", "Arabic name of the partner country."),
        Column("partner_country_en", "str", "English name of the partner country."),
        Column("partner_countries_iso3", "str", "Every partner country of the meeting, ISO3 codes joined by ';', the "
               "main one (partner_country_iso3) first; several for a multilateral meeting."),
        Column("partner_org_ar", "str", "Arabic name of the partner organisation, if any."),
        Column("partner_org_en", "str", "English name of the partner organisation."),
        Column("visitor_name_ar", "str", "Name of the visiting person (the guest's side when the coalition hosts; "
               "the coalition's official on a visit abroad, whose foreign counterpart is then the host)."),
        Column("visitor_title_ar", "str", "Title of the visitor, as written."),
        Column("host_name_ar", "str", "Name of the receiving person."),
        Column("host_title_ar", "str", "Title of the receiving person, as written."),
        Column("location_ar", "str", "Where the meeting took place, as written (e.g. مقر التحالف بالرياض)."),
        Column("needs_review", "bool", "True when a person should check this row."),
        Column("review_reasons", "str", "Why: no_partner, unknown_date, several_partner_countries, "
               "event_type_fallback (no cue said who travelled), partner_from_weak_cue (partner named only after "
               "the meeting's sentence), name_boundary_unsure (a title whose name could not be delimited), "
               "possibly_not_coalition ... joined by ';'."),
    ),
    key=("meeting_id",),
)

MEETING_TOPICS = Table(
    "meeting_topics",
    "One row per topic raised in a meeting (a topic is counted once per meeting).",
    (
        Column("meeting_id", "str", "Meeting the topic belongs to."),
        Column("topic_id", "str", "Topic id from the taxonomy (e.g. terror_financing)."),
        Column("topic_ar", "str", "Arabic label of the topic."),
        Column("topic_en", "str", "English label of the topic."),
        Column("in_account", "bool", "True when raised in the account of the meeting; false when only in "
               "background paragraphs about the coalition. Charts count only true rows by default."),
        Column("evidence", "str", "The first sentence the topic was found in."),
    ),
    key=("meeting_id", "topic_id"),
)

MENTIONED_COUNTRIES = Table(
    "mentioned_countries",
    "Every country an article names, with the part it plays.",
    (
        Column("article_id", "str", "Article the country is named in."),
        Column("iso3", "str", "ISO 3166-1 alpha-3 code."),
        Column("name_ar", "str", "Arabic name."),
        Column("name_en", "str", "English name."),
        Column("role", "str", "partner (the coalition's counterpart), host (Saudi Arabia as host) or context "
               "(named only as background, e.g. Yemen as a regional concern)."),
        Column("mentions", "int", "How many times the article names it."),
    ),
    key=("article_id", "iso3"),
)

EVIDENCE = Table(
    "evidence",
    "Where each extracted value came from: the sentence and the character span in the article text.",
    (
        Column("meeting_id", "str", "Meeting the value belongs to."),
        Column("field", "str", "Column of meetings (or topic:<topic_id>) the value fed."),
        Column("value", "str", "The words as written in the article."),
        Column("start", "int", "Start offset of the value in article_texts.text (characters, 0-based)."),
        Column("end", "int", "End offset (exclusive)."),
        Column("sentence", "str", "The whole sentence the value was read from."),
    ),
    key=("meeting_id", "field", "start"),
)

ARTICLE_TEXTS = Table(
    "article_texts",
    "The cleaned body text of each article, which evidence offsets point into.",
    (
        Column("article_id", "str", "Article id."),
        Column("text", "str", "Cleaned body text (site furniture, section label and headline removed)."),
    ),
    key=("article_id",),
    csv=False,
)

ARTICLE_SIGNATURES = Table(
    "article_signatures",
    "A MinHash signature of each article's words, to find syndicated copies of one story (see events). "
    "Made when reports are grouped into events (for the articles that have none yet) and written as "
    "Parquet only: grouping reads it there, and nothing reads it from the store.",
    (
        Column("article_id", "str", "Article id."),
        Column("signature", "str", "64 32-bit MinHash values over word 3-shingles, as hex text; empty for a "
               "text too short to compare."),
    ),
    key=("article_id",),
    csv=False,
    stored=False,
)

# The per-article tables: what ``pipeline.process_article`` returns for one article.
TABLES: tuple[Table, ...] = (ARTICLES, MEETINGS, MEETING_TOPICS, MENTIONED_COUNTRIES, EVIDENCE, ARTICLE_TEXTS)

# Tables of the whole collection, rebuilt after the per-article ones: which reports tell of the same
# real meeting (dashboard/preprocess/events.py).
MEETING_EVENTS = Table(
    "meeting_events",
    "The event each meeting row (each report of a meeting) belongs to.",
    (
        Column("meeting_id", "str", "Meeting (one report of it)."),
        Column("event_id", "str", "Event: 'e-' and the id of the report that started it; stable across runs."),
        Column("grouped_by", "str", "How the report joined its event: empty for the first report, copy (a "
               "syndicated copy of the same text), name (the same counterpart, by name) or title (by title)."),
        Column("possible_same_event", "str", "Reports that may be the same meeting but were not grouped (weak "
               "evidence), joined by ';': a person decides on the review page."),
    ),
    key=("meeting_id",),
)

EVENTS = Table(
    "events",
    "One row per real meeting, however many reports told of it. Partner, type, date and place come from "
    "its best-grounded report (an explicit date beats a relative one, which beats the published-date "
    "stand-in), names from any report.",
    (
        Column("event_id", "str", "Event id (meeting_events.event_id)."),
        Column("event_type", "str", "As in meetings."),
        Column("date", "date", "Meeting date from the best-grounded report; empty when unknown."),
        Column("date_basis", "str", "As in meetings, for that date."),
        Column("date_text", "str", "The words the date was read from."),
        Column("partner_country_iso3", "str", "Partner country."),
        Column("partner_country_ar", "str", "Its Arabic name."),
        Column("partner_country_en", "str", "Its English name."),
        Column("partner_countries_iso3", "str", "Every partner country, ';'-joined."),
        Column("partner_org_ar", "str", "Partner organisation (Arabic)."),
        Column("partner_org_en", "str", "Partner organisation (English)."),
        Column("location_ar", "str", "Where it took place."),
        Column("visitor_name_ar", "str", "Visitor's name, from any report that gives it."),
        Column("visitor_title_ar", "str", "Visitor's title."),
        Column("host_name_ar", "str", "Host's name."),
        Column("host_title_ar", "str", "Host's title."),
        Column("reports", "int", "How many reports (meeting rows) tell of it."),
        Column("outlets", "int", "How many distinct outlets published them."),
        Column("outlet_names", "str", "The outlets, ';'-joined."),
        Column("first_reported", "date", "The earliest published date of its reports; empty when none is known."),
        Column("meeting_ids", "str", "Its reports' meeting ids, ';'-joined, best-grounded first."),
        Column("needs_review", "bool", "True when any report needs review or the grouping is uncertain."),
        Column("review_reasons", "str", "The reports' review reasons, and possible_same_event, ';'-joined."),
    ),
    key=("event_id",),
)

EVENT_TOPICS = Table(
    "event_topics",
    "One row per topic raised in an event: the union over its reports.",
    (
        Column("event_id", "str", "Event."),
        Column("topic_id", "str", "Topic id."),
        Column("topic_ar", "str", "Arabic label."),
        Column("topic_en", "str", "English label."),
        Column("in_account", "bool", "True when any report raised it in the account of the meeting."),
        Column("reports", "int", "How many of the event's reports raised it."),
        Column("meeting_ids", "str", "Those reports' meeting ids, ';'-joined."),
    ),
    key=("event_id", "topic_id"),
)
EVENT_TABLES: tuple[Table, ...] = (MEETING_EVENTS, EVENTS, EVENT_TOPICS)

EVENT_PREFIX = "e-"  # event ids: "e-" and the id of the report that started the event


def flag_possible_same_event(reasons, unsure):
    """Review reasons (a Series) with ``possible_same_event`` added where ``unsure`` (a boolean mask):
    reports that may tell of a meeting another report already does."""
    reasons = reasons.fillna("")
    return reasons.where(~unsure, (reasons + ";possible_same_event").str.lstrip(";"))


def own_event_ids(meeting_ids):
    """The event id a report has when it is its own event (a str, or a Series of them)."""
    return EVENT_PREFIX + (meeting_ids if isinstance(meeting_ids, str) else meeting_ids.astype("string"))
TABLES_BY_NAME = {t.name: t for t in TABLES + (ARTICLE_SIGNATURES,) + EVENT_TABLES}
# The per-article tables the SQLite store holds (what the dashboard reads).
STORED_TABLES: tuple[Table, ...] = tuple(t for t in TABLES if t.stored)

# Tables that belong to users: kept in the same SQLite store, never in ``TABLES`` (which every
# pipeline run replaces), never written as CSV or Parquet by the pipeline.
CORRECTIONS = Table(
    "corrections",
    "Every correction a reviewer made on the review page, in order. Nothing is ever deleted: an undo "
    "only sets undone_at. When the dashboard loads, the latest correction not undone for each "
    "(meeting_id, field) replaces the pipeline's value (see `dashboard/corrections/`), so corrections "
    "survive every later pipeline run. Written to the SQLite store only.",
    (
        Column("id", "int", "Correction number, increasing: a later correction has a larger id."),
        Column("meeting_id", "str", "Meeting corrected (meetings.meeting_id)."),
        Column("field", "str", "What was corrected: date, partner_country_iso3, partner_org_ar, event_type, "
               "topics, visitor_name_ar, visitor_title_ar, reviewed (true: the reviewer checked the row, which "
               "clears its review reasons) or status (visible, hidden for 'not a meeting', or "
               "merged_into:<meeting_id> for a duplicate report of another meeting), or event_id (the "
               "event the report counts in: another event's id, or a new one to split it out)."),
        Column("old_value", "str", "The value shown before this correction (pipeline value or an earlier correction)."),
        Column("new_value", "str", "The corrected value; topics are topic ids joined by ';'; empty clears the value."),
        Column("created_at", "str", "When the correction was made, ISO 8601 UTC (yyyy-mm-ddThh:mm:ssZ)."),
        Column("note", "str", "The reviewer's note, if any."),
        Column("undone_at", "str", "When the correction was undone (ISO 8601 UTC); empty while it applies."),
    ),
    key=("id",),
    csv=False,
)
USER_TABLES: tuple[Table, ...] = (CORRECTIONS,)


# Columns whose values come from a fixed list: (table, column) -> allowed values.
ENUMERATIONS = {
    ("meetings", "event_type"): EVENT_TYPES,
    ("meetings", "date_basis"): DATE_BASES,
    ("articles", "status"): ARTICLE_STATUSES,
    ("mentioned_countries", "role"): COUNTRY_ROLES,
}


class SchemaError(ValueError):
    """A table does not match its contract."""


def empty_frame(table: Table) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in table.dtypes.items()})


def conform(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with exactly the contract's columns, in order, with its dtypes.

    Raises:
        SchemaError: a column is missing or a value cannot take the column's type.
    """
    missing = [c for c in table.column_names if c not in frame.columns]
    if missing:
        raise SchemaError(f"{table.name}: missing columns {missing}")
    try:
        out = frame[table.column_names].astype(table.dtypes)
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc
    return out.reset_index(drop=True)


def validate(table: Table, frame: pd.DataFrame) -> None:
    """Check a conformed table: key unique and not empty, enumerations respected."""
    conform(table, frame)
    key = list(table.key)
    if frame[key].isna().any().any():
        raise SchemaError(f"{table.name}: empty key values")
    if frame.duplicated(key).any():
        dupes = frame.loc[frame.duplicated(key, keep=False), key].head(3).to_dict("records")
        raise SchemaError(f"{table.name}: duplicate keys {dupes}")
    for (name, column), allowed in ENUMERATIONS.items():
        if name == table.name:
            bad = set(frame[column].dropna()) - set(allowed)
            if bad:
                raise SchemaError(f"{table.name}.{column}: unexpected values {sorted(bad)}")


def data_dictionary_markdown() -> str:
    """The data dictionary, generated from the tables above."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `dashboard/preprocess/schema.py` by `python -m dashboard.preprocess.schema`; "
        "do not edit by hand.",
        "",
        "Every table is written to `data/<table>.csv` (UTF-8 with BOM, for Excel), `data/<table>.parquet` "
        "and the SQLite store `data/dashboard.db` (`article_texts` is not written as CSV; `article_signatures` "
        "only as Parquet). "
        "Dates are ISO `yyyy-mm-dd` text; an empty value means unknown.",
        "",
    ]
    for table in TABLES + (ARTICLE_SIGNATURES,) + EVENT_TABLES + USER_TABLES:
        lines += [f"## `{table.name}`", "", table.meaning, "", f"Key: {', '.join(table.key)}", "",
                  "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c.name}` | {c.kind} | {c.meaning} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(data_dictionary_markdown())
