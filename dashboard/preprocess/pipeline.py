"""The pipeline: a folder of articles in, the contract's tables out.

``process_article`` is the per-article step: a pure function of the file's
bytes, its name and its metadata row, returning plain rows. It is what a
distributed engine would map over millions of files. ``run`` adds what one
machine needs around it: the metadata file, a content-keyed cache so that a
re-run only processes new or changed articles, a lock, and atomic writes.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from filelock import FileLock

from dashboard import store
from dashboard.preprocess import dates, schema
from dashboard.preprocess.extract import extract_article
from dashboard.preprocess.gazetteer import load_gazetteer
from dashboard.preprocess.reader import MAX_BYTES, SUPPORTED_SUFFIXES, read_article_bytes
from dashboard.preprocess.topics import TOPICS_BY_ID

METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "published_date", "source_url", "outlet")
CACHE_FILE = "cache.sqlite"
LOCK_FILE = ".pipeline.lock"
REPORT_FILE = "run_report.json"
# Below this many new articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 400
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
    """Per-article results keyed on content, metadata and code, in a SQLite file."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, timeout=30)
        self.conn.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        # Which key produced the rows now in the outputs, per article: those rows are reused as they are.
        self.conn.execute("CREATE TABLE IF NOT EXISTS written (article_id TEXT PRIMARY KEY, key TEXT NOT NULL)")
        # Each file's size, modification time and article id when last read, and when that was:
        # a settled file whose size and time have not changed is not read again.
        self.conn.execute("CREATE TABLE IF NOT EXISTS seen (name TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                          "mtime_ns INTEGER NOT NULL, article_id TEXT NOT NULL, checked_ns INTEGER NOT NULL)")

    def get_many(self, keys: list[str]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for i in range(0, len(keys), 900):
            chunk = keys[i: i + 900]
            query = f"SELECT key, payload FROM cache WHERE key IN ({','.join('?' * len(chunk))})"
            found |= {k: json.loads(p) for k, p in self.conn.execute(query, chunk)}
        return found

    def put_many(self, items: dict[str, dict]) -> None:
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO cache VALUES (?, ?)",
                                  ((k, json.dumps(v, ensure_ascii=False)) for k, v in items.items()))

    def written(self) -> dict[str, str]:
        """article_id -> the key whose rows are in the written outputs."""
        return dict(self.conn.execute("SELECT article_id, key FROM written"))

    def set_written(self, written: dict[str, str]) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM written")
            self.conn.executemany("INSERT INTO written VALUES (?, ?)", written.items())

    def seen(self) -> dict[str, tuple[int, int, str, int]]:
        """file name -> (size, mtime_ns, article_id, checked_ns) when it was last read."""
        return {name: (size, mtime_ns, article_id, checked_ns) for name, size, mtime_ns, article_id, checked_ns
                in self.conn.execute("SELECT name, size, mtime_ns, article_id, checked_ns FROM seen")}

    def set_seen(self, entries: list[tuple[str, int, int, str, int]]) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM seen")
            self.conn.executemany("INSERT INTO seen VALUES (?, ?, ?, ?, ?)", entries)

    def keep_only(self, keys: set[str]) -> None:
        stale = [k for (k,) in self.conn.execute("SELECT key FROM cache") if k not in keys]
        with self.conn:
            self.conn.executemany("DELETE FROM cache WHERE key = ?", ((k,) for k in stale))

    def close(self) -> None:
        self.conn.close()


def list_article_files(folder: Path) -> list[Path]:
    """Article files in ``folder`` (not recursive), sorted by name."""
    # scandir's entries know whether they are files without another stat per file; splitext
    # rather than a Path per name (0.1 s at 10,000 files).
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries
                       if os.path.splitext(e.name)[1].lower() in SUPPORTED_SUFFIXES and e.is_file())
    return [folder / name for name in names]


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def build_frames(results: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-article rows into the contract's tables, sorted by key."""
    frames = {}
    for table in schema.TABLES:
        rows = [row for result in results for row in result.get(table.name, [])]
        frame = pd.DataFrame(rows, columns=table.column_names) if rows else schema.empty_frame(table)
        frame = schema.conform(table, frame).sort_values(list(table.key), kind="stable").reset_index(drop=True)
        schema.validate(table, frame)
        frames[table.name] = frame
    return frames


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 CSV with a BOM (Excel needs it for Arabic). Arrow's writer: 15x faster than pandas here."""
    with path.open("wb") as handle:
        handle.write(codecs.BOM_UTF8)
        pa_csv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), handle,
                         pa_csv.WriteOptions(quoting_style="needed"))


