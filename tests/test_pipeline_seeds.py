"""What the five seed articles must give: the values a policy officer would check by hand."""

from __future__ import annotations

import csv
import os
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import store
from dashboard.preprocess import schema
from dashboard.preprocess.__main__ import main as cli_main
from dashboard.preprocess.pipeline import run

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("data")
    report = run(SEEDS, output, progress_stream=None)
    assert report.errors == 0
    return output


@pytest.fixture(scope="module")
def meetings(built) -> pd.DataFrame:
    return store.read_table(built / store.DB_NAME, "meetings")


@pytest.fixture(scope="module")
def topics(built) -> pd.DataFrame:
    return store.read_table(built / store.DB_NAME, "meeting_topics")


@pytest.fixture(scope="module")
def by_file(built, meetings) -> dict[str, pd.Series]:
    articles = store.read_table(built / store.DB_NAME, "articles")
    merged = meetings.merge(articles[["article_id", "file"]], on="article_id")
    result = {}
    for prefix in ("000", "001", "002", "003", "004"):
        rows = merged[merged["file"].str.startswith(prefix)]
        assert len(rows) == 1, f"{prefix}: expected one meeting, got {len(rows)}"
        result[prefix] = rows.iloc[0]
    return result


def test_maldives_meeting(by_file):
    m = by_file["000"]
    assert m["partner_country_iso3"] == "MDV"
    assert m["visitor_name_ar"] == "إبراهيم حلمي"
    assert m["visitor_title_ar"] == "رئيس قوة الدفاع الوطني المالديفية"
    assert (m["date"], m["date_basis"], m["date_text"]) == ("2025-11-23", "relative", "اليوم")
    assert m["host_name_ar"] == "محمد بن سعيد المغيدي"
    assert m["event_type"] == "visit_received"
    assert "الرياض" in m["location_ar"]


def test_egypt_meeting_has_no_date(by_file):
    m = by_file["001"]
    assert m["partner_country_iso3"] == "EGY"
    assert m["visitor_name_ar"] == "إيهاب أحمد أبو سريع"
    assert m["visitor_title_ar"].startswith("سفير جمهورية مصر العربية")
    assert pd.isna(m["date"]) or m["date"] == ""
    assert m["date_basis"] == "unknown"
    assert m["needs_review"]
    assert "unknown_date" in m["review_reasons"]


def test_un_office_meeting(by_file, topics):
    m = by_file["002"]
    assert pd.isna(m["partner_country_iso3"]) or m["partner_country_iso3"] == ""
    assert m["partner_org_en"] == "UN Office of Counter-Terrorism"
    assert m["visitor_name_ar"] == "ألكسندر زويف"
    assert "وكيل الأمين العام للأمم المتحدة لمكافحة الإرهاب" in m["visitor_title_ar"]
    # February 2025 dates an earlier agreement, not this visit.
    assert m["date_basis"] == "unknown"
    raised = set(topics.loc[(topics["meeting_id"] == m["meeting_id"]) & topics["in_account"], "topic_id"])
    assert {"hate_speech_moderation", "partnership_mou"} <= raised


def test_malaysia_meeting(by_file):
    m = by_file["003"]
    assert m["partner_country_iso3"] == "MYS"
    assert m["partner_org_ar"] == "وزارة الدفاع الماليزية"
    assert "Ministry of Defence" in m["partner_org_en"]
    assert m["visitor_name_ar"] == "محمد ياني بن داود"
    assert (m["date"], m["date_basis"]) == ("2025-09-16", "published")


def test_nato_delegation(by_file, topics):
    m = by_file["004"]
    assert m["partner_country_iso3"] == "DNK"
    assert m["partner_org_en"] == "NATO Parliamentary Assembly"
    assert (m["date"], m["date_basis"], m["date_text"]) == ("2025-11-25", "explicit", "25 نوفمبر 2025")
    assert "cyber" in set(topics.loc[topics["meeting_id"] == m["meeting_id"], "topic_id"])


def test_context_countries_are_not_partners(built, by_file):
    mentioned = store.read_table(built / store.DB_NAME, "mentioned_countries")
    egypt_article = mentioned[mentioned["article_id"] == by_file["001"]["article_id"]]
    roles = dict(zip(egypt_article["iso3"], egypt_article["role"]))
    assert roles["YEM"] == roles["LBY"] == roles["SYR"] == "context"
    assert roles["EGY"] == "partner"
    assert roles["SAU"] == "host"
    assert set(mentioned["iso3"]).isdisjoint({"MLI", "IND"})  # "المالية" is not Mali, "المحيط الهندي" not India


def test_background_topics_do_not_count_as_raised(by_file, topics):
    # 000: root causes are only in an experts' paragraph, not in the account of the meeting.
    rows = topics[(topics["meeting_id"] == by_file["000"]["meeting_id"]) & (topics["topic_id"] == "root_causes")]
    assert rows["in_account"].tolist() == [False]
    raised = set(topics.loc[(topics["meeting_id"] == by_file["000"]["meeting_id"]) & topics["in_account"], "topic_id"])
    assert {"maritime_security", "organized_crime", "intelligence_sharing", "training_capacity"} <= raised


