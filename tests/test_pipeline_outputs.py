"""The pipeline's writes: the same bytes as the pandas path, appends when articles are only added,
a full rewrite when one changes or goes, and a run stopped midway never leaves outputs trusted."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dashboard import store
from dashboard.preprocess import outputs, pipeline, schema
from dashboard.preprocess.pipeline import run

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NEW_ARTICLE = ("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
               "المغيدي، في مقر التحالف بالرياض يوم 3 مارس 2025، وزير الدفاع الباكستاني خواجة آصف، وبحث الجانبان "
               "تبادل المعلومات الاستخباراتية ومكافحة تمويل الإرهاب.\n")
OTHER_ARTICLE = ("التقى الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب، في 12 تشرين الثاني 2024، "
                 "رئيس هيئة الأركان المشتركة الأردني اللواء الركن يوسف الحنيطي، وبحثا مكافحة تمويل الإرهاب.")


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".csv", ".parquet")}


def _store(out: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(out / store.DB_NAME) as conn:
        return {t.name: sorted(conn.execute(f'SELECT * FROM "{t.name}"'), key=repr)
                for t in schema.STORED_TABLES}


def _same_rows(a: Path, b: Path) -> None:
    """Both folders hold the same rows in every file and in the store (order aside)."""
    for table in schema.TABLES:
        left = pd.read_parquet(a / f"{table.name}.parquet").sort_values(list(table.key)).reset_index(drop=True)
        pd.testing.assert_frame_equal(left, pd.read_parquet(b / f"{table.name}.parquet"))
        if table.csv:
            x, y = (folder / f"{table.name}.csv" for folder in (a, b))
            lines_x, lines_y = x.read_bytes().split(b"\n"), y.read_bytes().split(b"\n")
            assert lines_x[0] == lines_y[0] and sorted(lines_x[1:]) == sorted(lines_y[1:])
            assert x.read_bytes().count(b"\xef\xbb\xbf") == 1
    assert _store(a) == _store(b)


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def test_files_are_the_bytes_the_pandas_path_wrote(tmp_path):
    """CSV and Parquet as ``build_frames`` + ``DataFrame.to_parquet`` + Arrow's CSV writer made them."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    out = tmp_path / "data"
    run(SEEDS, out, progress_stream=None)
    files = pipeline.list_article_files(SEEDS)
    metadata, _ = pipeline.read_metadata(SEEDS, [p.name for p in files])
    results = [pipeline.process_article(p.read_bytes(), p.name, metadata.get(p.name, {})) for p in files]
    for name, frame in pipeline.build_frames(results).items():
        sink = io.BytesIO()
        frame.to_parquet(sink, index=False)
        assert (out / f"{name}.parquet").read_bytes() == sink.getvalue(), name
        if schema.TABLES_BY_NAME[name].csv:
            sink = io.BytesIO(b"\xef\xbb\xbf")
            sink.seek(3)
            pa_csv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), sink,
                             pa_csv.WriteOptions(quoting_style="needed"))
            assert (out / f"{name}.csv").read_bytes() == sink.getvalue(), name