def write_outputs(frames: dict[str, pd.DataFrame], output: Path,
                  changed: tuple[set[str], dict[str, pd.DataFrame]] | None = None) -> None:
    """CSV (UTF-8 with BOM), Parquet and the SQLite store; each file replaced atomically.

    Args:
        frames: the complete tables.
        output: the output folder.
        changed: (article ids whose rows change or go, the tables of the new or changed articles);
            when given (the caller has checked the store is complete), only those rows of the store
            are replaced.
    """
    output.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        table = schema.TABLES_BY_NAME[name]
        if table.csv:
            _atomic_write(output / f"{name}.csv", lambda tmp, f=frame: _write_csv(f, tmp))
        _atomic_write(output / f"{name}.parquet", lambda tmp, f=frame: f.to_parquet(tmp, index=False))
    db = output / store.DB_NAME
    if changed is not None:
        drop_ids, new_frames = changed
        store.replace_articles(db, drop_ids, new_frames)
    else:
        store.write_tables(db, frames)


def _progress(done: int, total: int, stream) -> None:
    if stream is not None and total >= 200 and (done % 250 == 0 or done == total):
        print(f"  processed {done}/{total} articles", file=stream, flush=True)


def _process_all(todo: list[tuple[str, str, bytes]], metadata: dict[str, dict[str, str]], workers: int,
                 total: int, progress_stream) -> list[dict]:
    """``process_article`` over the files to (re)process, in order; in worker processes when many."""
    names = [name for _, name, _ in todo]
    raws = [raw for _, _, raw in todo]
    metas = [metadata.get(name, {}) for name in names]
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        # The per-article step is pure, so it maps over processes as it would over a cluster.
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = []
            for done, result in enumerate(pool.map(process_article, raws, names, metas, chunksize=64), start=1):
                results.append(result)
                _progress(done, total, progress_stream)
            return results
    results = []
    for done, args in enumerate(zip(raws, names, metas), start=1):
        results.append(process_article(*args))
        _progress(done, total, progress_stream)
    return results


@dataclass(frozen=True)
class _Source:
    """One article file as the run sees it: its cache key and the article id its rows carry."""

    key: str
    name: str
    path: Path
    # None when the file is over the size limit (never read), or when it is known from the
    # ledger of files seen and its bytes are not needed unless it has to be processed.
    raw: bytes | None
    article_id: str
    oversize: bool = False
    size: int = 0
    mtime_ns: int = 0

    def content(self) -> bytes:
        return self.raw if self.raw is not None else self.path.read_bytes()


def _sources(files: list[Path], metadata: dict[str, dict[str, str]], fingerprint: str,
             seen: dict[str, tuple[int, int, str, int]]) -> list[_Source]:
    """Each file's cache key and article id. A file the ledger ``seen`` already knows, with the
    same size and modification time, recorded after it had settled, is not read: at 10,000
    articles reading and hashing every file was a fifth of a re-run."""
    sources = []
    for path in files:
        stat = path.stat()
        size, mtime_ns = stat.st_size, stat.st_mtime_ns
        known = seen.get(path.name)
        raw, oversize = None, size > MAX_BYTES
        if oversize:
            article_id = _oversize_id(path.name, size)
        elif known and known[:2] == (size, mtime_ns) and mtime_ns < known[3] - SETTLED_NS:
            article_id = known[2]
        else:
            raw = path.read_bytes()
            article_id = article_id_for(raw)
        meta = metadata.get(path.name, {})
        fields = [article_id, path.name, fingerprint, *(f"{k}={meta[k]}" for k in sorted(meta))]
        key = hashlib.sha256("\0".join(fields).encode()).hexdigest()
        sources.append(_Source(key, path.name, path, raw, article_id, oversize, size, mtime_ns))
    return sources


def _rows_article_ids(table: schema.Table, frame: pd.DataFrame) -> pd.Series:
    """The article each row belongs to (meeting ids start with their article's id)."""
    if "article_id" in table.column_names:
        return frame["article_id"]
    return frame["meeting_id"].str.slice(0, 16)


