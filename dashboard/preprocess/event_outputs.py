"""The event tables on disk: group the written meetings into events and write what changed.

Runs after the per-article tables are written (``pipeline.run``), on the whole collection, without
pandas: the meetings, articles and signatures come from the run's Arrow tables when it has them
(a full write) or from the Parquet files, and only the rows grouping needs pass through Python:
the new reports, the reports of their partners (their block), and the reports of the events they
change. ``events`` groups them; ``meeting_events``, ``events`` and ``event_topics`` are written as
CSV, Parquet and in the store. When a run only adds events and reports, their rows are appended
to the files as the per-article rows are (``outputs``); otherwise the changed events' rows replace
theirs. In the store only the rows that changed are replaced.
"""

from __future__ import annotations

import os
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard.preprocess import database, outputs, schema

FLAG = "possible_same_event"


def complete(output: Path) -> bool:
    """Every event table, and the signatures, have been written to ``output``."""
    return all((output / f"{t.name}.parquet").exists() for t in schema.EVENT_TABLES + (schema.ARTICLE_SIGNATURES,))


def _signature_version() -> bytes:
    """What the signatures were made with: the code of ``signature`` and ``normalize`` (a change
    to either makes every signature again)."""
    from dashboard.preprocess import normalize, signature

    digest = hashlib.sha256()
    for module in (signature, normalize):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16].encode()


def _signature_schema() -> pa.Schema:
    base = outputs.arrow_schema(schema.ARTICLE_SIGNATURES)
    return base.with_metadata({**base.metadata, b"signature_version": _signature_version()})


def _signatures(output: Path, tables: dict[str, pa.Table] | None, added: dict[str, pa.Table] | None
                ) -> tuple[pa.Table, Callable[[], None]]:
    """Every article's signature: those written before (made by the same code), and, made now, those
    of the articles that have none (the texts come from ``tables``, ``added`` or the texts file);
    and a function that writes ``article_signatures.parquet``: new rows appended, or the file
    rewritten in key order when rows went (an article removed or changed) or the caller rewrote the
    article tables."""
    from dashboard.preprocess.signature import text_signatures

    path, table = output / f"{schema.ARTICLE_SIGNATURES.name}.parquet", schema.ARTICLE_SIGNATURES
    target = _signature_schema()
    known = None
    if path.exists():
        with pq.ParquetFile(path) as file:
            if file.schema_arrow.metadata == target.metadata:
                known = file.read()
    trusted = known is not None
    if known is None:
        known = pa.Table.from_arrays([outputs.column("str", []), outputs.column("str", [])], schema=target)
    if tables is not None:
        texts = tables["article_texts"]
        kept = known.filter(pc.is_in(known["article_id"], value_set=texts["article_id"].combine_chunks()))
    elif added is not None and trusted:  # only added: every signature written before is kept
        texts, kept = added["article_texts"], known
    else:
        ids = outputs.read_columns(output / "article_texts.parquet", ["article_id"])["article_id"]
        kept = known.filter(pc.is_in(known["article_id"], value_set=ids.combine_chunks()))
        texts = outputs.read_columns(output / "article_texts.parquet") if kept.num_rows < len(ids) else None
    if texts is None or not texts.num_rows:
        todo = {"article_id": [], "text": []}
    else:
        todo = _texts(texts.filter(pc.invert(pc.is_in(texts["article_id"],
                                                      value_set=kept["article_id"].combine_chunks()))),
                      ("article_id", "text"))
    made = pa.Table.from_arrays([outputs.column("str", todo["article_id"]),
                                 outputs.column("str", text_signatures(todo["text"]))], schema=target)
    every = pa.concat_tables([kept, made])

    def write() -> None:
        if tables is None and kept.num_rows == known.num_rows and path.exists() and known.num_rows:
            if not made.num_rows:
                return
            try:
                os.replace(outputs.parquet_append_file(path, made), path)
                return
            except (OSError, ValueError, pa.ArrowException):  # ParquetAppendError is a ValueError
                pass  # the file cannot take more rows (see outputs.MAX_ROW_GROUPS): rewrite it
        outputs.write_parquet(_sorted(table, every.combine_chunks()), path)

    return every, write


def _texts(data: pa.Table, names) -> dict[str, list]:
    """Columns of an Arrow table as Python lists ("" for a missing text)."""
    return {name: ["" if v is None else v for v in data[name].to_pylist()] for name in names}


def _among(values, allowed) -> pa.ChunkedArray:
    """Which ``values`` (an Arrow column of text) are in ``allowed`` (a set; Arrow's hash lookup). The
    value set is built from buffers: Python scalars in Arrow calls would import pandas (0.2 s)."""
    return pc.is_in(values, value_set=outputs.column("str", sorted(allowed)).cast(values.type))


