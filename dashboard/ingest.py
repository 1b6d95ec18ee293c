"""Adding articles to the collection: uploaded files or pasted text, stored safely, then processed.

No Streamlit here. ``add_articles`` checks each new article (type, size, text),
recognises content the collection already holds, stores the rest in the
articles folder under a name built by us (never a path the user sent), appends
their ``metadata.csv`` rows, and runs the incremental pipeline so the new
meetings are in the store when it returns. ``propose_merges`` lists meetings
that look like two reports of the same visit.

Every message is an ``Issue``: a code and its values, shown in Arabic or
English by ``Issue.text(lang)`` through ``dashboard.i18n``.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from filelock import FileLock, Timeout

from dashboard import analytics, config, store
from dashboard.i18n import t
from dashboard.preprocess import pipeline
from dashboard.preprocess.bidi import INVISIBLE
from dashboard.preprocess.dates import parse_published_date
from dashboard.preprocess.normalize import normalize
from dashboard.preprocess.reader import MAX_BYTES, SUPPORTED_SUFFIXES, UnreadableError, decode_bytes, read_article_bytes
from dashboard.rtl import FSI, PDI

UPLOAD_LOCK = ".upload.lock"
DEFAULT_METADATA_HEADER = ("file", "published_date", "source_url", "outlet", "notes")
SLUG_CHARS = 40
HASH_CHARS = 12
NAME_SHOWN_CHARS = 80
FIELD_CHARS = 500
MERGE_COLUMNS = ("meeting_id", "other_meeting_id", "partner", "date", "other_date", "similarity")

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f" + INVISIBLE + "]")  # control characters, bidi controls, zero-width, BOM
_NOT_SLUG_RE = re.compile(r"[^A-Za-z0-9_-]+")
PASTED = "pasted text"  # shown name of pasted text


# ---------------------------------------------------------------- messages

@dataclass(frozen=True)
class Issue:
    """One thing to tell the user about one article: ``code`` names an i18n string ``upload_<code>``.

    ``params`` are the string's values; ``size`` and ``limit`` are byte counts, written out per language.
    """

    code: str
    name: str = ""
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        values = {k: (size_label(v, lang) if k in ("size", "limit") else v) for k, v in self.params.items()}
        if lang == "ar":  # Latin file names and URLs inside an Arabic sentence: isolate them
            values = {k: f"{FSI}{v}{PDI}" if isinstance(v, str) else v for k, v in values.items()}
        return t(f"upload_{self.code}", lang, name=display_name(self.name, lang), **values)

    @property
    def message(self) -> str:
        """The English text (logs, tests)."""
        return self.text("en")


def display_name(name: str, lang: str) -> str:
    """A name from ``shown_name`` for the page: pasted text translated, file names isolated in Arabic."""
    if name == PASTED:
        return t("upload_pasted", lang)
    return f"{FSI}{name}{PDI}" if lang == "ar" and name else name


def size_label(n: int, lang: str = "en") -> str:
    """Byte count as "25 MB" / "3 KB" / "100 bytes" (or the Arabic units)."""
    units = (("MB", "ميغابايت", 1 << 20), ("KB", "كيلوبايت", 1 << 10))
    for en, ar, scale in units:
        if n >= scale:
            number = f"{n / scale:.1f}".rstrip("0").rstrip(".")
            return f"{number} {ar if lang == 'ar' else en}"
    return f"{n} {'بايت' if lang == 'ar' else 'bytes'}"


# ---------------------------------------------------------------- input and report

@dataclass(frozen=True)
class NewArticle:
    """An article to add: an uploaded file (its name as the browser sent it) or pasted text."""

    original_name: str | None
    data: bytes
    published_date: str = ""
    source_url: str = ""
    outlet: str = ""
    pasted: bool = False


def pasted_article(text: str, published_date: str = "", source_url: str = "", outlet: str = "") -> NewArticle:
    """Pasted text as an article: UTF-8, line endings unified, surrounding blank space dropped.

    The same text pasted twice gives the same bytes, so it is recognised as a duplicate.
    """
    body = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()
    return NewArticle(None, (body + "\n").encode("utf-8") if body else b"", published_date, source_url, outlet,
                      pasted=True)


@dataclass(frozen=True)
class StoredArticle:
    name: str  # as shown: the original name (cleaned) or "pasted text"
    file: str  # the name it is stored under in the articles folder
    article_id: str


@dataclass
class AddReport:
    stored: list[StoredArticle] = field(default_factory=list)
    duplicates: list[Issue] = field(default_factory=list)  # code "duplicate", params["existing"]
    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    new_meeting_ids: list[str] = field(default_factory=list)
    pipeline: pipeline.RunReport | None = None

    @property
    def stored_files(self) -> list[str]:
        return [s.file for s in self.stored]


# ---------------------------------------------------------------- names

def shown_name(original: str | None, pasted: bool = False) -> str:
    """The user's name for an article, safe to show: no control characters, not too long."""
    if pasted or original is None:
        return PASTED
    name = _CONTROL_RE.sub("", original).strip()
    return name if len(name) <= NAME_SHOWN_CHARS else name[: NAME_SHOWN_CHARS - 1] + "…"


