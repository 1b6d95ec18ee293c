"""A corpus of broken and hostile inputs: the run completes, every problem is named in plain words,
the valid articles still give their meetings, and nothing from an article can run in the page."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import highlight, store
from dashboard.preprocess.gazetteer import load_gazetteer
from dashboard.preprocess.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SG = "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي"


def _hostile_corpus(folder: Path) -> None:
    """The seeds plus one file for each way an input can be wrong."""
    shutil.copytree(SEEDS, folder)
    rng = random.Random(42)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image_renamed.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "cp1256.txt").write_bytes(
        f"{SG}، اليوم، سفير دولة الكويت لدى المملكة في مقر التحالف بالرياض.".encode("windows-1256"))
    (folder / "utf16.txt").write_bytes(
        f"{SG}، اليوم، وزير الدفاع الأردني في مقر التحالف بالرياض.".encode("utf-16"))
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, over the 20 MB limit
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\0")
    (folder / "script.html").write_text(
        "<html><head><script>alert('x')</script></head><body><nav>القائمة الرئيسية</nav>"
        "<article><h1>زيارة وفد عماني</h1>"
        f"<p onclick=\"alert('y')\">{SG}، اليوم، وفداً من سلطنة عمان في مقر التحالف بالرياض.</p>"
        "<p>&lt;script&gt;alert('z')&lt;/script&gt; نص يحاول أن يبدو شفرة.</p></article></body></html>",
        encoding="utf-8")
    (folder / "english.txt").write_text(
        "The coalition's Secretary-General received a delegation from Canada today in Riyadh.", encoding="utf-8")
    (folder / "french.txt").write_text(
        "Le secrétaire général de la coalition a reçu aujourd'hui une délégation française à Riyad.",
        encoding="utf-8")
    (folder / "unrelated.txt").write_text(
        "ارتفعت أسعار النفط في الأسواق العالمية اليوم وسط توقعات بتراجع المخزونات الأمريكية.", encoding="utf-8")
    names = " و".join(c.name_ar for c in list(load_gazetteer().countries.values())[:200])
    (folder / "many_countries.txt").write_text(f"{SG} وفوداً من {names} في مقر التحالف بالرياض.",
                                               encoding="utf-8")
    metadata = (folder / "metadata.csv").read_text(encoding="utf-8").rstrip("\n").splitlines()
    metadata[0] = "file,published_date,outlet"  # source_url column missing
    metadata = [",".join(row.split(",")[:2] + row.split(",")[3:4]) if i else row for i, row in enumerate(metadata)]
    metadata += ["cp1256.txt,31 فبراير 2025,", "utf16.txt,2025-10-02,", "missing_file.txt,2025-01-01,"]
    (folder / "metadata.csv").write_text("\n".join(metadata) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, object]:
    base = tmp_path_factory.mktemp("hostile")
    articles, data = base / "articles", base / "data"
    _hostile_corpus(articles)
    report = run(articles, data, progress_stream=None)
    return articles, data, report


def _articles(data: Path) -> pd.DataFrame:
    return store.read_table(data / store.DB_NAME, "articles").set_index("file")


@pytest.mark.parametrize("file, status, words", [
    ("empty.txt", "error", "empty"),
    ("image_renamed.txt", "error", "binary"),
    ("huge.txt", "error", "limit"),
    ("english.txt", "warning", "not arabic"),
    ("french.txt", "warning", "not arabic"),
    ("unrelated.txt", "warning", "no meeting"),
    ("cp1256.txt", "warning", "not a valid date"),
], ids=["empty", "binary renamed .txt", "50 MB", "English", "French", "unrelated", "31 February"])
def test_each_problem_is_named_in_plain_words(hostile, file, status, words):
    _, data, _ = hostile
    row = _articles(data).loc[file]
    assert row["status"] == status
    assert words in row["messages"].lower()


def test_metadata_problems_are_reported_not_fatal(hostile):
    _, _, report = hostile
    general = " ".join(report.general)
    assert "source_url" in general
    assert "missing_file.txt" in general


def test_valid_articles_still_give_their_meetings(hostile):
    _, data, report = hostile
    meetings = store.read_table(data / store.DB_NAME, "meetings")
    articles = _articles(data).reset_index()
    by_file = meetings.merge(articles[["article_id", "file"]], on="article_id").set_index("file")
    assert by_file.loc["000_6aeaa9831898bf53.txt", "partner_country_iso3"] == "MDV"
    assert by_file.loc["cp1256.txt", "partner_country_iso3"] == "KWT"
    assert by_file.loc["utf16.txt", "partner_country_iso3"] == "JOR"
    assert by_file.loc["utf16.txt", "date"] == "2025-10-02"
    assert by_file.loc["script.html", "partner_country_iso3"] == "OMN"
    assert articles.set_index("file").loc["cp1256.txt", "encoding"] == "windows-1256"
    assert report.errors == 3 and report.usable >= 10


def test_many_countries_are_flagged_not_exploded(hostile):
    _, data, _ = hostile
    meetings = store.read_table(data / store.DB_NAME, "meetings")
    articles = _articles(data).reset_index()
    row = meetings.merge(articles[["article_id", "file"]], on="article_id").set_index("file").loc["many_countries.txt"]
    assert row["event_type"] == "multilateral"
    mentioned = store.read_table(data / store.DB_NAME, "mentioned_countries")
    assert (mentioned["article_id"] == row["article_id"]).sum() > 150


def test_script_in_an_article_is_text_not_code(hostile):
    _, data, _ = hostile
    texts = store.read_table(data / store.DB_NAME, "article_texts").set_index("article_id")["text"]
    article_id = _articles(data).loc["script.html", "article_id"]
    text = texts[article_id]
    assert "alert('x')" not in text  # the page's own <script> is dropped
    rendered = highlight.article_html(text, pd.DataFrame(columns=["start", "end", "field"]), {})
    assert "<script" not in rendered and "&lt;script&gt;" in rendered
    assert "onclick" not in rendered


def test_dashboard_pages_survive_the_hostile_corpus(hostile, monkeypatch):
    import streamlit as st

    articles, data, _ = hostile
    monkeypatch.setenv("IMCTC_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("IMCTC_DATA_DIR", str(data))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    for page in ("overview", "partner_map", "timeline", "topics", "articles", "data_tables"):
        if page != "overview":
            at.switch_page(f"dashboard/pages/{page}.py")
            at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