@pytest.mark.parametrize("added", [False, True], ids=["nothing_new", "one_added"])
def test_a_run_does_not_import_pandas(tmp_path, articles, added):
    """pandas costs 0.2 s to import: the pipeline writes its tables and groups reports into events
    without it (a Python value given to Arrow, as in pa.array or pa.scalar, imports it too)."""
    run(articles, tmp_path / "data", progress_stream=None)
    if added:
        (articles / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code = ("import sys; from pathlib import Path; from dashboard.preprocess.pipeline import run; "
            f"r = run(Path({str(articles)!r}), Path({str(tmp_path / 'data')!r}), progress_stream=None); "
            "print(r.processed, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    assert done.stdout.strip() == f"{int(added)} False"


def test_results_are_cached_under_their_own_article_in_chunks(tmp_path, articles, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 2)  # five articles: three chunks
    first = tmp_path / "first"
    run(articles, first, progress_stream=None)
    with sqlite3.connect(first / pipeline.CACHE_FILE) as conn:
        payloads = [json.loads(p) for (p,) in conn.execute("SELECT payload FROM cache")]
    assert sorted(p["articles"][0][1] for p in payloads) == sorted(p.name for p in pipeline.list_article_files(articles))
    again = tmp_path / "again"  # the same cache, no outputs: every table is rebuilt from the cache
    again.mkdir()
    shutil.copy(first / pipeline.CACHE_FILE, again / pipeline.CACHE_FILE)
    report = run(articles, again, progress_stream=None)
    assert (report.processed, report.from_cache) == (0, 5)
    assert _files(again) == _files(first)


def test_an_added_article_is_appended(tmp_path, articles):
    out = tmp_path / "data"
    run(articles, out, progress_stream=None)
    before = _files(out)
    (articles / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    report = run(articles, out, progress_stream=None)
    assert (report.processed, report.from_cache, report.articles_read) == (1, 5, 6)
    after = _files(out)
    # The per-article tables grow at the end; the event tables describe the whole collection and
    # are rewritten (tests/test_pipeline_events.py checks a new report joins its event).
    event_files = {f"{t.name}.{ext}" for t in schema.EVENT_TABLES for ext in ("csv", "parquet")}
    for name, old in before.items():
        if name in event_files:
            continue
        if name.endswith(".csv"):
            assert after[name].startswith(old) and len(after[name]) > len(old), name  # rows added at the end
        else:
            assert after[name][:len(old) - 8 - int.from_bytes(old[-8:-4], "little")] == \
                old[:len(old) - 8 - int.from_bytes(old[-8:-4], "little")], name  # old row groups kept as they were
            assert pq.ParquetFile(out / name).num_row_groups == 2, name
    run(articles, tmp_path / "full", progress_stream=None)
    _same_rows(out, tmp_path / "full")
    assert "PAK" in store.read_table(out / store.DB_NAME, "meetings")["partner_country_iso3"].tolist()


def test_a_change_after_appends_rewrites_in_key_order(tmp_path, articles):
    out = tmp_path / "data"
    run(articles, out, progress_stream=None)
    (articles / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    run(articles, out, progress_stream=None)
    (articles / "006_other.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    run(articles, out, progress_stream=None)
    (articles / "001_4bab60ffd0ac1668.txt").unlink()  # removed: everything is rewritten
    report = run(articles, out, progress_stream=None)
    assert (report.processed, report.articles_read) == (0, 6)
    run(articles, tmp_path / "full", progress_stream=None)
    assert _files(out) == _files(tmp_path / "full")  # byte for byte, as a run from scratch
    assert _store(out) == _store(tmp_path / "full")


def test_parquet_files_past_their_row_group_limit_are_rewritten(tmp_path, articles, monkeypatch):
    monkeypatch.setattr(outputs, "MAX_ROW_GROUPS", 2)
    out = tmp_path / "data"
    run(articles, out, progress_stream=None)
    (articles / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    run(articles, out, progress_stream=None)
    assert pq.ParquetFile(out / "meetings.parquet").num_row_groups == 2
    (articles / "006_other.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    run(articles, out, progress_stream=None)
    assert pq.ParquetFile(out / "meetings.parquet").num_row_groups == 1
    run(articles, tmp_path / "full", progress_stream=None)
    assert _files(out) == _files(tmp_path / "full")


def test_a_run_stopped_while_appending_is_followed_by_a_full_rewrite(tmp_path, articles, monkeypatch):
    out = tmp_path / "data"
    run(articles, out, progress_stream=None)
    (articles / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    appended = []

    def fail_after_one(path, data):
        if appended:
            raise OSError("disk full")
        appended.append(path)
        return original(path, data)

    original = outputs.append_csv
    monkeypatch.setattr(outputs, "append_csv", fail_after_one)
    with pytest.raises(OSError):
        run(articles, out, progress_stream=None)
    monkeypatch.setattr(outputs, "append_csv", original)
    report = run(articles, out, progress_stream=None)  # the outputs are not trusted: all rebuilt
    assert (report.processed, report.from_cache) == (0, 6)
    run(articles, tmp_path / "full", progress_stream=None)
    assert _files(out) == _files(tmp_path / "full")
    assert _store(out) == _store(tmp_path / "full")


def test_parquet_footer_codec_round_trips(tmp_path):
    out = tmp_path / "data"
    run(SEEDS, out, progress_stream=None)
    for path in out.glob("*.parquet"):
        data = path.read_bytes()
        start, footer = outputs._split(data)
        assert outputs.encode_footer(footer) == data[start:-8]


def test_an_appended_parquet_file_reads_as_one_table(tmp_path):
    table = schema.EVIDENCE
    rows = [[f"{i:016x}-m1", "visitor_name_ar", "اسم", i, i + 3, None if i % 3 else "جملة"] for i in range(50)]
    old, new = outputs.to_arrow(table, rows[:40]), outputs.to_arrow(table, rows[40:])
    path = tmp_path / "evidence.parquet"
    outputs.write_parquet(old, path)
    path.write_bytes(outputs.parquet_with_rows(path.read_bytes(), new))
    read = pq.read_table(path)
    assert read.num_rows == 50 and read.to_pylist() == outputs.to_arrow(table, rows).to_pylist()
    assert pd.read_parquet(path)["start"].dtype == "Int64"  # the pandas metadata still holds
    with pytest.raises(outputs.ParquetAppendError):  # another schema cannot be appended
        outputs.parquet_with_rows(path.read_bytes(), outputs.to_arrow(schema.ARTICLES, []))


def test_values_of_another_type_are_conformed_as_pandas_would(tmp_path):
    table = schema.EVIDENCE
    rows = [["a-m1", "field", 5, 1, 2, None]]  # an int where text belongs
    assert not outputs.plain_rows(table, rows)
    assert outputs.conform_rows(table, rows) == [("a-m1", "field", "5", 1, 2, None)]