def _nonempty(values) -> pa.ChunkedArray:
    """Which values of a text column are neither null nor empty."""
    return pc.utf8_length(values).cast(pa.bool_())


def _partner_keys(meetings: pa.Table, events) -> list[str]:
    """``events.partner_key`` of every meeting."""
    return list(map(events.partner_key, *_texts(meetings, ("partner_country_iso3", "partner_org_en")).values()))


def _table(tables: dict[str, pa.Table] | None, output: Path, name: str, columns=None) -> pa.Table:
    if tables is not None:
        return tables[name] if columns is None else tables[name].select(list(columns))
    return outputs.read_columns(output / f"{name}.parquet", columns)


def _flagged(reasons: str, unsure: bool) -> str:
    """``schema.flag_possible_same_event`` for one report."""
    return (reasons + ";" + FLAG).lstrip(";") if unsure else reasons


@dataclass
class StoreUpdate:
    """What the store needs after ``event_files``: every event table (``whole``, after a first
    grouping) or, table by table, the key column, the key values whose rows go and the rows to
    insert (``changes``). Plain Arrow tables, so that a child process can hand it back."""

    whole: bool
    changes: dict[str, tuple[str, set[str], pa.Table]]


def write_event_tables(output: Path, db: Path, tables: dict[str, pa.Table] | None = None,
                       added: dict[str, pa.Table] | None = None) -> None:
    """Group the meetings of the whole collection into events and write the event tables: files
    (``event_files``), then the store (``store_events``)."""
    store_events(db, output, event_files(output, tables, added))


def store_events(db: Path, output: Path, update: StoreUpdate) -> None:
    """Write the event tables' changes to the store (all of them when it has none yet)."""
    if update.whole or not database.has_event_tables(db):
        whole = {name: rows for name, (_, _, rows) in update.changes.items()} if update.whole else \
            {t.name: outputs.read_columns(output / f"{t.name}.parquet") for t in schema.EVENT_TABLES}
        database.write_rows(db, {name: outputs.rows_of(data) for name, data in whole.items()})
        return
    # The store changes only where the events changed (rewriting 10,000 events took 0.3 s).
    database.replace_keyed_rows(db, {name: (column, keys, list(outputs.rows_of(rows)))
                                     for name, (column, keys, rows) in update.changes.items()})


