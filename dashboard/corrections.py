"""Reviewers' corrections: stored in the SQLite store, applied on top of the pipeline's tables.

A correction is a record (``schema.CORRECTIONS``): which meeting, which field,
the value shown before, the new value, when, a note, and when it was undone.
Records are only ever added; an undo sets ``undone_at``. The ``corrections``
table lives in the same store as the pipeline's tables but is not one of them
(``schema.TABLES``), so a pipeline run, which replaces only its own tables,
never touches it. Corrections are applied when the dashboard loads its data
(``apply_corrections``, called by ``dashboard.data``), so they hold after every
later run.

Fields a correction can set (``FIELDS``):

``date``                  yyyy-mm-dd, or empty for "unknown". ``date_basis`` becomes ``corrected``
                          (``unknown`` when emptied); ``date_text`` keeps what the article says.
``partner_country_iso3``  an ISO3 code of the gazetteer, or empty; the Arabic and English names follow.
``partner_org_ar``        free text; a known organisation (by any of its Arabic or English names) is
                          replaced by its canonical names, other text is used for both languages.
``event_type``            one of ``schema.EVENT_TYPES``.
``topics``                topic ids joined by ``;``: the topics raised in the meeting. They become
                          ``in_account`` rows (new ones with empty evidence); a topic the pipeline found
                          in the account but missing from the list is dropped; background-only rows
                          not in the list stay background.
``visitor_name_ar``, ``visitor_title_ar``  free text.
``reviewed``              ``true``: a person checked the row as it is; clears every review reason.
``status``                ``visible``, ``hidden`` (not a meeting) or ``merged_into:<meeting_id>`` (another
                          outlet's report of that meeting). Hidden and merged meetings are left out of
                          the tables the charts see; a merged meeting's topics are added to the meeting
                          it was merged into. Nothing is deleted; an undo or ``visible`` restores it.

Review flags after corrections (kept simple): a reason goes only when what it is about was corrected.
``unknown_date`` goes when a date is set (and comes back if the date is corrected to empty);
``no_partner`` goes when a country or organisation is set; ``several_partner_countries`` goes when
the partner country is corrected; ``reviewed`` clears them all. ``needs_review`` is true while any
reason is left.

The latest correction not undone for a (meeting, field) wins; "latest" is the larger ``id`` (ids
grow with every write, whatever the clocks say). Corrections of meetings that are no longer in
the pipeline's tables (the article was edited, so its id changed) are kept and ignored.

Writes are short ``BEGIN IMMEDIATE`` transactions on a WAL store with a busy timeout
(``store.connect``), so two sessions correcting at once both get their record in.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from dashboard import i18n, store
from dashboard.analytics import member
from dashboard.i18n import t
from dashboard.preprocess import schema
from dashboard.preprocess.gazetteer import country_choices, load_gazetteer
from dashboard.preprocess.normalize import normalize
from dashboard.preprocess.topics import TAXONOMY, TOPICS_BY_ID

TABLE = schema.CORRECTIONS

#: Fields the review page edits in its table, in display order.
EDITABLE_FIELDS = ("date", "partner_country_iso3", "partner_org_ar", "event_type", "topics",
                   "visitor_name_ar", "visitor_title_ar")
#: Every field a correction can set.
FIELDS = EDITABLE_FIELDS + ("reviewed", "status")
_TEXT_FIELDS = ("visitor_name_ar", "visitor_title_ar")

VISIBLE, HIDDEN, MERGED_PREFIX = "visible", "hidden", "merged_into:"
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


@cache
def _countries() -> dict[str, tuple[str, str]]:
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


def _topic_ids(value: Any) -> list[str]:
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
        return ";".join(_topic_ids(value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        text = ""
    elif isinstance(value, (dt.date, pd.Timestamp)):
        text = value.strftime("%Y-%m-%d")
    else:
        text = " ".join(str(value).split())
    if field == "date":
        text = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
        if text:
            if not _ISO_DATE_RE.match(text):
                raise ValueError(f"date must be yyyy-mm-dd, not {text!r}")
            dt.date.fromisoformat(text)  # raises on 2025-02-30
    elif field == "partner_country_iso3":
        text = text.upper()
        if text and text not in _countries():
            raise ValueError(f"unknown country code {text!r}")
    elif field == "event_type":
        if text not in schema.EVENT_TYPES:
            raise ValueError(f"event type must be one of {schema.EVENT_TYPES}")
    elif field == "partner_org_ar":
        text = organisation_names(text)[0]
    elif field == "reviewed":
        text = "true" if text.lower() in ("true", "1", "yes") else ""
    elif field == "status":
        if text not in (VISIBLE, HIDDEN) and not (text.startswith(MERGED_PREFIX) and len(text) > len(MERGED_PREFIX)):
            raise ValueError(f"status must be visible, hidden or {MERGED_PREFIX}<meeting_id>, not {text!r}")
    return text


# --------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(store._create_sql(TABLE))


def _pipeline_value(conn: sqlite3.Connection, meeting_id: str, field: str) -> str:
    """The pipeline's value of a field (before any correction). Raises KeyError for an unknown meeting."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meetings'").fetchone()
    column = field if field in schema.MEETINGS.column_names else "meeting_id"  # field is one of FIELDS
    row = conn.execute(f'SELECT "{column}" FROM meetings WHERE meeting_id = ?', (meeting_id,)).fetchone() \
        if exists else None
    if row is None:
        raise KeyError(f"no meeting {meeting_id!r} in the store")
    if field == "topics":
        rows = conn.execute("SELECT topic_id FROM meeting_topics WHERE meeting_id = ? AND in_account = 1",
                            (meeting_id,)).fetchall()
        return ";".join(_topic_ids([r[0] for r in rows if r[0] in TOPICS_BY_ID]))
    if field == "status":
        return VISIBLE
    if field == "reviewed":
        return ""
    return "" if row[0] is None else str(row[0])