def split_upload_name(original: str) -> tuple[str, str]:
    """(stem, lower-case suffix) of the last component of a name a browser sent.

    Both ``/`` and ``\\`` count as separators, so no directory part survives; control
    characters go, and trailing dots and spaces (ignored by Windows) are dropped.
    The suffix is "" when the name has none.
    """
    base = _CONTROL_RE.sub("", original.replace("\\", "/").rsplit("/", 1)[-1]).strip().rstrip(". ")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        return base, ""
    return stem, "." + ext.strip().lower()


def slug(stem: str) -> str:
    """ASCII letters, digits, '-' and '_' of ``stem`` (runs of anything else become '-'), at most 40 chars."""
    return _NOT_SLUG_RE.sub("-", stem).strip("-_.")[:SLUG_CHARS].strip("-_")


def stored_name(item: NewArticle, suffix: str, article_id: str, attempt: int = 0) -> str:
    """The name an article is stored under: ``upload_<slug>_<hash>.<suffix>`` or ``pasted_<hash>.txt``.

    An Arabic (or otherwise non-ASCII) stem leaves no slug: the content hash alone names the file.
    """
    digest = article_id[:HASH_CHARS] + (f"-{attempt + 1}" if attempt else "")
    if item.pasted:
        return f"pasted_{digest}.txt"
    stem, _ = split_upload_name(item.original_name or "")
    cleaned = slug(stem)
    return f"upload_{cleaned}_{digest}{suffix}" if cleaned else f"upload_{digest}{suffix}"