def event_files(output: Path, tables: dict[str, pa.Table] | None = None,
                added: dict[str, pa.Table] | None = None, ready: Callable[[], None] | None = None) -> StoreUpdate:
    """Group the meetings of the whole collection into events and write the event tables' files.

    Meetings grouped by an earlier run keep their event and their row of ``meeting_events`` (a
    report flagged ``possible_same_event`` stays flagged), so a new article joins an existing event
    without regrouping the collection; candidates come from blocking (partner, date window, LSH
    buckets), never from comparing every pair.

    Args:
        output: the folder of the tables.
        tables: the per-article tables as Arrow, when the caller has them all (else read from ``output``).
        added: the rows of the articles this run added, when it has them (their texts are signed).
        ready: called before the first file is written (it waits until the caller may write).
    Returns:
        What the store needs (``store_events``).
    """
    from dashboard.preprocess import events  # rapidfuzz and datasketch: only when something changed

    previous = outputs.read_columns(output / "meeting_events.parquet").cast(
        outputs.arrow_schema(schema.MEETING_EVENTS)) if complete(output) else None
    meetings = _table(tables, output, "meetings")
    all_ids = meetings["meeting_id"]
    if previous is None:
        new_mask, gone = None, set()
        earlier: dict[str, str] = {}
        block = meetings
    else:
        new_mask = pc.invert(pc.is_in(all_ids, value_set=previous["meeting_id"].combine_chunks()))
        gone = set(previous.filter(pc.invert(pc.is_in(previous["meeting_id"], value_set=all_ids.combine_chunks())))
                   ["meeting_id"].to_pylist())
        new = meetings.filter(new_mask)
        keys = _partner_keys(new, events)
        if "" in keys:  # a report with no partner may copy any story: every report is a candidate
            block = meetings
        else:  # the new reports and those of their partners: the blocks they are compared within
            wanted = set(keys)
            in_block = [k in wanted for k in _partner_keys(meetings, events)]
            block = meetings.filter(pc.or_(new_mask, outputs.column("bool", in_block)))
            block = meetings if block.num_rows == meetings.num_rows else block
        ids_in_block = block["meeting_id"]
        known = previous.filter(pc.is_in(previous["meeting_id"], value_set=ids_in_block.combine_chunks()))
        earlier = dict(zip(known["meeting_id"].to_pylist(), known["event_id"].to_pylist()))
    columns = _texts(block, events.GROUPING_COLUMNS)
    article_ids = set(columns["article_id"])
    articles = _table(tables, output, "articles", ["article_id", "published_date", "outlet"])
    signatures, write_signatures = _signatures(output, tables, added)
    if block is not meetings:
        signatures = signatures.filter(_among(signatures["article_id"], article_ids))
    signature_of = dict(zip(signatures["article_id"].to_pylist(),
                            ("" if s is None else s for s in signatures["signature"].to_pylist())))
    needed = articles if block is meetings else articles.filter(_among(articles["article_id"], article_ids))
    published = dict(zip(*_texts(needed, ("article_id", "published_date")).values()))
    assigned, possible = events.assign_events(columns, published, signature_of, earlier)

    # meeting_events: the new reports' rows, and the earlier rows whose flag changed.
    names = schema.MEETING_EVENTS.column_names
    old_rows: dict[str, tuple] = {}
    if previous is not None:
        touched = set(possible) | gone
        flagged = previous.filter(pc.or_(_nonempty(previous[FLAG]), _among(previous["meeting_id"], touched)))
        old_rows = {row[0]: row for row in zip(*(flagged[c].to_pylist() for c in names))}
    fresh_rows: dict[str, tuple] = {}
    for mid, (event_id, how) in assigned.items():
        fresh_rows[mid] = (mid, event_id, how, ";".join(sorted(possible.get(mid, ()))))
    for mid, row in old_rows.items():
        if mid in gone:
            continue
        mine = {m for m in (row[3] or "").split(";") if m}
        now = (mine | possible.get(mid, set())) - gone
        if now != mine:
            fresh_rows[mid] = (row[0], row[1], row[2] or "", ";".join(sorted(now)))
    changed_meetings = {m for m in fresh_rows if m not in assigned} | gone  # earlier rows replaced or dropped
    prior_event = {row[0]: row[1] for row in old_rows.values()}
    if previous is not None and gone - set(prior_event):
        dropped = previous.filter(_among(previous["meeting_id"], gone))
        prior_event.update(zip(dropped["meeting_id"].to_pylist(), dropped["event_id"].to_pylist()))
    changed_events = {row[1] for row in fresh_rows.values()} | {prior_event[m] for m in gone}

    # The reports of the changed events, and their flags.
    if previous is None:
        members = meetings
        event_of = {m: row[1] for m, row in fresh_rows.items()}
        unsure = {m for m, row in fresh_rows.items() if row[3]}
    else:
        kept = previous.filter(pc.and_(_among(previous["event_id"], changed_events),
                                       pc.invert(_among(previous["meeting_id"], gone | set(fresh_rows)))))
        event_of = dict(zip(kept["meeting_id"].to_pylist(), kept["event_id"].to_pylist()))
        unsure = {m for m, p in zip(kept["meeting_id"].to_pylist(), kept[FLAG].to_pylist()) if p}
        event_of.update({m: row[1] for m, row in fresh_rows.items()})
        unsure |= {m for m, row in fresh_rows.items() if row[3]}
        members = meetings.filter(_among(all_ids, set(event_of)))
    built = _texts(members, [c for c in events.EVENT_COLUMNS if c != "event_id"])
    built["event_id"] = [event_of[m] for m in built["meeting_id"]]
    built["review_reasons"] = [_flagged(r, m in unsure) for m, r in zip(built["meeting_id"], built["review_reasons"])]
    member_articles = set(built["article_id"])
    source = articles if previous is None else articles.filter(_among(articles["article_id"], member_articles))
    plain = _texts(source, ("article_id", "published_date", "outlet"))
    topics = _table(tables, output, "meeting_topics", events.TOPIC_COLUMNS)
    if previous is not None:
        topics = topics.filter(_among(topics["meeting_id"], set(event_of)))
    topics, own_topics = _topics_of_one_report(topics, event_of)
    topic_columns = _texts(topics, events.TOPIC_COLUMNS[:-1]) | {"in_account": topics["in_account"].to_pylist()}
    event_columns, topic_rows = events.event_rows(built, dict(zip(plain["article_id"], plain["published_date"])),
                                                  dict(zip(plain["article_id"], plain["outlet"])), topic_columns)
    event_topics = pa.concat_tables([outputs.to_arrow(schema.EVENT_TOPICS, topic_rows), own_topics])
    fresh = {schema.MEETING_EVENTS.name: outputs.to_arrow(schema.MEETING_EVENTS, sorted(fresh_rows.values())),
             schema.EVENTS.name: outputs.columns_to_arrow(schema.EVENTS, event_columns),
             schema.EVENT_TOPICS.name: _sorted(schema.EVENT_TOPICS, event_topics.combine_chunks())}
    # Events written before whose rows change (a new report's own event is not one of them).
    existing = set() if previous is None else \
        set(pc.unique(previous.filter(_among(previous["event_id"], changed_events))["event_id"]).to_pylist())
    replaced = {schema.MEETING_EVENTS.name: ("meeting_id", changed_meetings),
                schema.EVENTS.name: ("event_id", existing), schema.EVENT_TOPICS.name: ("event_id", existing)}

    if ready is not None:
        ready()  # the caller may write the outputs now
    write_signatures()
    if previous is None:  # rows already in key order
        _write_whole(output, fresh)
    else:
        # Rows are appended only when the per-article rows were (``tables`` is None); a rewrite of
        # those puts the event tables back in key order too.
        _write_changes(output, fresh, replaced, append=tables is None)
    changes = {name: (column, keys | set(fresh[name][column].to_pylist()), fresh[name])
               for name, (column, keys) in replaced.items()}
    return StoreUpdate(previous is None, changes)