def _current_value(conn: sqlite3.Connection, meeting_id: str, field: str) -> str:
    latest = conn.execute(
        "SELECT new_value FROM corrections WHERE meeting_id = ? AND field = ? AND undone_at IS NULL "
        "ORDER BY id DESC LIMIT 1", (meeting_id, field)).fetchone()
    return latest[0] if latest else _pipeline_value(conn, meeting_id, field)


def _write(db: Path):
    """A connection in autocommit mode, for explicit short BEGIN IMMEDIATE transactions."""
    conn = store.connect(Path(db))
    conn.isolation_level = None
    return conn


def record_correction(db: Path, meeting_id: str, field: str, new_value: Any, note: str = "") -> int | None:
    """Store a correction; the value shown until now becomes its ``old_value``.

    Args:
        db: the SQLite store (``data/dashboard.db``).
        meeting_id: the meeting corrected.
        field: one of ``FIELDS``.
        new_value: the new value (a list of topic ids for ``topics``; a date or ISO text for ``date``).
        note: the reviewer's note.

    Returns:
        The new correction's id; None when the value is already the one shown (nothing stored).

    Raises:
        ValueError: unknown field, invalid value, unknown meeting, or a merge into itself or an
            unknown meeting.
    """
    value = normalize_value(field, new_value)
    conn = _write(db)
    try:
        conn.execute("BEGIN IMMEDIATE")  # read the old value and insert under one write lock
        try:
            _ensure_table(conn)
            try:
                old = _current_value(conn, meeting_id, field)
            except KeyError as exc:
                raise ValueError(str(exc)) from None
            if value.startswith(MERGED_PREFIX):
                target = value[len(MERGED_PREFIX):]
                if target == meeting_id:
                    raise ValueError("a meeting cannot be merged into itself")
                if not conn.execute("SELECT 1 FROM meetings WHERE meeting_id = ?", (target,)).fetchone():
                    raise ValueError(f"no meeting {target!r} to merge into")
            if value == old:
                conn.execute("ROLLBACK")
                return None
            cursor = conn.execute(
                "INSERT INTO corrections (meeting_id, field, old_value, new_value, created_at, note, undone_at) "
                "VALUES (?, ?, ?, ?, ?, ?, NULL)", (meeting_id, field, old, value, _utc_now(), str(note or "").strip()))
            conn.execute("COMMIT")
            return int(cursor.lastrowid)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def record_corrections(db: Path, corrections: Iterable[Correction], note: str = "") -> list[int]:
    """Store several corrections (e.g. every cell changed in the review table); returns their ids.

    ``old_value`` of each is read from the store, not taken from the ``Correction`` (another session
    may have changed the value since the table was drawn).
    """
    ids = []
    for item in corrections:
        new_id = record_correction(db, item.meeting_id, item.field, item.new_value, note or item.note)
        if new_id is not None:
            ids.append(new_id)
    return ids