def _inside(folder: Path, name: str) -> Path | None:
    """``folder / name`` when it is a plain file name directly inside ``folder``, else None."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        return None
    target = folder / name
    return target if target.resolve().parent == folder.resolve() else None


# ---------------------------------------------------------------- checks

@dataclass(frozen=True)
class _Checked:
    item: NewArticle
    name: str
    suffix: str = ""
    article_id: str = ""
    problem: Issue | None = None
    warnings: tuple[Issue, ...] = ()


def check_article(item: NewArticle, max_bytes: int = MAX_BYTES) -> _Checked:
    """Type, size, emptiness and readability of one new article (no file system access)."""
    name = shown_name(item.original_name, item.pasted)
    accepted = ", ".join(SUPPORTED_SUFFIXES)
    if item.pasted:
        suffix = ".txt"
    else:
        stem, suffix = split_upload_name(item.original_name or "")
        if not suffix:
            return _Checked(item, name, problem=Issue("no_suffix", name, {"accepted": accepted}))
        if suffix not in SUPPORTED_SUFFIXES:
            return _Checked(item, name, problem=Issue("bad_type", name, {"suffix": suffix[:20], "accepted": accepted}))
    limit = min(max_bytes, MAX_BYTES)  # the pipeline skips anything over MAX_BYTES
    if len(item.data) > limit:
        return _Checked(item, name, problem=Issue("too_big", name, {"size": len(item.data), "limit": limit}))
    if not item.data.strip():
        return _Checked(item, name, problem=Issue("empty", name))
    try:
        text, _, _ = decode_bytes(item.data, html=suffix in (".html", ".htm"))
    except UnreadableError:
        return _Checked(item, name, problem=Issue("binary", name))
    if not _CONTROL_RE.sub("", text).strip():
        return _Checked(item, name, problem=Issue("empty", name))
    read = read_article_bytes(item.data, suffix)
    if read.status == "error":
        return _Checked(item, name, problem=Issue("no_text", name))
    warnings = tuple(Issue("not_arabic", name) for m in read.messages if m.startswith("not Arabic"))
    return _Checked(item, name, suffix, pipeline.article_id_for(item.data), warnings=warnings)


def _clean_field(value: str) -> str:
    return re.sub(r"\s+", " ", _CONTROL_RE.sub(" ", value or "")).strip()[:FIELD_CHARS]


def metadata_row(item: NewArticle, name: str, file: str) -> tuple[dict[str, str], list[Issue]]:
    """The metadata.csv row of a stored article; a bad date or URL is left empty with a warning."""
    warnings: list[Issue] = []
    published_text = _clean_field(item.published_date)
    published = parse_published_date(published_text) if published_text else None
    if published_text and published is None:
        warnings.append(Issue("bad_date", name, {"value": published_text[:40]}))
    url = _clean_field(item.source_url)
    if url:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in url:
            warnings.append(Issue("bad_url", name, {"value": url[:80]}))
            url = ""
    notes = "pasted text" if item.pasted else f"uploaded as: {name}"
    row = {"file": file, "published_date": published.isoformat() if published else "", "source_url": url,
           "outlet": _clean_field(item.outlet), "notes": notes}
    return row, warnings


# ---------------------------------------------------------------- files

def _write_atomic(path: Path, data: bytes, mode_from: Path | None = None) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place in one step."""
    handle, tmp_name = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode_from is not None and mode_from.exists():
            shutil.copymode(mode_from, tmp)
        else:
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; the pipeline may run as another user
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def existing_articles(folder: Path) -> dict[str, str]:
    """article id -> file name for every article already in ``folder`` (the pipeline's ids)."""
    found: dict[str, str] = {}
    for path in pipeline.list_article_files(folder):
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            found.setdefault(pipeline.article_id_for(path.read_bytes()), path.name)
        except OSError:
            continue
    return found


def _metadata_layout(path: Path) -> tuple[bytes, list[str], str, str]:
    """(bytes to keep, columns, line ending, encoding) of an existing metadata.csv, or a new one's."""
    raw = path.read_bytes() if path.exists() else b""
    if not raw.strip(b"\xef\xbb\xbf \r\n\t"):
        header = ",".join(DEFAULT_METADATA_HEADER) + "\n"
        return header.encode("utf-8"), list(DEFAULT_METADATA_HEADER), "\n", "utf-8"
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = raw.decode("cp1256", errors="replace"), "cp1256"
    columns = next(csv.reader(io.StringIO(text)), [])
    end = raw.find(b"\n")
    newline = "\r\n" if end > 0 and raw[end - 1: end] == b"\r" else "\n"
    if not raw.endswith((b"\n", b"\r")):
        raw += newline.encode("ascii")
    return raw, [c.strip() for c in columns], newline, encoding


def metadata_files(folder: Path) -> set[str]:
    """File names metadata.csv already has a row for (a new article must not take one of them)."""
    path = folder / pipeline.METADATA_FILE
    if not path.exists():
        return set()
    kept, columns, _, encoding = _metadata_layout(path)
    text = kept.decode("utf-8-sig" if encoding == "utf-8" else encoding, errors="replace")
    try:
        return {(row.get("file") or "").strip() for row in csv.DictReader(io.StringIO(text))}
    except csv.Error:
        return set()