def _topics_of_one_report(topics: pa.Table, event_of: dict[str, str]) -> tuple[pa.Table, pa.Table]:
    """(the topic rows of events with several reports, to be joined by ``events.event_rows``; the
    event_topics rows of events with one report, made in Arrow). An event of one report raised its
    topics once each, by that report: its rows are the report's, with the event's id, ``reports`` 1
    and ``meeting_ids`` the report (at 10,000 events, 77,000 rows that no longer pass through Python)."""
    reports: dict[str, int] = {}
    for event_id in event_of.values():
        reports[event_id] = reports.get(event_id, 0) + 1
    alone = {m for m, e in event_of.items() if reports[e] == 1}
    texts = ("meeting_id", "topic_id", "topic_ar", "topic_en")
    if not alone or any(topics[c].null_count for c in texts):  # a missing label: the rule's own path
        return topics, outputs.to_arrow(schema.EVENT_TOPICS, [])
    mask = _among(topics["meeting_id"], alone)
    own = topics.filter(mask)
    meeting_ids = own["meeting_id"].combine_chunks()
    columns = {"event_id": outputs.column("str", [event_of[m] for m in meeting_ids.to_pylist()]),
               "reports": outputs.column("int", [1] * own.num_rows), "meeting_ids": meeting_ids}
    target = outputs.arrow_schema(schema.EVENT_TOPICS)
    own = pa.Table.from_arrays([columns[f.name] if f.name in columns else own[f.name].combine_chunks()
                                for f in target], names=target.names).cast(target)
    return topics.filter(pc.invert(mask)), own


def _sorted(table: schema.Table, data: pa.Table) -> pa.Table:
    return data.sort_by([(k, "ascending") for k in table.key]) if data.num_rows > 1 else data


def _write_whole(output: Path, tables: dict[str, pa.Table]) -> None:
    for name, data in tables.items():
        outputs.write_csv(data, output / f"{name}.csv")
        outputs.write_parquet(data, output / f"{name}.parquet")


def _write_changes(output: Path, fresh: dict[str, pa.Table], replaced: dict[str, tuple[str, set[str]]],
                   append: bool = True) -> None:
    """Write the changed rows, table by table: appended at the end of its files when none of its
    earlier rows changed (as the per-article rows are; a report starting its own event changes no
    earlier row), else the table rewritten with the changed rows replaced, in key order."""
    whole = {}
    for table in schema.EVENT_TABLES:
        name = table.name
        column, keys = replaced[name]
        data = fresh[name]
        if append and not keys and outputs.csv_ends_a_row(output / f"{name}.csv"):
            if not data.num_rows:
                continue
            try:
                tmp = outputs.parquet_append_file(output / f"{name}.parquet", data)
            except (OSError, ValueError, pa.ArrowException):  # ParquetAppendError is a ValueError
                pass  # the file cannot take more rows (see outputs.MAX_ROW_GROUPS): rewrite it
            else:
                try:
                    outputs.append_csv(output / f"{name}.csv", data)
                    os.replace(tmp, output / f"{name}.parquet")
                finally:
                    tmp.unlink(missing_ok=True)
                continue
        old = outputs.read_columns(output / f"{name}.parquet").cast(outputs.arrow_schema(table))
        gone = keys | set(data[column].to_pylist())
        if gone:
            old = old.filter(pc.invert(_among(old[column], gone)))
        whole[name] = _sorted(table, pa.concat_tables([old, data]).combine_chunks())
    _write_whole(output, whole)