def undo_correction(db: Path, correction_id: int) -> bool:
    """Mark a correction undone (it is kept). Returns False when it was already undone or does not exist."""
    conn = _write(db)
    try:
        conn.execute("BEGIN IMMEDIATE")
        _ensure_table(conn)
        cursor = conn.execute("UPDATE corrections SET undone_at = ? WHERE id = ? AND undone_at IS NULL",
                              (_utc_now(), int(correction_id)))
        conn.execute("COMMIT")
        return cursor.rowcount == 1
    finally:
        conn.close()


def list_corrections(db: Path) -> pd.DataFrame:
    """Every correction, newest first, with ``schema.CORRECTIONS``' columns and dtypes."""
    db = Path(db)
    if not db.exists():
        return schema.empty_frame(TABLE)
    conn = store.connect(db)
    try:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='corrections'").fetchone()
        if not exists:
            return schema.empty_frame(TABLE)
        frame = pd.read_sql_query("SELECT * FROM corrections ORDER BY id DESC", conn)
    finally:
        conn.close()
    return schema.conform(TABLE, frame)


def state_stamp(db: Path) -> str:
    """Changes whenever a correction is added or undone: part of the dashboard's cache key."""
    db = Path(db)
    if not db.exists():
        return "none"
    conn = store.connect(db)
    try:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='corrections'").fetchone()
        if not exists:
            return "none"
        top, undone = conn.execute("SELECT max(id), count(undone_at) FROM corrections").fetchone()
        return f"{top}:{undone}"
    finally:
        conn.close()


# --------------------------------------------------------------------------
# Applying corrections
# --------------------------------------------------------------------------


def latest_values(corrections: pd.DataFrame) -> pd.DataFrame:
    """meeting_id x field table of the value in force (the latest correction not undone)."""
    if corrections.empty:
        return pd.DataFrame(index=pd.Index([], name="meeting_id", dtype="string"))
    active = corrections[corrections["undone_at"].fillna("") == ""]
    latest = active.sort_values("id", kind="stable").drop_duplicates(["meeting_id", "field"], keep="last")
    return latest.pivot(index="meeting_id", columns="field", values="new_value")


def _member(values: pd.Series, allowed) -> pd.Series:
    """``values.isin(allowed)`` as a Series aligned with ``values`` (see ``analytics.member``)."""
    return pd.Series(member(values, allowed), index=values.index)


def _status(meeting_ids: pd.Series, latest: pd.DataFrame) -> pd.Series:
    """visible / hidden / merged_into:<id> of each meeting, aligned with ``meeting_ids``."""
    if "status" not in latest:
        return pd.Series(VISIBLE, index=meeting_ids.index, dtype="string")
    return meeting_ids.map(latest["status"].dropna()).fillna(VISIBLE).astype("string")


def _merge_targets(status: pd.Series, meeting_ids: pd.Series) -> pd.Series:
    """Merged meeting id -> the visible meeting it ends up in (following A -> B -> C); others are left out."""
    merged = status.str.startswith(MERGED_PREFIX).fillna(False).astype(bool)
    by_id = pd.Series(status[merged].str.slice(len(MERGED_PREFIX)).to_numpy(), index=meeting_ids[merged].to_numpy(),
                      dtype="string")
    target = by_id.copy()
    for _ in range(32):  # a chain is followed to its end; a cycle never ends in a visible meeting
        onward = target.map(by_id)
        if onward.isna().all():
            break
        target = onward.where(onward.notna(), target)
    status_by_id = pd.Series(status.to_numpy(), index=meeting_ids.to_numpy())
    return target[target.map(status_by_id).eq(VISIBLE).fillna(False).astype(bool)]