def test_every_value_has_evidence_pointing_at_its_text(built, by_file):
    evidence = store.read_table(built / store.DB_NAME, "evidence")
    texts = store.read_table(built / store.DB_NAME, "article_texts").set_index("article_id")["text"]
    m = by_file["000"]
    rows = evidence[evidence["meeting_id"] == m["meeting_id"]].set_index("field")
    for field in ("partner_country_iso3", "visitor_name_ar", "date", "host_name_ar", "location_ar"):
        row = rows.loc[field]
        text = texts[m["article_id"]]
        assert text[row["start"]:row["end"]] == row["value"]
        assert row["value"] in row["sentence"]
    assert rows.loc["visitor_name_ar", "value"] == "إبراهيم حلمي"


def test_outputs_follow_the_contract(built):
    for table in schema.TABLES:
        parquet = pd.read_parquet(built / f"{table.name}.parquet")
        assert list(parquet.columns) == table.column_names
        if table.csv:
            raw = (built / f"{table.name}.csv").read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf"), "CSV needs a BOM so that Excel reads Arabic"
            header = next(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
            assert header == table.column_names
            assert len(pd.read_csv(built / f"{table.name}.csv", encoding="utf-8-sig")) == len(parquet)


def test_rerun_is_byte_identical_and_incremental(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    out = tmp_path / "data"
    first = run(articles, out, progress_stream=None)
    assert first.processed == 5
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    second = run(articles, out, progress_stream=None)
    assert (second.processed, second.from_cache) == (0, 5)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    (articles / "005_new.txt").write_text(
        "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي، "
        "في مقر التحالف بالرياض يوم 3 مارس 2025، وزير الدفاع الباكستاني خواجة آصف.\n", encoding="utf-8")
    third = run(articles, out, progress_stream=None)
    assert (third.processed, third.from_cache) == (1, 5)
    assert "PAK" in store.read_table(out / store.DB_NAME, "meetings")["partner_country_iso3"].tolist()


def test_cli_exit_codes(tmp_path, capsys):
    assert cli_main(["--input", str(SEEDS), "--output", str(tmp_path / "ok")]) == 0
    assert "meetings found: 5" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_bytes(b"")
    assert cli_main(["--input", str(empty), "--output", str(tmp_path / "bad")]) == 1


def test_incremental_outputs_equal_a_full_rebuild(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    incremental = tmp_path / "incremental"
    run(articles, incremental, progress_stream=None)
    (articles / "001_4bab60ffd0ac1668.txt").unlink()  # removed
    text = (articles / "003_2e97a5bcafb88184.txt").read_text(encoding="utf-8")
    (articles / "003_2e97a5bcafb88184.txt").write_text(text + "\nسطر مضاف.", encoding="utf-8")  # changed
    (articles / "005_new.txt").write_text(  # added
        "التقى الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب، في 12 تشرين الثاني 2024، "
        "رئيس هيئة الأركان المشتركة الأردني اللواء الركن يوسف الحنيطي.", encoding="utf-8")
    again = run(articles, incremental, progress_stream=None)
    assert (again.processed, again.from_cache) == (2, 3)
    full = run(articles, tmp_path / "full", progress_stream=None)  # a fresh folder: everything from scratch
    assert full.processed == 5
    for table in schema.TABLES:
        if table.csv:
            assert (incremental / f"{table.name}.csv").read_bytes() == (tmp_path / "full" / f"{table.name}.csv").read_bytes()
        if table.stored:
            stored = store.read_table(incremental / store.DB_NAME, table.name)
            assert len(stored) == len(pd.read_parquet(tmp_path / "full" / f"{table.name}.parquet"))


def _reads_of(folder: Path, monkeypatch) -> list[str]:
    """Names of the article files in ``folder`` the pipeline reads from now on (metadata.csv aside)."""
    reads: list[str] = []
    original = Path.read_bytes

    def counting(path: Path) -> bytes:
        if path.parent == folder and path.name != "metadata.csv":
            reads.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return reads


def _age(folder: Path, seconds: float = 3600) -> None:
    for path in folder.iterdir():
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


def test_a_rerun_reads_only_files_whose_size_or_time_changed(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    _age(articles)  # settled files: an hour old
    out = tmp_path / "data"
    run(articles, out, progress_stream=None)
    reads = _reads_of(articles, monkeypatch)
    again = run(articles, out, progress_stream=None)
    assert reads == [] and (again.processed, again.from_cache) == (0, 5)
    target = articles / "003_2e97a5bcafb88184.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("ماليزيا", "باكستان", 1), encoding="utf-8")  # a new time, maybe a new size
    changed = run(articles, out, progress_stream=None)
    assert reads == [target.name] and changed.processed == 1


def test_a_file_rewritten_at_the_same_size_and_time_right_after_a_run_is_still_read(tmp_path):
    """Timestamps are coarse: size and time stand for content only once a file has settled."""
    articles = tmp_path / "articles"
    articles.mkdir()
    target = articles / "visit.txt"
    sentence = "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب في الرياض يوم 3 مارس 2025 وزير الدفاع {}."
    target.write_text(sentence.format("التركي"), encoding="utf-8")
    out = tmp_path / "data"
    run(articles, out, progress_stream=None)
    stat = target.stat()
    target.write_text(sentence.format("المصري"), encoding="utf-8")  # same number of bytes
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    assert target.stat().st_size == stat.st_size
    run(articles, out, progress_stream=None)
    assert store.read_table(out / store.DB_NAME, "meetings")["partner_country_iso3"].tolist() == ["EGY"]