def append_metadata(folder: Path, rows: list[dict[str, str]]) -> list[Issue]:
    """Append ``rows`` to ``folder/metadata.csv`` (created if missing), atomically.

    The existing bytes are kept exactly (header, rows, extra columns, BOM, line endings);
    new rows follow the existing header, with "" for columns they do not fill.
    """
    if not rows:
        return []
    path = folder / pipeline.METADATA_FILE
    kept, columns, newline, encoding = _metadata_layout(path)
    if "file" not in columns:
        return [Issue("metadata_no_file_column")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    warnings: list[Issue] = []
    try:
        added = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        added = buffer.getvalue().encode(encoding, errors="replace")
        warnings.append(Issue("metadata_lossy", params={"encoding": encoding}))
    _write_atomic(path, kept + added, mode_from=path)
    return warnings


# ---------------------------------------------------------------- adding

def add_articles(folder: Path, items: list[NewArticle], *, data_dir: Path | None = None,
                 max_bytes: int = MAX_BYTES, run_pipeline: bool = True, lock_timeout: float = 60) -> AddReport:
    """Store new articles in ``folder``, record their metadata, and process them.

    Args:
        folder: the articles folder (created if missing).
        items: uploaded files and pasted texts.
        data_dir: where the pipeline writes (default ``config.data_dir()``).
        max_bytes: size limit per article (never above the reader's ``MAX_BYTES``).
        run_pipeline: run the incremental pipeline afterwards (only the new articles are processed).
        lock_timeout: seconds to wait for another upload to the same folder to finish.
    Returns:
        What was stored (and under which name), recognised as already present, rejected and why,
        warnings, and the ids of the meetings the new articles gave.
    """
    folder = Path(folder)
    report = AddReport()
    checked = [check_article(item, max_bytes) for item in items]
    report.rejected += [c.problem for c in checked if c.problem]
    candidates = [c for c in checked if not c.problem]
    if not candidates:
        return report
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with FileLock(str(folder / UPLOAD_LOCK), timeout=lock_timeout):
            _store(folder, candidates, report)
    except Timeout:
        report.rejected += [Issue("busy", c.name) for c in candidates]
        return report
    except OSError as exc:
        report.rejected += [Issue("write_failed", c.name, {"detail": exc.strerror or str(exc)})
                            for c in candidates if c.article_id not in {s.article_id for s in report.stored}]
    if run_pipeline and report.stored:
        _process(folder, Path(data_dir) if data_dir is not None else config.data_dir(), report)
    return report


def _store(folder: Path, candidates: list[_Checked], report: AddReport) -> None:
    """The part under the folder's lock: duplicates, names, files, metadata rows."""
    present = existing_articles(folder)
    taken = metadata_files(folder)
    rows: list[dict[str, str]] = []
    for checked in candidates:
        if checked.article_id in present:
            report.duplicates.append(Issue("duplicate", checked.name, {"existing": present[checked.article_id]}))
            continue
        target = None
        for attempt in range(100):
            name = stored_name(checked.item, checked.suffix, checked.article_id, attempt)
            candidate = _inside(folder, name)
            if candidate is not None and not candidate.exists() and name not in taken:
                target = candidate
                break
        if target is None:
            report.rejected.append(Issue("bad_name", checked.name))
            continue
        try:
            _write_atomic(target, checked.item.data)
        except OSError as exc:
            report.rejected.append(Issue("write_failed", checked.name, {"detail": exc.strerror or str(exc)}))
            continue
        present[checked.article_id] = target.name
        taken.add(target.name)
        report.stored.append(StoredArticle(checked.name, target.name, checked.article_id))
        report.warnings += checked.warnings
        row, row_warnings = metadata_row(checked.item, checked.name, target.name)
        report.warnings += row_warnings
        rows.append(row)
    try:
        report.warnings += append_metadata(folder, rows)
    except OSError as exc:
        report.warnings.append(Issue("metadata_failed", params={"detail": exc.strerror or str(exc)}))


def _process(folder: Path, data_dir: Path, report: AddReport) -> None:
    """Run the pipeline and collect the new articles' meetings and problems."""
    report.pipeline = pipeline.run(folder, data_dir, progress_stream=None)
    new_ids = {s.article_id for s in report.stored}
    meetings = store.read_table(data_dir / store.DB_NAME, "meetings")
    report.new_meeting_ids = sorted(meetings.loc[meetings["article_id"].isin(new_ids), "meeting_id"].tolist())
    names = {s.file: s.name for s in report.stored}
    for file, status, messages in report.pipeline.per_file:
        if file in names and status == "error":
            report.warnings.append(Issue("pipeline_error", names[file], {"detail": messages}))
    for stored in report.stored:
        if not meetings["article_id"].eq(stored.article_id).any():
            report.warnings.append(Issue("no_meeting", stored.name))


# ---------------------------------------------------------------- duplicate meetings

def _visitor_key(names: pd.Series) -> pd.Series:
    cleaned = names.fillna("").astype(str).map(normalize)
    return cleaned.str.replace(r"\s+", " ", regex=True).str.strip()


def _similarity(a: str, b: str, floor: float = 0.0) -> float:
    """SequenceMatcher ratio of two normalised names (1 when both are empty); 0 when surely below ``floor``."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:  # cheap upper bounds
        return 0.0
    return matcher.ratio()


def propose_merges(meetings: pd.DataFrame, max_days: int = 2, min_similarity: float = 0.8) -> pd.DataFrame:
    """Pairs of meetings that look like two reports of the same visit.

    Same partner (country ISO3, else organisation), dates at most ``max_days`` apart, from
    different articles, and visitor names alike (normalised, ``SequenceMatcher`` ratio at least
    ``min_similarity``, or both empty). Undated meetings are never paired.

    Returns:
        meeting_id (the earlier), other_meeting_id, partner, date, other_date, similarity (0-1),
        one row per pair, ordered by date.
    """
    empty = pd.DataFrame({c: pd.Series(dtype="float64" if c == "similarity" else "string") for c in MERGE_COLUMNS})
    if meetings.empty:
        return empty

    def text(column: str) -> pd.Series:
        values = meetings[column] if column in meetings else pd.Series("", index=meetings.index)
        return values.fillna("").astype(str).str.strip()

    iso3, org = text("partner_country_iso3"), analytics.organisation_keys(meetings).astype(str)
    base = pd.DataFrame({
        "meeting_id": text("meeting_id"), "article_id": text("article_id"), "partner": iso3.where(iso3 != "", org),
        "date": text("date"), "day": analytics.meeting_dates(meetings),
        "visitor": _visitor_key(meetings["visitor_name_ar"]) if "visitor_name_ar" in meetings else "",
    })
    base = base[(base["partner"] != "") & base["day"].notna()]
    if base.empty:
        return empty
    pairs = []
    for offset in range(max_days + 1):
        # the later report (right) is ``offset`` days after the earlier (left)
        left = base.assign(key=base["day"] + pd.Timedelta(days=offset))
        joined = left.merge(base, left_on=["partner", "key"], right_on=["partner", "day"], suffixes=("", "_o"))
        if offset == 0:
            joined = joined[joined["meeting_id"] < joined["meeting_id_o"]]
        pairs.append(joined[joined["article_id"] != joined["article_id_o"]])
    joined = pd.concat(pairs, ignore_index=True)
    if joined.empty:
        return empty
    # Names repeat across reports: score each distinct pair of names once.
    names = joined[["visitor", "visitor_o"]].drop_duplicates()
    names["similarity"] = [_similarity(a, b, min_similarity) for a, b in zip(names["visitor"], names["visitor_o"])]
    joined = joined.merge(names, on=["visitor", "visitor_o"], how="left")
    joined = joined[joined["similarity"] >= min_similarity]
    result = joined.rename(columns={"meeting_id_o": "other_meeting_id", "date_o": "other_date"})
    result = result[list(MERGE_COLUMNS)].sort_values(["date", "meeting_id", "other_meeting_id"], kind="stable")
    return result.astype({c: "string" for c in MERGE_COLUMNS if c != "similarity"}).reset_index(drop=True)


def merges_for_display(proposals: pd.DataFrame, meetings: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Proposed merges with partner and visitor names and translated headers."""
    by_id = meetings.set_index("meeting_id")
    names = analytics.partner_labels(meetings, lang, with_organisation=True).set_axis(meetings["meeting_id"])
    visitors = by_id["visitor_name_ar"].fillna("")
    shown = pd.DataFrame({
        t("col_partner", lang): proposals["meeting_id"].map(names),
        t("col_date", lang): proposals["date"],
        t("col_visitor", lang): proposals["meeting_id"].map(visitors),
        t("upload_col_other_date", lang): proposals["other_date"],
        t("upload_col_other_visitor", lang): proposals["other_meeting_id"].map(visitors),
        t("upload_col_similarity", lang): (proposals["similarity"] * 100).round().astype("Int64"),
        t("col_meeting_id", lang): proposals["meeting_id"],
        t("upload_col_other_meeting", lang): proposals["other_meeting_id"],
    })
    return shown.reset_index(drop=True)