def _reasons(meetings: pd.DataFrame, latest: pd.DataFrame) -> pd.Series:
    """Review reasons after corrections (the rules in the module docstring)."""
    reasons = meetings["review_reasons"].fillna("").astype("string")
    ids = meetings["meeting_id"]

    def corrected(field: str) -> pd.Series:
        if field not in latest:
            return pd.Series(False, index=ids.index)
        return _member(ids, latest.index[latest[field].notna()])

    date_set = corrected("date")
    partner_set = corrected("partner_country_iso3") | corrected("partner_org_ar")
    country_set = corrected("partner_country_iso3")
    reviewed = ids.map(latest["reviewed"].dropna()).eq("true").fillna(False) if "reviewed" in latest \
        else pd.Series(False, index=ids.index)
    has_date = meetings["date"].fillna("") != ""
    has_partner = (meetings["partner_country_iso3"].fillna("") != "") | (meetings["partner_org_ar"].fillna("") != "")
    # Reasons as ";a;b;": a reason is dropped by replacing ";a;" with ";" and added by appending "a;".
    out = ";" + reasons + ";"
    out = out.mask(date_set, out.str.replace(";unknown_date;", ";", regex=False))
    out = out.mask(date_set & ~has_date, out + "unknown_date;")
    out = out.mask(partner_set, out.str.replace(";no_partner;", ";", regex=False))
    out = out.mask(partner_set & ~has_partner, out + "no_partner;")
    out = out.mask(country_set, out.str.replace(";several_partner_countries;", ";", regex=False))
    out = out.mask(reviewed, ";")
    return out.str.strip(";")


