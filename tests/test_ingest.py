"""Adding articles (dashboard.ingest): safe names, accepted content, duplicates, metadata.csv kept intact,
the pipeline run on what was added, and proposed merges of two reports of the same visit.

Every test works on a copy of the seeds in a temporary folder; nothing is written into the repository.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest

from dashboard import ingest, store
from dashboard.ingest import NewArticle
from dashboard.preprocess import pipeline

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

INDONESIA = ("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
             "المغيدي، في مقر التحالف بالرياض اليوم، سفير جمهورية إندونيسيا لدى المملكة عبد العزيز أحمد.")
# Another outlet's report of the same visit, published the next day.
INDONESIA_NEXT_DAY = ("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن "
                      "سعيد المغيدي، أمس، في مقر التحالف بالرياض، سفير جمهورية إندونيسيا لدى المملكة عبدالعزيز "
                      "أحمد، وبحث الجانبان سبل التعاون في مكافحة تمويل الإرهاب.")
STORED_NAME = re.compile(r"^(upload_([A-Za-z0-9_-]+_)?|pasted_)[0-9a-f]{12}(-\d+)?\.(txt|md|html|htm)$")


@pytest.fixture
def folder(tmp_path) -> Path:
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    return articles


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


def _article(n: int) -> bytes:
    """A distinct small Arabic article."""
    return f"{INDONESIA}\nفقرة رقم {n}.\n".encode()


def _tree(path: Path) -> set[str]:
    return {str(p.relative_to(path)) for p in path.rglob("*")}


# ---------------------------------------------------------------- names

HOSTILE_NAMES = {
    "../../etc/passwd": "no_suffix",
    "/etc/passwd": "no_suffix",
    "..\\..\\x.txt": "upload_x_",
    "C:\\Users\\staff\\Desktop\\report.MD": "upload_report_",
    "a\x00b.txt": "upload_ab_",
    "x.txt\x00.exe": "bad_type",
    "a" * 300 + ".txt": "upload_" + "a" * 40 + "_",
    "../" * 50 + "deep.txt": "upload_deep_",
    "x.exe": "bad_type",
    "noext": "no_suffix",
    "": "no_suffix",
    "..": "no_suffix",
    ".txt": "upload_",
    "خبر عاجل.txt": "upload_",
    "report.txt.": "upload_report_",
    "con.txt": "upload_con_",
}


@pytest.mark.parametrize("name", list(HOSTILE_NAMES), ids=lambda n: repr(n)[:40])
def test_a_hostile_name_never_leaves_the_folder(tmp_path, folder, name):
    outside_before = _tree(tmp_path) - {f"articles/{p}" for p in _tree(folder)}
    report = ingest.add_articles(folder, [NewArticle(name, _article(1))], run_pipeline=False)
    expected = HOSTILE_NAMES[name]
    outside_after = _tree(tmp_path) - {f"articles/{p}" for p in _tree(folder)}
    assert outside_after == outside_before
    if expected.startswith("upload_"):
        assert [i.code for i in report.rejected] == []
        (stored,) = report.stored
        assert stored.file.startswith(expected) and STORED_NAME.match(stored.file), stored.file
        assert (folder / stored.file).resolve().parent == folder.resolve()
        assert (folder / stored.file).read_bytes() == _article(1)
    else:
        assert report.stored == []
        assert [i.code for i in report.rejected] == [expected]
        message = report.rejected[0].message
        assert "\x00" not in message and (".txt, .md, .html, .htm" in message)
        assert "\x00" not in report.rejected[0].text("ar")


def test_arabic_and_long_names_are_named_by_content(folder):
    report = ingest.add_articles(folder, [NewArticle("بيان التحالف.txt", _article(1)),
                                          NewArticle("x" * 300 + ".html", _article(2))], run_pipeline=False)
    arabic, long = (s.file for s in report.stored)
    assert re.fullmatch(r"upload_[0-9a-f]{12}\.txt", arabic)
    assert len(long) <= len("upload_") + 40 + 1 + 12 + len(".html")
    assert report.stored[0].name == "بيان التحالف.txt"  # the original name is still shown to the user


def test_pasted_text_is_stored_as_utf8_txt(folder):
    report = ingest.add_articles(folder, [ingest.pasted_article("\r\n  " + INDONESIA + "  \r\n")],
                                 run_pipeline=False)
    (stored,) = report.stored
    assert re.fullmatch(r"pasted_[0-9a-f]{12}\.txt", stored.file)
    assert (folder / stored.file).read_text(encoding="utf-8") == INDONESIA + "\n"
    assert not list(folder.glob("*.part")) and not list(folder.glob(".upload-*"))


# ---------------------------------------------------------------- content

def test_oversize_file_is_rejected_with_a_plain_message(folder):
    report = ingest.add_articles(folder, [NewArticle("big.txt", b"x" * (25 * 1024 * 1024))], run_pipeline=False)
    assert [i.message for i in report.rejected] == ["big.txt is 25 MB; the limit is 20 MB"]
    assert "ميغابايت" in report.rejected[0].text("ar")


def test_the_size_limit_is_a_parameter(folder):
    report = ingest.add_articles(folder, [NewArticle("a.txt", _article(1))], max_bytes=100, run_pipeline=False)
    assert [i.code for i in report.rejected] == ["too_big"]
    assert report.rejected[0].message.endswith("the limit is 100 bytes")


@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"  \n\t\r\n", "empty"),
    ("\ufeff\n".encode(), "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 300, "binary"),
])
def test_empty_and_binary_files_are_rejected(folder, data, code):
    before = sorted(p.name for p in folder.iterdir())
    report = ingest.add_articles(folder, [NewArticle("article.txt", data)], run_pipeline=False)
    assert [i.code for i in report.rejected] == [code]
    assert sorted(p.name for p in folder.iterdir() if p.name != ingest.UPLOAD_LOCK) == before


def test_html_without_article_text_is_rejected(folder):
    page = b"<html><head><script>alert(1)</script></head><body><nav>menu</nav></body></html>"
    report = ingest.add_articles(folder, [NewArticle("page.html", page)], run_pipeline=False)
    assert [i.code for i in report.rejected] == ["no_text"]


# ---------------------------------------------------------------- duplicates

def test_same_content_twice_in_one_batch_is_stored_once(folder):
    report = ingest.add_articles(folder, [NewArticle("one.txt", _article(1)), NewArticle("two.md", _article(1)),
                                          ingest.pasted_article(_article(1).decode())], run_pipeline=False)
    assert [s.name for s in report.stored] == ["one.txt"]
    assert [i.message for i in report.duplicates] == [
        f"two.md is already in the collection as {report.stored[0].file}",
        f"pasted text is already in the collection as {report.stored[0].file}",
    ]


def test_content_already_in_the_folder_is_recognised_under_any_name(folder):
    seed = folder / "003_2e97a5bcafb88184.txt"
    metadata_before = (folder / "metadata.csv").read_bytes()
    report = ingest.add_articles(folder, [NewArticle("renamed copy.txt", seed.read_bytes())], run_pipeline=False)
    assert report.stored == []
    assert report.duplicates[0].message == f"renamed copy.txt is already in the collection as {seed.name}"
    assert (folder / "metadata.csv").read_bytes() == metadata_before


def test_a_second_upload_of_the_same_file_is_a_duplicate(folder):
    first = ingest.add_articles(folder, [NewArticle("a.txt", _article(7))], run_pipeline=False)
    second = ingest.add_articles(folder, [NewArticle("b.txt", _article(7))], run_pipeline=False)
    assert second.stored == [] and second.duplicates[0].params["existing"] == first.stored[0].file


# ---------------------------------------------------------------- metadata.csv

def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_existing_metadata_is_kept_byte_for_byte(folder):
    old = ("\ufefffile,published_date,source_url,outlet,notes,reviewer\r\n"
           "000_6aeaa9831898bf53.txt,2025-11-23,,سبق,\"ملاحظة بالعربية، مع فاصلة\r\nوسطر ثانٍ\",نورة\r\n"
           "001_4bab60ffd0ac1668.txt,,,,,").encode("utf-8")  # no final line break
    (folder / "metadata.csv").write_bytes(old)
    report = ingest.add_articles(folder, [NewArticle("new.txt", _article(1), "2025-10-05", "https://spa.gov.sa/x",
                                                     "واس")], run_pipeline=False)
    new = (folder / "metadata.csv").read_bytes()
    assert new.startswith(old)
    assert new[len(old):].decode("utf-8") == (
        f"\r\n{report.stored[0].file},2025-10-05,https://spa.gov.sa/x,واس,uploaded as: new.txt,\r\n")
    rows = _rows(folder / "metadata.csv")
    assert [r["reviewer"] for r in rows] == ["نورة", "", ""]
    assert rows[0]["notes"] == "ملاحظة بالعربية، مع فاصلة\r\nوسطر ثانٍ"


def test_seed_metadata_with_its_own_columns_is_kept(folder):
    old = (folder / "metadata.csv").read_bytes()
    report = ingest.add_articles(folder, [NewArticle("new.txt", _article(1))], run_pipeline=False)
    new = (folder / "metadata.csv").read_bytes()
    assert new.startswith(old)
    assert new[len(old):] == f"{report.stored[0].file},,,,\n".encode()  # seeds have date_note, not notes


def test_metadata_is_created_when_missing(folder):
    (folder / "metadata.csv").unlink()
    report = ingest.add_articles(folder, [ingest.pasted_article(INDONESIA, "5/10/2025", "", " وكالة  الأنباء ")],
                                 run_pipeline=False)
    text = (folder / "metadata.csv").read_text(encoding="utf-8")
    assert text == (f"file,published_date,source_url,outlet,notes\n"
                    f"{report.stored[0].file},2025-10-05,,وكالة الأنباء,pasted text\n")


def test_metadata_without_a_file_column_is_left_alone_with_a_warning(folder):
    (folder / "metadata.csv").write_text("name,date\nx.txt,2025-01-01\n", encoding="utf-8")
    report = ingest.add_articles(folder, [NewArticle("new.txt", _article(1))], run_pipeline=False)
    assert report.stored and [w.code for w in report.warnings] == ["metadata_no_file_column"]
    assert (folder / "metadata.csv").read_text(encoding="utf-8") == "name,date\nx.txt,2025-01-01\n"


@pytest.mark.parametrize("date", ["2025-13-45", "31/02/2025", "yesterday", "٢٠٢٥-١٠-٣٢"])
def test_bad_date_is_stored_empty_with_a_warning(folder, date):
    report = ingest.add_articles(folder, [NewArticle("new.txt", _article(1), published_date=date,
                                                     source_url="javascript:alert(1)")], run_pipeline=False)
    assert report.stored
    assert {w.code for w in report.warnings} == {"bad_date", "bad_url"}
    assert date in next(w.message for w in report.warnings if w.code == "bad_date")
    row = _rows(folder / "metadata.csv")[-1]
    assert (row["file"], row["published_date"], row["source_url"]) == (report.stored[0].file, "", "")


def test_concurrent_uploads_do_not_lose_metadata_rows(folder):
    def upload(start: int) -> None:
        for n in range(start, start + 6):
            ingest.add_articles(folder, [NewArticle(f"a{n}.txt", _article(n), "2025-10-05")], run_pipeline=False)

    threads = [threading.Thread(target=upload, args=(start,)) for start in (0, 100, 200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = _rows(folder / "metadata.csv")
    uploaded = [r["file"] for r in rows if r["file"].startswith("upload_")]
    assert len(uploaded) == len(set(uploaded)) == 18
    assert all((folder / name).exists() for name in uploaded)
    assert len(rows) == 5 + 18


# ---------------------------------------------------------------- pipeline and meetings

def test_a_new_arabic_article_gives_a_meeting_after_the_pipeline(folder, data_dir):
    pipeline.run(folder, data_dir, progress_stream=None)
    report = ingest.add_articles(folder, [NewArticle("indonesia.txt", INDONESIA.encode(), "2025-10-05")],
                                 data_dir=data_dir)
    assert report.pipeline.processed == 1 and report.pipeline.from_cache == 5  # only the new article
    (meeting_id,) = report.new_meeting_ids
    meetings = store.read_table(data_dir / store.DB_NAME, "meetings").set_index("meeting_id")
    meeting = meetings.loc[meeting_id]
    assert (meeting["partner_country_iso3"], meeting["date"]) == ("IDN", "2025-10-05")
    assert meeting["visitor_name_ar"] == "عبد العزيز أحمد"
    assert len(meetings) == 6


def test_two_outlets_reporting_the_same_visit_are_proposed_for_merging(folder, data_dir):
    report = ingest.add_articles(folder, [
        NewArticle("spa.txt", INDONESIA.encode(), "2025-10-05", outlet="واس"),
        NewArticle("okaz.html", f"<html><body><article><p>{INDONESIA_NEXT_DAY}</p></article></body></html>".encode(),
                   "2025-10-06", outlet="عكاظ"),
    ], data_dir=data_dir)
    assert len(report.new_meeting_ids) == 2
    meetings = store.read_table(data_dir / store.DB_NAME, "meetings")
    proposals = ingest.propose_merges(meetings)
    assert list(proposals.columns) == list(ingest.MERGE_COLUMNS)
    (pair,) = proposals.itertuples()
    assert {pair.meeting_id, pair.other_meeting_id} == set(report.new_meeting_ids)
    assert (pair.partner, pair.date, pair.other_date) == ("IDN", "2025-10-05", "2025-10-05")
    assert pair.similarity >= 0.8
    shown = ingest.merges_for_display(proposals, meetings, "ar")
    assert shown.iloc[0, 0] == "إندونيسيا"


def _meeting(meeting_id, article_id, date, iso3="IDN", org="", visitor="عبد العزيز أحمد"):
    return {"meeting_id": meeting_id, "article_id": article_id, "date": date, "partner_country_iso3": iso3,
            "partner_org_en": org, "partner_org_ar": "", "visitor_name_ar": visitor}


def test_propose_merges_rules():
    meetings = pd.DataFrame([
        _meeting("a-m1", "a", "2025-10-05"),
        _meeting("b-m1", "b", "2025-10-07", visitor="عبدالعزيز احمد"),  # 2 days, same name after normalising
        _meeting("c-m1", "c", "2025-10-08"),  # 3 days after a: only paired with b
        _meeting("d-m1", "d", "2025-10-05", iso3="MYS"),  # another partner
        _meeting("a-m2", "a", "2025-10-05"),  # the same article: not a second report
        _meeting("e-m1", "e", "2025-10-05", visitor="خالد بن سلمان"),  # another visitor
        _meeting("f-m1", "f", "", visitor="عبد العزيز أحمد"),  # undated: never paired
        _meeting("g-m1", "g", "2025-03-01", iso3="", org="UNOCT", visitor=""),
        _meeting("h-m1", "h", "2025-03-02", iso3="", org="UNOCT", visitor=""),  # both names empty
        _meeting("i-m1", "i", "2025-03-02", iso3="", org="UNOCT", visitor="فلان"),  # one name empty
    ]).astype("string")
    proposals = ingest.propose_merges(meetings)
    pairs = set(zip(proposals["meeting_id"], proposals["other_meeting_id"]))
    assert pairs == {("g-m1", "h-m1"), ("a-m1", "b-m1"), ("a-m2", "b-m1"), ("b-m1", "c-m1")}
    assert proposals["similarity"].between(0.8, 1).all()
    assert proposals.loc[proposals["meeting_id"] == "g-m1", "partner"].item() == "UNOCT"
    assert ingest.propose_merges(meetings.iloc[0:0]).columns.tolist() == list(ingest.MERGE_COLUMNS)