def _read_outputs(output: Path, names: tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    tables = [t for t in schema.TABLES if names is None or t.name in names]
    return {t.name: schema.conform(t, pd.read_parquet(output / f"{t.name}.parquet")) for t in tables}


def _merge(previous: dict[str, pd.DataFrame], drop_ids: set[str], new: dict[str, pd.DataFrame]
           ) -> dict[str, pd.DataFrame]:
    """The previous tables without the rows of ``drop_ids`` (changed or gone), plus ``new``, the tables
    of new or changed articles. ``drop_ids`` is the small set: testing membership in it stays cheap."""
    frames = {}
    for table in schema.TABLES:
        old = previous[table.name]
        old = old[~_rows_article_ids(table, old).isin(drop_ids)]
        frame = pd.concat([old, new[table.name]], ignore_index=True) if len(new[table.name]) else old
        frame = schema.conform(table, frame).sort_values(list(table.key), kind="stable").reset_index(drop=True)
        schema.validate(table, frame)
        frames[table.name] = frame
    return frames


def run(input_dir: Path, output_dir: Path, progress_stream=sys.stderr, workers: int | None = None) -> RunReport:
    """Process every article in ``input_dir`` and write the tables to ``output_dir``.

    A file that cannot be read is reported and skipped; the run goes on. Only
    new or changed articles (by content, metadata and code) are processed again,
    and only their rows are replaced: the rows of unchanged articles come from the
    previous output, so a re-run after adding one article stays cheap at any size.
    ``workers`` processes share the work when there are many articles (default: one per core).
    """
    workers = workers or os.cpu_count() or 1
    report = RunReport()
    output_dir.mkdir(parents=True, exist_ok=True)
    if not input_dir.is_dir():
        report.general.append(f"articles folder '{input_dir}' does not exist")
        return report
    with FileLock(str(output_dir / LOCK_FILE), timeout=600):
        files = list_article_files(input_dir)
        metadata, meta_warnings = read_metadata(input_dir, [p.name for p in files])
        report.general += meta_warnings
        unique: list[_Source] = []
        first_name: dict[str, str] = {}
        cache = _Cache(output_dir / CACHE_FILE)
        try:
            checked_ns = time.time_ns()  # before any file is looked at: see SETTLED_NS
            seen = cache.seen()
            sources = _sources(files, metadata, _code_fingerprint(), seen)
            for source in sources:
                if source.article_id in first_name:
                    report.general.append(f"{source.name} has the same content as "
                                          f"{first_name[source.article_id]}: counted once")
                    continue
                first_name[source.article_id] = source.name
                unique.append(source)
            written = cache.written()
            reusable = bool(written) and _outputs_complete(output_dir) and \
                store.stored_article_ids(output_dir / store.DB_NAME) is not None
            kept_ids = {s.article_id for s in unique if reusable and written.get(s.article_id) == s.key}
            changed = [s for s in unique if s.article_id not in kept_ids]
            cached = cache.get_many([s.key for s in changed])
            todo = [(s.key, s.name, s.content()) for s in changed if s.key not in cached and not s.oversize]
            fresh = dict(zip((key for key, _, _ in todo),
                             _process_all(todo, metadata, workers, len(unique), progress_stream)))
            report.processed = len(fresh)
            report.from_cache = len(kept_ids) + sum(1 for s in changed if s.key in cached)
            new_results = [cached.get(s.key) or fresh.get(s.key) or _oversize_result(s.path) for s in changed]
            cache.put_many(fresh)
            cache.keep_only({s.key for s in unique})
            removed = set(written) - {s.article_id for s in unique}
            if not reusable:
                frames = build_frames(new_results)
                cache.set_written({})  # outputs are being replaced: trust them again only once written
                write_outputs(frames, output_dir)
            elif changed or removed:
                drop_ids = removed | {s.article_id for s in changed}
                new_frames = build_frames(new_results)
                frames = _merge(_read_outputs(output_dir), drop_ids, new_frames)
                cache.set_written({})
                write_outputs(frames, output_dir, (drop_ids, new_frames))
            else:  # nothing changed: the report needs only these two tables
                frames = _read_outputs(output_dir, ("articles", "meetings"))
            cache.set_written({s.article_id: s.key for s in unique})
            # A file read just now is checked now; one known from the ledger keeps its check time.
            cache.set_seen([(s.name, s.size, s.mtime_ns, s.article_id,
                             checked_ns if s.raw is not None else seen[s.name][3])
                            for s in sources if not s.oversize])
        finally:
            cache.close()
        articles = frames["articles"]
        report.articles_read = len(articles)
        report.meetings = len(frames["meetings"])
        report.errors = int((articles["status"] == "error").sum())
        report.warnings = int((articles["status"] == "warning").sum())
        report.per_file = list(articles[["file", "status", "messages"]].itertuples(index=False, name=None))
        _atomic_write(output_dir / REPORT_FILE, lambda tmp: tmp.write_text(json.dumps({
            "summary": report.summary().splitlines()[0], "general": report.general,
            "files": [{"file": f, "status": s, "messages": m} for f, s, m in report.per_file],
        }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"))  # no indent: the C encoder, 5x faster
    return report


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