def apply_corrections(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, corrections: pd.DataFrame,
                      *, drop_hidden: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pipeline's meetings and topics with the reviewers' corrections applied.

    Args:
        meetings: the pipeline's ``meetings`` table.
        meeting_topics: the pipeline's ``meeting_topics`` table.
        corrections: ``list_corrections`` (any order; undone ones are ignored).
        drop_hidden: leave hidden and merged meetings out (what every chart sees), and add a merged
            meeting's topics to the meeting it was merged into. With False (the review page), every
            meeting is kept, each with its own topics, and a ``status`` column says which are hidden.

    Returns:
        (meetings, meeting_topics), new frames; the inputs are not modified.
    """
    latest = latest_values(corrections)
    if not latest.empty:
        latest = latest[_member(pd.Series(latest.index, dtype="string"), meetings["meeting_id"]).to_numpy()]
    out = meetings.copy()
    topics = meeting_topics.copy()
    if latest.empty:  # nothing in force: the pipeline's tables as they are
        return (out.assign(status=pd.Series(VISIBLE, index=out.index, dtype="string")) if not drop_hidden else out,
                topics)
    ids = out["meeting_id"]

    def new(field: str) -> tuple[pd.Series, pd.Series]:
        values = ids.map(latest[field].dropna()) if field in latest else pd.Series(pd.NA, index=ids.index)
        return values.astype("string"), values.notna()

    for field in ("event_type",) + _TEXT_FIELDS:
        values, mask = new(field)
        out[field] = out[field].mask(mask, values)
    values, mask = new("date")
    if mask.any():
        out["date"] = out["date"].mask(mask, values)
        out["date_basis"] = out["date_basis"].mask(mask & (values != ""), "corrected").mask(
            mask & (values == ""), "unknown")
    values, mask = new("partner_country_iso3")
    if mask.any():
        names = pd.DataFrame.from_dict(_countries(), orient="index", columns=["ar", "en"], dtype="string")
        out["partner_country_iso3"] = out["partner_country_iso3"].mask(mask, values)
        if "partner_countries_iso3" in out.columns:
            # The reviewer named the partner: the pipeline's list of states no longer holds.
            out["partner_countries_iso3"] = out["partner_countries_iso3"].mask(mask, values)
        for lang in ("ar", "en"):
            out[f"partner_country_{lang}"] = out[f"partner_country_{lang}"].mask(
                mask, values.map(names[lang]).fillna(""))
    values, mask = new("partner_org_ar")
    if mask.any():
        pairs = {text: organisation_names(text) for text in values[mask].unique()}
        for position, lang in enumerate(("ar", "en")):
            out[f"partner_org_{lang}"] = out[f"partner_org_{lang}"].mask(
                mask, values.map({k: v[position] for k, v in pairs.items()}))
    out["review_reasons"] = _reasons(out, latest).astype("string")
    out["needs_review"] = (out["review_reasons"] != "").astype("boolean")
    if "topics" in latest:
        topics = _corrected_topics(topics, latest["topics"].dropna())
    status = _status(ids, latest)
    if not drop_hidden:
        return out.assign(status=status), topics
    visible = (status == VISIBLE).to_numpy()
    gone = _member(topics["meeting_id"], ids[~visible])
    kept = topics[~gone.to_numpy()]
    targets = _merge_targets(status, ids)
    if not targets.empty:
        moved = topics[_member(topics["meeting_id"], targets.index).to_numpy()]
        moved = moved.assign(meeting_id=moved["meeting_id"].map(targets).astype("string"))
        # The same visit told twice: a topic counts once, raised in the meeting if either report says so.
        kept = (pd.concat([kept, moved], ignore_index=True)
                .sort_values("in_account", ascending=False, kind="stable")
                .drop_duplicates(["meeting_id", "topic_id"])
                .sort_values(list(schema.MEETING_TOPICS.key), kind="stable"))
    return out[visible].reset_index(drop=True), kept.reset_index(drop=True)


def _corrected_topics(topics: pd.DataFrame, wanted: pd.Series) -> pd.DataFrame:
    """Topic rows with the corrected topic lists (meeting_id -> ';'-joined ids) applied."""
    rows = pd.DataFrame({"meeting_id": wanted.index.repeat(wanted.str.split(";").map(len).to_numpy()),
                         "topic_id": [tid for value in wanted for tid in value.split(";")]})
    rows = rows[rows["topic_id"] != ""].astype("string")
    affected = _member(topics["meeting_id"], wanted.index).to_numpy()
    mine = topics[affected]  # only the corrected meetings' rows are worked on
    key = ["meeting_id", "topic_id"]
    chosen = mine.set_index(key).index.isin(rows.set_index(key).index)
    # Chosen rows count as raised in the meeting; background-only rows not chosen stay as they are.
    mine = mine[chosen | ~mine["in_account"].fillna(False).astype(bool).to_numpy()].copy()
    mine.loc[mine.set_index(key).index.isin(rows.set_index(key).index), "in_account"] = True
    missing = rows[~rows.set_index(key).index.isin(topics[affected].set_index(key).index)]
    if not missing.empty:
        labels = missing["topic_id"].map(TOPICS_BY_ID)
        missing = missing.assign(topic_ar=labels.map(lambda topic: topic.label_ar),
                                 topic_en=labels.map(lambda topic: topic.label_en), in_account=True, evidence="")
        mine = pd.concat([mine, schema.conform(schema.MEETING_TOPICS, missing)], ignore_index=True)
    out = pd.concat([topics[~affected], schema.conform(schema.MEETING_TOPICS, mine)], ignore_index=True)
    return out.sort_values(key, kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------
# The review table
# --------------------------------------------------------------------------


def review_frame(meetings: pd.DataFrame, meeting_topics: pd.DataFrame) -> pd.DataFrame:
    """The table the review page edits: one row per meeting, flagged ones first.

    Args:
        meetings: meetings with corrections applied and hidden ones kept (``apply_corrections``
            with ``drop_hidden=False``, so with a ``status`` column).
        meeting_topics: their topic rows.

    Returns:
        Columns ``meeting_id``, ``needs_review``, ``review_reasons``, ``status``, then
        ``EDITABLE_FIELDS``: ``date`` as datetime (NaT when unknown), ``partner_country_iso3`` as a
        code or None, ``topics`` as a list of the topic ids raised in the meeting. Flagged meetings
        come first, then the rest, each newest first with undated ones last.
    """
    raised = meeting_topics[meeting_topics["in_account"].fillna(False).astype(bool)]
    by_meeting: dict[str, list[str]] = {}
    for meeting_id, topic_id in zip(raised["meeting_id"], raised["topic_id"]):
        if topic_id in TOPICS_BY_ID:  # a topic dropped from the taxonomy cannot be picked any more
            by_meeting.setdefault(meeting_id, []).append(topic_id)
    status = meetings["status"] if "status" in meetings else pd.Series(VISIBLE, index=meetings.index)
    frame = pd.DataFrame({
        "meeting_id": meetings["meeting_id"].astype(str),
        "needs_review": meetings["needs_review"].fillna(False).astype(bool),
        "review_reasons": meetings["review_reasons"].fillna("").astype(str),
        "status": status.fillna(VISIBLE).astype(str),
        "date": pd.to_datetime(meetings["date"].replace("", pd.NA), errors="coerce", format="%Y-%m-%d"),
        "partner_country_iso3": meetings["partner_country_iso3"].replace("", pd.NA).astype(object)
                                .where(lambda s: s.notna(), None),
        "partner_org_ar": meetings["partner_org_ar"].fillna("").astype(str),
        "event_type": meetings["event_type"].fillna("other").astype(str),
        "topics": pd.Series([_topic_ids(by_meeting.get(m, [])) for m in meetings["meeting_id"]],
                            index=meetings.index, dtype=object),
        "visitor_name_ar": meetings["visitor_name_ar"].fillna("").astype(str),
        "visitor_title_ar": meetings["visitor_title_ar"].fillna("").astype(str),
    })
    order = frame.assign(_hidden=frame["status"] != VISIBLE, _flag=~frame["needs_review"])
    order = order.sort_values(["_hidden", "_flag", "date", "meeting_id"], ascending=[True, True, False, True],
                              na_position="last", kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def _cell_texts(frame: pd.DataFrame, field: str) -> pd.Series:
    """The canonical text of every cell of one editable column (vectorised where the type allows)."""
    column = frame[field]
    if field == "date":
        when = pd.to_datetime(column, errors="coerce")
        return when.dt.strftime("%Y-%m-%d").fillna("").astype(str)
    if field == "topics":
        return column.map(lambda v: ";".join(_topic_ids(v)))
    text = column.astype(object).where(column.notna(), "").astype(str).str.split().str.join(" ")
    return text.str.upper() if field == "partner_country_iso3" else text


def diff_edits(before: pd.DataFrame, after: pd.DataFrame) -> list[Correction]:
    """The corrections a reviewer made in the review table: one per changed cell.

    Args:
        before: the table as drawn (``review_frame``).
        after: what ``st.data_editor`` returned (same rows, matched on ``meeting_id``).

    Returns:
        Corrections with ``old_value`` (from ``before``) and ``new_value`` in canonical text, in row
        order then ``EDITABLE_FIELDS`` order. A value that cannot be a correction (an unknown
        country code, a malformed date) raises ValueError.
    """
    left = before.set_index(before["meeting_id"].astype(str))
    right = after.set_index(after["meeting_id"].astype(str)).reindex(left.index)
    changes: list[tuple[int, int, Correction]] = []
    for order, field in enumerate(EDITABLE_FIELDS):
        if field not in right:
            continue
        old, new = _cell_texts(left, field), _cell_texts(right, field)
        changed = (old != new) & right["meeting_id"].notna()  # rows missing from ``after`` change nothing
        for position in changed.to_numpy().nonzero()[0]:
            meeting_id = left.index[position]
            changes.append((position, order, Correction(meeting_id, field, old.iloc[position],
                                                        normalize_value(field, new.iloc[position]))))
    changes.sort(key=lambda item: item[:2])
    return [item for _, _, item in changes if item.old_value != item.new_value]


# --------------------------------------------------------------------------
# Labels for the review page
# --------------------------------------------------------------------------

FIELD_KEYS = {
    "date": "col_date", "partner_country_iso3": "col_country", "partner_org_ar": "col_organisation",
    "event_type": "col_event_type", "topics": "col_topics", "visitor_name_ar": "col_visitor",
    "visitor_title_ar": "col_visitor_title", "reviewed": "review_field_reviewed", "status": "col_status",
}


def field_label(field: str, lang: str) -> str:
    return t(FIELD_KEYS.get(field, field), lang) if field in FIELD_KEYS else field


def country_label(iso3: Any, lang: str) -> str:
    """A country's name in ``lang`` followed by its code, for pick lists."""
    if not isinstance(iso3, str) or not iso3:
        return ""
    names = _countries().get(iso3)
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
    """meeting_id -> a short description (date · partner · visitor) for pick lists and the history."""
    suffix = "ar" if lang == "ar" else "en"
    partner = meetings[f"partner_country_{suffix}"].fillna("").astype(str)
    org = meetings[f"partner_org_{suffix}"].fillna("").astype(str)
    partner = partner.where(partner != "", org).where((partner != "") | (org != ""), t("unknown_partner", lang))
    when = i18n.date_labels(meetings["date"], lang)
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
