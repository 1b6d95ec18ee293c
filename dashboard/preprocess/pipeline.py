"""The pipeline: a folder of articles in, the contract's tables out.

``process_article`` is the per-article step: a pure function of the file's
bytes, its name and its metadata row, returning plain rows. It is what a
distributed engine would map over millions of files. ``run`` adds what one
machine needs around it: the metadata file, a content-keyed cache so that a
re-run only processes new or changed articles, a lock, and atomic writes
(appends when articles were only added: see ``outputs``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import multiprocessing as mp
import os
import sqlite3
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock

from dashboard.preprocess import database
from dashboard.preprocess import dates, event_outputs, outputs, schema
from dashboard.preprocess.extract import extract_article
from dashboard.preprocess.gazetteer import load_gazetteer
from dashboard.preprocess.reader import MAX_BYTES, SUPPORTED_SUFFIXES, read_article_bytes
from dashboard.preprocess.topics import TOPICS_BY_ID

if TYPE_CHECKING:  # the pipeline runs without pandas (0.3 s to import); build_frames imports it
    import pandas as pd

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "published_date", "source_url", "outlet")
CACHE_FILE = "cache.sqlite"
LOCK_FILE = ".pipeline.lock"
REPORT_FILE = "run_report.json"
# Below this many new articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 400
# Articles per task sent to a worker process.
CHUNK = 64
# A file's size and modification time stand for its content only when the file had not been
# touched for this long when they were recorded: timestamps are coarse (a few ms), so a file
# rewritten at the same size within that window would otherwise look unchanged ("racy git").
SETTLED_NS = 2_000_000_000

_MEETING_DEFAULTS = {c.name: "" for c in schema.MEETINGS.columns if c.kind in ("str", "date")}


def _code_fingerprint() -> str:
    """Hash of the preprocessing code: a change to the extractor invalidates the cache by itself."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def article_id_for(raw: bytes) -> str:
    """Stable article id from the file's bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def process_article(raw: bytes, file_name: str, meta: dict[str, str]) -> dict[str, list[dict]]:
    """Read and extract one article. Pure: same input, same rows.

    Args:
        raw: the file's bytes.
        file_name: its name in the articles folder (for the articles row and messages).
        meta: its metadata.csv row (may be empty).
    Returns:
        table name -> list of row dicts, for the tables of ``schema``.
    """
    article_id = article_id_for(raw)
    suffix = Path(file_name).suffix.lower()
    read = read_article_bytes(raw, suffix)
    messages = list(read.messages)
    published_text = (meta.get("published_date") or "").strip()
    published = dates.parse_published_date(published_text) if published_text else None
    if published_text and published is None:
        messages.append(f"metadata published_date '{published_text}' is not a valid date: ignored")
    article = {
        "article_id": article_id, "file": file_name, "title": read.title, "section": read.section,
        "published_date": published.isoformat() if published else "",
        "source_url": (meta.get("source_url") or "").strip(), "outlet": (meta.get("outlet") or "").strip(),
        "encoding": read.encoding, "chars": len(read.text), "status": read.status, "messages": "",
    }
    rows: dict[str, list[dict]] = {t.name: [] for t in schema.TABLES}
    rows["articles"].append(article)
    if read.status == "error":
        article["messages"] = " | ".join(messages)
        return rows
    rows["article_texts"].append({"article_id": article_id, "text": read.text})
    extraction = extract_article(read.text, published, read.title)
    messages += extraction.messages
    date_problem = bool(published_text) and published is None
    if (extraction.messages or date_problem) and article["status"] == "ok":
        article["status"] = "warning"
    gaz = load_gazetteer()
    for index, meeting in enumerate(extraction.meetings, start=1):
        meeting_id = f"{article_id}-m{index}"
        reasons = list(dict.fromkeys(meeting.review_reasons))
        rows["meetings"].append({
            **_MEETING_DEFAULTS, **meeting.values, "meeting_id": meeting_id, "article_id": article_id,
            "needs_review": bool(reasons), "review_reasons": ";".join(reasons),
        })
        for item in meeting.evidence:
            rows["evidence"].append({"meeting_id": meeting_id, "field": item.field, "value": item.value,
                                     "start": item.start, "end": item.end, "sentence": item.sentence})
        for hit in meeting.topics:
            topic = TOPICS_BY_ID[hit.topic_id]
            rows["meeting_topics"].append({
                "meeting_id": meeting_id, "topic_id": hit.topic_id, "topic_ar": topic.label_ar,
                "topic_en": topic.label_en, "in_account": hit.in_account, "evidence": hit.evidence,
            })
            rows["evidence"].append({"meeting_id": meeting_id, "field": f"topic:{hit.topic_id}",
                                     "value": read.text[hit.start:hit.end], "start": hit.start, "end": hit.end,
                                     "sentence": hit.evidence})
    for iso3, (role, count) in sorted(extraction.mentioned.items()):
        country = gaz.country(iso3)
        rows["mentioned_countries"].append({"article_id": article_id, "iso3": iso3, "name_ar": country.name_ar,
                                            "name_en": country.name_en, "role": role, "mentions": count})
    article["messages"] = " | ".join(messages)
    return rows


@dataclass
class RunReport:
    articles_read: int = 0
    processed: int = 0
    from_cache: int = 0
    meetings: int = 0
    errors: int = 0
    warnings: int = 0
    general: list[str] = field(default_factory=list)
    per_file: list[tuple[str, str, str]] = field(default_factory=list)  # file, status, messages

    @property
    def usable(self) -> int:
        return self.articles_read - self.errors

    def summary(self) -> str:
        lines = [
            f"Articles read: {self.articles_read} (processed {self.processed}, unchanged {self.from_cache}); "
            f"meetings found: {self.meetings}; warnings: {self.warnings}; errors: {self.errors}",
        ]
        lines += [f"  ! {message}" for message in self.general]
        lines += [f"  [{status}] {file}: {messages}" for file, status, messages in self.per_file if status != "ok"]
        return "\n".join(lines)


def read_metadata(folder: Path, files: list[str]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows of ``metadata.csv`` by file name, and warnings about the file itself.

    Missing, unreadable or malformed metadata gives warnings, never an exception.
    """
    path = folder / METADATA_FILE
    if not path.exists():
        return {}, []
    warnings: list[str] = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("windows-1256", errors="replace")
        warnings.append(f"{METADATA_FILE} is not UTF-8: read as windows-1256")
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        return {}, [f"{METADATA_FILE} could not be parsed ({exc}): metadata ignored"]
    header = set(rows[0].keys()) if rows else set()
    missing = [c for c in METADATA_COLUMNS if c not in header]
    if rows and "file" in missing:
        return {}, [f"{METADATA_FILE} has no 'file' column: metadata ignored"]
    if rows and missing:
        warnings.append(f"{METADATA_FILE} lacks columns {', '.join(missing)}: treated as empty")
    known = set(files)
    by_file: dict[str, dict[str, str]] = {}
    for line_number, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            warnings.append(f"{METADATA_FILE} line {line_number}: no file name: row ignored")
            continue
        if name not in known:
            warnings.append(f"{METADATA_FILE} line {line_number}: names '{name}', which is not in the folder")
            continue
        if name in by_file:
            warnings.append(f"{METADATA_FILE} line {line_number}: '{name}' listed twice: first row kept")
            continue
        by_file[name] = {k: (v or "") for k, v in row.items() if isinstance(k, str) and isinstance(v, str)}
    return by_file, warnings


class _Cache:
    """Per-article results keyed on content, metadata and code, in a SQLite file, and the ledgers
    that let a re-run trust the outputs it wrote before."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, timeout=30)
        # WAL: a commit waits for the disk once, not twice as in the default journal mode; and
        # after ``mark_dirty`` not at all (see there).
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        # Which key produced the rows now in the outputs, per article: those rows are reused as they are.
        self.conn.execute("CREATE TABLE IF NOT EXISTS written (article_id TEXT PRIMARY KEY, key TEXT NOT NULL)")
        # Each file's size, modification time and article id when last read, and when that was:
        # a settled file whose size and time have not changed is not read again.
        self.conn.execute("CREATE TABLE IF NOT EXISTS seen (name TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                          "mtime_ns INTEGER NOT NULL, article_id TEXT NOT NULL, checked_ns INTEGER NOT NULL)")
        # 'outputs' is 'clean' only while the files and the store hold exactly the rows of ``written``:
        # it is 'dirty' from the first byte a run writes until its last, so a run that stopped midway
        # makes the next one rewrite everything.
        self.conn.execute("CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL)")

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """key -> payload (the JSON of ``_result_rows``) for the keys that are cached."""
        found: dict[str, str] = {}
        for i in range(0, len(keys), 900):
            chunk = keys[i: i + 900]
            query = f"SELECT key, payload FROM cache WHERE key IN ({','.join('?' * len(chunk))})"
            found.update(self.conn.execute(query, chunk))
        return found

    def add(self, items: dict[str, str]) -> None:
        """Store results, in the transaction that ``mark_dirty`` commits (a run adds them while its
        workers go on, and none is kept if the run stops before it writes)."""
        self.conn.executemany("INSERT OR REPLACE INTO cache VALUES (?, ?)", items.items())

    def mark_dirty(self) -> None:
        """Commit the results added, and mark the outputs as being written, in one transaction that
        is on disk before the first output byte is: otherwise a power cut could leave appended
        rows behind a ledger that does not know them, and the next run would append them again.
        Later commits need not wait for the disk: a power cut that undoes them leaves the outputs
        marked dirty, and the next run rewrites them."""
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO state VALUES ('outputs', 'dirty')")
        self.conn.execute("PRAGMA synchronous=NORMAL")

    def written(self) -> dict[str, str]:
        """article_id -> the key whose rows are in the written outputs."""
        return dict(self.conn.execute("SELECT article_id, key FROM written"))

    def outputs_clean(self) -> bool:
        row = self.conn.execute("SELECT value FROM state WHERE name = 'outputs'").fetchone()
        return row is not None and row[0] == "clean"

    def set_written(self, drop: set[str] | None, add: dict[str, str], stale_keys=()) -> None:
        """Record what the outputs now hold and mark them clean, in one transaction.

        Args:
            drop: article ids whose rows left the outputs; None when the outputs were rewritten
                from scratch (the ledger is replaced by ``add``).
            add: article id -> key of the rows now written for it.
            stale_keys: cached results no longer needed (a changed article's earlier result).
        """
        with self.conn:
            if drop is None:
                self.conn.execute("DELETE FROM written")
            else:
                self.conn.executemany("DELETE FROM written WHERE article_id = ?", ((i,) for i in drop))
            self.conn.executemany("INSERT OR REPLACE INTO written VALUES (?, ?)", add.items())
            self.conn.executemany("DELETE FROM cache WHERE key = ?", ((k,) for k in stale_keys))
            self.conn.execute("INSERT OR REPLACE INTO state VALUES ('outputs', 'clean')")

    def seen(self) -> dict[str, tuple[int, int, str, int]]:
        """file name -> (size, mtime_ns, article_id, checked_ns) when it was last read."""
        return {name: (size, mtime_ns, article_id, checked_ns) for name, size, mtime_ns, article_id, checked_ns
                in self.conn.execute("SELECT name, size, mtime_ns, article_id, checked_ns FROM seen")}

    def update_seen(self, before: dict[str, tuple[int, int, str, int]],
                    entries: list[tuple[str, int, int, str, int]]) -> None:
        """Make the ledger ``entries``, writing only what differs from ``before``."""
        current = {entry[0] for entry in entries}
        with self.conn:
            self.conn.executemany("DELETE FROM seen WHERE name = ?", ((n,) for n in before if n not in current))
            self.conn.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?)",
                                  (e for e in entries if before.get(e[0]) != e[1:]))

    def stale(self, keys: set[str]) -> list[str]:
        """Cached keys not in ``keys``."""
        return [k for (k,) in self.conn.execute("SELECT key FROM cache") if k not in keys]

    def close(self) -> None:
        self.conn.close()


def list_article_files(folder: Path) -> list[Path]:
    """Article files in ``folder`` (not recursive), sorted by name."""
    return [folder / name for name in _article_names(folder)]


def _article_names(folder: Path) -> list[str]:
    # scandir's entries know whether they are files without another stat per file; splitext
    # rather than a Path per name (0.1 s at 10,000 files).
    with os.scandir(folder) as entries:
        return sorted(e.name for e in entries
                      if os.path.splitext(e.name)[1].lower() in SUPPORTED_SUFFIXES and e.is_file())


def build_frames(results: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-article rows into the contract's tables, sorted by key (pandas DataFrames;
    ``run`` builds the same tables as Arrow without pandas)."""
    import pandas as pd

    frames = {}
    for table in schema.TABLES:
        rows = [row for result in results for row in result.get(table.name, [])]
        frame = pd.DataFrame(rows, columns=table.column_names) if rows else schema.empty_frame(table)
        frame = schema.conform(table, frame).sort_values(list(table.key), kind="stable").reset_index(drop=True)
        schema.validate(table, frame)
        frames[table.name] = frame
    return frames


def _result_rows(result: dict[str, list[dict]]) -> dict[str, list[list]]:
    """``process_article``'s rows as lists in each table's column order (what the cache keeps)."""
    return {t.name: [[row.get(c) for c in t.column_names] for row in result[t.name]]
            for t in schema.TABLES if result.get(t.name)}


def _tables_of(rows: dict[str, list]) -> dict[str, pa.Table]:
    """Rows (lists in column order) as Arrow tables of the contract, values conformed."""
    tables = {}
    for table in schema.TABLES:
        table_rows = rows.get(table.name, [])
        if not outputs.plain_rows(table, table_rows):
            table_rows = outputs.conform_rows(table, table_rows)
        tables[table.name] = outputs.to_arrow(table, table_rows)
    return tables


def _process_chunk(items: list[tuple[bytes, str, dict[str, str]]]) -> tuple[list[str], dict[str, pa.Table]]:
    """``process_article`` over some articles, as the run needs it: each article's rows as the
    cache keeps them (JSON of ``_result_rows``), and all of their rows as Arrow tables. Done in
    the worker processes, so the main process only concatenates and sorts Arrow tables."""
    payloads: list[str] = []
    rows: dict[str, list] = {t.name: [] for t in schema.TABLES}
    for raw, file_name, meta in items:
        result = _result_rows(process_article(raw, file_name, meta))
        payloads.append(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
        for name, table_rows in result.items():
            rows[name] += table_rows
    return payloads, _tables_of(rows)


def _assemble(pieces: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Pieces of the tables concatenated, sorted by key and checked against the contract. The
    pieces are taken out of their dictionaries as they are used, so each is freed once copied."""
    tables = {}
    for table in schema.TABLES:
        data = pa.concat_tables([piece.pop(table.name) for piece in pieces]) if pieces else \
            outputs.to_arrow(table, [])
        data = data.sort_by([(k, "ascending") for k in table.key]) if data.num_rows > 1 else data
        _check(table, data)
        tables[table.name] = data.combine_chunks()  # one chunk per column, as the pandas path wrote
    return tables


def _check(table: schema.Table, data: pa.Table) -> None:
    """``schema.validate`` for a table sorted by key: keys present and unique, enumerations respected.

    Raises:
        schema.SchemaError: as ``schema.validate`` would.
    """
    if any(data[k].null_count for k in table.key):
        raise schema.SchemaError(f"{table.name}: empty key values")
    n = data.num_rows
    if n > 1:  # sorted by key: keys are unique when no row has the key of the one before
        same = None
        for key in table.key:
            equal = pc.equal(data[key].slice(0, n - 1), data[key].slice(1))
            same = equal if same is None else pc.and_(same, equal)
        if pc.any(same).as_py():
            first = pc.index(same, True).as_py()
            raise schema.SchemaError(f"{table.name}: duplicate keys "
                                     f"{[{k: data[k][first].as_py() for k in table.key}]}")
    for (name, column), allowed in schema.ENUMERATIONS.items():
        if name == table.name:
            bad = set(pc.unique(data[column]).to_pylist()) - set(allowed) - {None}
            if bad:
                raise schema.SchemaError(f"{table.name}.{column}: unexpected values {sorted(bad)}")


def _write_files(tables: dict[str, pa.Table], output: Path) -> None:
    """Every table as CSV (UTF-8 with BOM) and Parquet, each file replaced atomically."""
    for table in schema.TABLES:
        if table.csv:
            outputs.write_csv(tables[table.name], output / f"{table.name}.csv")
        outputs.write_parquet(tables[table.name], output / f"{table.name}.parquet")


def _row_article_ids(table: schema.Table, data: pa.Table) -> pa.ChunkedArray:
    """The article each row belongs to (meeting ids start with their article's 16-character id)."""
    if "article_id" in table.column_names:
        return data["article_id"]
    return pc.utf8_slice_codeunits(data["meeting_id"], 0, 16)


def _merged(output: Path, drop_ids: set[str], new: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The written tables without the rows of ``drop_ids``, plus ``new``, in key order."""
    merged = {}
    for table in schema.TABLES:
        old = outputs.read_columns(output / f"{table.name}.parquet").cast(outputs.arrow_schema(table))
        if drop_ids:
            ids = outputs.column("str", sorted(drop_ids))
            old = old.filter(pc.invert(pc.is_in(_row_article_ids(table, old), value_set=ids)))
        data = pa.concat_tables([old, new[table.name]]).sort_by([(k, "ascending") for k in table.key])
        _check(table, data)
        merged[table.name] = data.combine_chunks()  # one chunk per column, as a full write has
    return merged


def _appended_parquet(output: Path, new: dict[str, pa.Table]) -> dict[str, Path] | None:
    """For each Parquet file, a temporary file beside it holding its rows and then the new rows
    as one more row group; None when a file cannot take them (too many row groups already, or
    anything unexpected): then the tables are rewritten. Nothing is replaced yet."""
    prepared: dict[str, Path] = {}
    try:
        for table in schema.TABLES:
            if new[table.name].num_rows:
                prepared[table.name] = outputs.parquet_append_file(output / f"{table.name}.parquet",
                                                                   new[table.name])
    except (OSError, ValueError, pa.ArrowException):  # ParquetAppendError is a ValueError
        for tmp in prepared.values():
            tmp.unlink(missing_ok=True)
        return None
    return prepared


def _append(output: Path, new: dict[str, pa.Table], parquet: dict[str, Path]) -> None:
    """Add the new rows at the end of every CSV and Parquet file."""
    for name, tmp in parquet.items():
        os.replace(tmp, output / f"{name}.parquet")
    for table in schema.TABLES:
        if table.csv and new[table.name].num_rows:
            outputs.append_csv(output / f"{table.name}.csv", new[table.name])


def _progress(done: int, total: int, stream) -> None:
    if stream is not None and total >= 200 and (done % 256 == 0 or done == total):
        print(f"  processed {done}/{total} articles", file=stream, flush=True)


def _process_all(todo: list[tuple[str, str, bytes]], metadata: dict[str, dict[str, str]], workers: int,
                 total: int, progress_stream) -> Iterator[tuple[list[str], dict[str, pa.Table]]]:
    """``_process_chunk`` over the files to (re)process, 64 at a time, in order; in worker
    processes when there are many."""
    items = [(raw, name, metadata.get(name, {})) for _, name, raw in todo]
    chunks = [items[i: i + CHUNK] for i in range(0, len(items), CHUNK)]
    done = 0
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        # The per-article step is pure, so it maps over processes as it would over a cluster. Forked
        # workers start with everything this process imported (spawned ones would import it again).
        context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk, result in zip(chunks, pool.map(_process_chunk, chunks)):
                yield result
                done += len(chunk)
                _progress(done, total, progress_stream)
        return
    for chunk in chunks:
        yield _process_chunk(chunk)
        done += len(chunk)
        _progress(done, total, progress_stream)


@dataclass
class _Source:
    """One article file as the run sees it: its cache key and the article id its rows carry."""

    key: str
    name: str
    folder: Path
    # None when the file is over the size limit (never read), or when it is known from the
    # ledger of files seen and its bytes are not needed unless it has to be processed.
    raw: bytes | None
    article_id: str
    oversize: bool = False
    size: int = 0
    mtime_ns: int = 0
    read: bool = False  # its bytes were read in this run (so its ledger entry is checked now)

    @property
    def path(self) -> Path:
        return self.folder / self.name

    def content(self) -> bytes:
        return self.raw if self.raw is not None else self.path.read_bytes()


def _sources(folder: Path, names: list[str], metadata: dict[str, dict[str, str]], fingerprint: str,
             seen: dict[str, tuple[int, int, str, int]]) -> list[_Source]:
    """Each file's cache key and article id. A file the ledger ``seen`` already knows, with the
    same size and modification time, recorded after it had settled, is not read: at 10,000
    articles reading and hashing every file was a fifth of a re-run."""
    sources = []
    base = os.fspath(folder)
    for name in names:
        stat = os.stat(os.path.join(base, name))  # no Path per file: 0.05 s at 10,000 files
        size, mtime_ns = stat.st_size, stat.st_mtime_ns
        known = seen.get(name)
        raw, oversize = None, size > MAX_BYTES
        if oversize:
            article_id = _oversize_id(name, size)
        elif known and known[:2] == (size, mtime_ns) and mtime_ns < known[3] - SETTLED_NS:
            article_id = known[2]
        else:
            raw = (folder / name).read_bytes()
            article_id = article_id_for(raw)
        meta = metadata.get(name, {})
        fields = [article_id, name, fingerprint, *(f"{k}={meta[k]}" for k in sorted(meta))]
        key = hashlib.sha256("\0".join(fields).encode()).hexdigest()
        sources.append(_Source(key, name, folder, raw, article_id, oversize, size, mtime_ns, raw is not None))
    return sources


def run(input_dir: Path, output_dir: Path, progress_stream=sys.stderr, workers: int | None = None) -> RunReport:
    """Process every article in ``input_dir`` and write the tables to ``output_dir``.

    A file that cannot be read is reported and skipped; the run goes on. Only
    new or changed articles (by content, metadata and code) are processed again.
    When articles were only added, their rows are appended to the outputs (see
    ``outputs``); when one was changed or removed, the files are rewritten from
    the previous ones and the store swaps that article's rows; either way the cost
    of the rows already written does not depend on how many there are, except
    for the rewrite. ``workers`` processes share the work when there are many
    articles (default: one per core).
    """
    workers = workers or os.cpu_count() or 1
    report = RunReport()
    output_dir.mkdir(parents=True, exist_ok=True)
    if not input_dir.is_dir():
        report.general.append(f"articles folder '{input_dir}' does not exist")
        return report
    db = output_dir / database.DB_NAME
    with FileLock(str(output_dir / LOCK_FILE), timeout=600):
        names = _article_names(input_dir)
        metadata, meta_warnings = read_metadata(input_dir, names)
        report.general += meta_warnings
        unique: list[_Source] = []
        first_name: dict[str, str] = {}
        cache = _Cache(output_dir / CACHE_FILE)
        try:
            checked_ns = time.time_ns()  # before any file is looked at: see SETTLED_NS
            seen = cache.seen()
            sources = _sources(input_dir, names, metadata, _code_fingerprint(), seen)
            for source in sources:
                if source.article_id in first_name:
                    report.general.append(f"{source.name} has the same content as "
                                          f"{first_name[source.article_id]}: counted once")
                    continue
                first_name[source.article_id] = source.name
                unique.append(source)
            written = cache.written()
            reusable = bool(written) and cache.outputs_clean() and _outputs_complete(output_dir) and \
                database.has_pipeline_tables(db)
            kept_ids = {s.article_id for s in unique if reusable and written.get(s.article_id) == s.key}
            changed = [s for s in unique if s.article_id not in kept_ids]
            cached = cache.get_many([s.key for s in changed])
            todo = [(s.key, s.name, s.content()) for s in changed if s.key not in cached and not s.oversize]
            keys = [key for key, _, _ in todo]
            pieces: list[dict[str, pa.Table]] = []
            for payloads, tables in _process_all(todo, metadata, workers, len(unique), progress_stream):
                done = report.processed  # results come in order, a chunk at a time
                cache.add(dict(zip(keys[done:done + len(payloads)], payloads)))
                report.processed += len(payloads)
                pieces.append(tables)
            del todo
            for source in sources:  # the files' bytes are not needed any more (0.5 GB at 100,000 articles)
                source.raw = None
            report.from_cache = len(kept_ids) + sum(1 for s in changed if s.key in cached)
            known: dict[str, list] = {}  # rows of articles from the cache, or too big to read
            for result in (json.loads(cached[s.key]) if s.key in cached else _result_rows(_oversize_result(s.path))
                           for s in changed if s.key in cached or s.oversize):
                for name, table_rows in result.items():
                    known.setdefault(name, []).extend(table_rows)
            new = _assemble(pieces + ([_tables_of(known)] if known else []))
            del pieces, known
            removed = set(written) - {s.article_id for s in unique}
            replaced = {s.article_id for s in changed if s.article_id in written}
            if not reusable:
                # Outputs are being replaced: trust them again only once written.
                # SQLite does its work with the GIL released: the store is written while Arrow
                # writes the files.
                # Grouping works from the tables in memory while the store is written (2 s of SQLite
                # at 10,000 articles): in a process of its own when there are many, since in a thread
                # it held the GIL the store's thread needed (forked before that thread starts, and
                # before the outputs are marked dirty, 0.4 s of waiting for the disk; it writes
                # nothing until they are).
                grouped = _EventFilesInChild(output_dir, new) \
                    if workers > 1 and new["meetings"].num_rows >= PARALLEL_FROM and \
                    "fork" in mp.get_all_start_methods() else None
                cache.mark_dirty()
                with ThreadPoolExecutor(max_workers=1) as writer:
                    if grouped:
                        grouped.may_write()
                    stored = writer.submit(lambda: database.write_rows(db, {n: outputs.rows_of(t) for n, t in new.items()}))
                    _write_files(new, output_dir)
                    update = grouped.result() if grouped else event_outputs.event_files(output_dir, new)
                    # The event rows go into the store after the article rows, in the same thread.
                    stored_events = writer.submit(event_outputs.store_events, db, output_dir, update)
                    stored.result()
                    stored_events.result()
                cache.set_written(None, {s.article_id: s.key for s in unique}, cache.stale({s.key for s in unique}))
                summary = _summary(new["articles"], new["meetings"].num_rows)
            elif changed or removed:
                drop_ids = removed | replaced
                appended = None if drop_ids else _appended_parquet(output_dir, new)
                try:
                    cache.mark_dirty()
                    if appended is None:  # a change, a removal, or Parquet files that take no more row groups
                        merged = _merged(output_dir, drop_ids, new)
                        _write_files(merged, output_dir)
                    else:
                        _append(output_dir, new, appended)
                finally:
                    for tmp in (appended or {}).values():
                        tmp.unlink(missing_ok=True)
                database.replace_article_rows(db, drop_ids, {n: outputs.rows_of(t) for n, t in new.items()})
                event_outputs.write_event_tables(output_dir, db, merged if appended is None else None, added=new)
                cache.set_written(drop_ids, {s.article_id: s.key for s in changed},
                                  [written[i] for i in drop_ids])  # a changed article's earlier result
                summary = _summary(merged["articles"], merged["meetings"].num_rows) if appended is None \
                    else _written_summary(output_dir)
            else:  # nothing changed: the report needs only what the articles table says
                summary = _written_summary(output_dir)
            if reusable and not (changed or removed) and not event_outputs.complete(output_dir):
                event_outputs.write_event_tables(output_dir, db)  # outputs written before events existed
            # A file read just now is checked now; one known from the ledger keeps its check time.
            cache.update_seen(seen, [(s.name, s.size, s.mtime_ns, s.article_id,
                                      checked_ns if s.read else seen[s.name][3])
                                     for s in sources if not s.oversize])
        finally:
            cache.close()
        report.per_file, report.meetings = summary
        report.articles_read = len(report.per_file)
        report.errors = sum(1 for _, status, _ in report.per_file if status == "error")
        report.warnings = sum(1 for _, status, _ in report.per_file if status == "warning")
        outputs.atomic_write(output_dir / REPORT_FILE, lambda tmp: tmp.write_text(json.dumps({
            "summary": report.summary().splitlines()[0], "general": report.general,
            "files": [{"file": f, "status": s, "messages": m} for f, s, m in report.per_file],
        }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"))  # no indent: the C encoder, 5x faster
    return report


class _EventFilesInChild:
    """``event_outputs.event_files`` in a forked process: it reads the tables it inherits, groups,
    waits for ``may_write`` before writing the event files, and sends back what the store needs."""

    def __init__(self, output: Path, tables: dict[str, pa.Table]) -> None:
        context = mp.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._go = context.Event()
        self._child = context.Process(target=_event_child, args=(output, tables, send, self._go, os.getpid()),
                                      daemon=True)
        self._child.start()
        send.close()

    def may_write(self) -> None:
        self._go.set()

    def result(self) -> event_outputs.StoreUpdate:
        """Wait for the child: its ``StoreUpdate``."""
        try:
            ok, value = self._receive.recv()
        except EOFError:
            ok, value = False, "the grouping process ended without a result"
        finally:
            self._receive.close()
            self._child.join()
        if not ok:
            raise RuntimeError(f"grouping reports into events failed: {value}")
        return value


def _event_child(output: Path, tables: dict[str, pa.Table], send, go, parent: int) -> None:
    def ready() -> None:
        while not go.wait(1):
            if os.getppid() != parent:  # the run stopped before the outputs could be written
                os._exit(1)

    try:
        send.send((True, event_outputs.event_files(output, tables, ready=ready)))
    except BaseException as exc:  # handed to the parent, which raises
        import traceback

        send.send((False, f"{exc!r}\n{traceback.format_exc()}"))
    finally:
        send.close()


def _summary(articles: pa.Table, meetings: int) -> tuple[list[tuple[str, str, str]], int]:
    """(file, status, messages) of every article, in the table's order, and the number of meetings."""
    columns = [articles[c].to_pylist() for c in ("file", "status", "messages")]
    return list(zip(*columns)), meetings


def _written_summary(output: Path) -> tuple[list[tuple[str, str, str]], int]:
    articles = outputs.read_columns(output / "articles.parquet", ("file", "status", "messages"))
    return _summary(articles, pq.ParquetFile(output / "meetings.parquet").metadata.num_rows)


def _outputs_complete(output: Path) -> bool:
    """Every table file is there (nothing to rewrite when the input has not changed)."""
    return all((output / f"{t.name}.parquet").exists() and (not t.csv or (output / f"{t.name}.csv").exists())
               for t in schema.TABLES)


def _oversize_id(name: str, size: int) -> str:
    """An oversize file is never read, so its id comes from its name and size."""
    return hashlib.sha256(f"{name}:{size}".encode()).hexdigest()[:16]


def _oversize_result(path: Path) -> dict[str, list[dict]]:
    size = path.stat().st_size
    rows: dict[str, list[dict]] = {t.name: [] for t in schema.TABLES}
    rows["articles"].append({
        "article_id": _oversize_id(path.name, size), "file": path.name,
        "title": "", "section": "", "published_date": "", "source_url": "", "outlet": "", "encoding": "",
        "chars": 0, "status": "error",
        "messages": f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit: skipped",
    })
    return rows
