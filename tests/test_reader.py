"""Tests for dashboard.preprocess.reader: encodings, bad files, HTML, furniture, seeds."""

from __future__ import annotations

import codecs
import pathlib
import random
from pathlib import Path

import pytest

from dashboard.preprocess import reader
from dashboard.preprocess.reader import (
    ReadArticle,
    UnreadableError,
    decode_bytes,
    read_article,
    read_article_bytes,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PARA_1 = "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب وفداً من وزارة الدفاع."
PARA_2 = "وناقش الجانبان سبل تعزيز التعاون في مجال محاربة الإرهاب والتطرف."
ARTICLE = f"{PARA_1}\n\n{PARA_2}\n"
EXPECTED_BODY = f"{PARA_1}\n\n{PARA_2}"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- encodings -------------------------------------------------------------

NO_SPACES = "".join(ARTICLE.split())  # UTF-16 with no ASCII at all has no NUL bytes


@pytest.mark.parametrize(
    ("raw", "expected_text", "expected_encoding", "message_part"),
    [
        (ARTICLE.encode("utf-8"), EXPECTED_BODY, "utf-8", None),
        (ARTICLE.encode("utf-8-sig"), EXPECTED_BODY, "utf-8-sig", "byte-order mark"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), EXPECTED_BODY, "utf-16", "byte-order mark"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), EXPECTED_BODY, "utf-16", "byte-order mark"),
        (ARTICLE.encode("utf-16-le"), EXPECTED_BODY, "utf-16-le", "no byte-order mark"),
        (ARTICLE.encode("utf-16-be"), EXPECTED_BODY, "utf-16-be", "no byte-order mark"),
        (NO_SPACES.encode("utf-16-le"), NO_SPACES, "utf-16-le", "no byte-order mark"),
        (ARTICLE.encode("cp1256"), EXPECTED_BODY, "windows-1256",
         "encoding detected as windows-1256 (confidence 1.00)"),
        (ARTICLE.encode("iso8859_6"), EXPECTED_BODY, "iso-8859-6", "encoding detected as iso-8859-6"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be",
         "utf16le-no-nuls", "cp1256", "iso8859-6"],
)
def test_encodings_give_identical_text(tmp_path, raw, expected_text, expected_encoding, message_part):
    result = read_article(_write(tmp_path, "a.txt", raw))
    assert result.text == expected_text
    assert result.encoding == expected_encoding
    assert result.status == "ok"
    if message_part is None:
        assert result.messages == []  # plain UTF-8 is not worth a message
    else:
        assert len(result.messages) == 1 and message_part in result.messages[0]


def test_decode_bytes_returns_triple():
    assert decode_bytes(ARTICLE.encode("utf-8")) == (ARTICLE, "utf-8", [])
    assert decode_bytes(b"") == ("", "", [])
    text, encoding, messages = decode_bytes(ARTICLE.encode("cp1256"))
    assert (text, encoding) == (ARTICLE, "windows-1256")
    assert messages == ["encoding detected as windows-1256 (confidence 1.00)"]


def test_non_arabic_codepage_falls_back_to_charset_normalizer():
    russian = "Привет, как дела? Это простой текст на русском языке для проверки кодировки."
    text, encoding, messages = decode_bytes(russian.encode("cp1251"))
    assert (text, encoding) == (russian, "windows-1251")
    assert messages == ["encoding detected as windows-1251 by charset-normalizer (confidence 1.00)"]


# --- bad files ---------------------------------------------------------------

def _png_like() -> bytes:
    rng = random.Random(42)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4096)


def _binary_without_nuls() -> bytes:
    rng = random.Random(42)
    return bytes(b or 1 for b in rng.randbytes(4096))


@pytest.mark.parametrize(
    ("raw", "message", "encoding"),
    [
        (b"", "file is empty", ""),
        (b"  \n\r\n\t ", "file is empty", ""),
        (codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"), "file is empty", "utf-16"),
        (codecs.BOM_UTF8 + b"\n\n", "file is empty", "utf-8-sig"),
        (_png_like(), "binary file, not text", ""),
        (_binary_without_nuls(), "binary file, not text", ""),
        (b"hello\x00world " * 20, "binary file, not text", ""),
    ],
    ids=["empty", "whitespace", "utf16-whitespace", "bom-only", "png", "binary-no-nul", "nul-text"],
)
def test_bad_files_are_errors(tmp_path, raw, message, encoding):
    result = read_article(_write(tmp_path, "bad.txt", raw))
    assert result == ReadArticle("", "", "", encoding, "error", [message])


def test_decode_bytes_raises_for_binary():
    with pytest.raises(UnreadableError, match="binary file, not text"):
        decode_bytes(_png_like())
    assert issubclass(UnreadableError, ValueError)


def test_only_furniture_is_an_error(tmp_path):
    result = read_article(_write(tmp_path, "f.txt", "شاركها.\n\nزر الذهاب إلى الأعلى\n".encode()))
    assert result.status == "error"
    assert result.messages == ["no article text found"]


def test_english_article_is_a_warning(tmp_path):
    english = ("The Secretary-General of the Islamic Military Counter Terrorism Coalition "
               "received a delegation from the Ministry of Defence.\n\nThey discussed cooperation.")
    result = read_article(_write(tmp_path, "en.txt", english.encode()))
    assert result.status == "warning"
    assert result.messages == ["not Arabic: only 0% Arabic letters"]
    assert result.text.startswith("The Secretary-General")


def test_mostly_english_with_some_arabic(tmp_path):
    text = "Meeting report from Riyadh about cooperation and training programmes.\n\nالتحالف الإسلامي"
    result = read_article(_write(tmp_path, "mix.txt", text.encode()))
    assert result.status == "warning"
    # 15 Arabic letters out of 75 letters in all
    assert result.messages == ["not Arabic: only 20% Arabic letters"]


def test_oversized_file_is_skipped_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 100)
    path = _write(tmp_path, "big.txt", ("أ" * 300).encode())

    def no_open(*args, **kwargs):
        raise AssertionError("oversized file must not be opened")

    monkeypatch.setattr(pathlib.Path, "open", no_open)
    result = read_article(path)
    assert result == ReadArticle("", "", "", "", "error",
                                 ["file is 600 bytes, over the 100 bytes limit: skipped"])


def test_oversized_bytes_are_skipped(monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 20 * 1024 * 1024)
    result = read_article_bytes(b"x" * (52 * 1024 * 1024), ".txt")
    assert result.status == "error"
    assert result.messages == ["file is 52 MB, over the 20 MB limit: skipped"]


@pytest.mark.parametrize("name", ["report.pdf", "noext", "page.docx"])
def test_unsupported_suffix(tmp_path, name):
    result = read_article(_write(tmp_path, name, ARTICLE.encode()))
    assert result.status == "error"
    assert result.messages[0].startswith("unsupported file type")


def test_missing_file(tmp_path):
    result = read_article(tmp_path / "missing.txt")
    assert result.status == "error"
    assert result.messages[0].startswith("could not read file")


def test_suffix_is_case_insensitive():
    assert read_article_bytes(ARTICLE.encode(), "TXT").text == EXPECTED_BODY
    assert read_article_bytes(ARTICLE.encode(), ".Txt").text == EXPECTED_BODY


# --- HTML --------------------------------------------------------------------

HTML_PAGE = f"""<!doctype html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>الموقع | الخبر</title>
<meta property="og:title" content="عنوان من og">
<script>alert(1)</script><style>p {{ color: red }}</style>
</head>
<body onload="alert(2)">
<header class="site-header"><h1>اسم الموقع</h1></header>
<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li>محليات</li></ul></nav>
<div class="share-buttons"><a onclick="share()">شاركها</a><button onclick="alert(3)">تويتر</button></div>
<article>
  <h1 onclick="alert(4)">الأمين العام يستقبل وفداً</h1>
  <p onmouseover="alert(5)">{PARA_1}</p>
  <div class="social-links">فيسبوك واتساب</div>
  <p>وناقش الجانبان سبل تعزيز التعاون
     في مجال محاربة الإرهاب والتطرف.</p>
  <!-- comment with alert(6) -->
  <div class="related-posts"><p>خبر آخر لا علاقة له</p></div>
  <noscript>فعّل جافاسكربت</noscript>
</article>
<aside class="sidebar"><p>الأكثر قراءة في الموقع اليوم</p></aside>
<footer>جميع الحقوق محفوظة</footer>
<script>document.write("alert(7)")</script>
</body></html>"""


def test_html_keeps_only_article_paragraphs():
    result = read_article_bytes(HTML_PAGE.encode("utf-8"), ".html")
    assert result.text == EXPECTED_BODY
    assert result.title == "الأمين العام يستقبل وفداً"
    assert result.status == "ok" and result.encoding == "utf-8"
    assert "alert" not in result.text and "onclick" not in result.text


@pytest.mark.parametrize(
    ("html", "title", "text"),
    [
        # No <article>: the container with most Arabic <p> text wins; og:title when no <h1>.
        ("<html><head><meta property='og:title' content='عنوان og'><title>t</title></head><body>"
         "<div class='menu'><p>قائمة</p></div><div class='entry-content'><p>فقرة أولى طويلة نسبياً</p>"
         "<p>فقرة ثانية<br>سطر بعد فاصل</p><ul><li>بند أول</li></ul></div></body></html>",
         "عنوان og", "فقرة أولى طويلة نسبياً\n\nفقرة ثانية\n\nسطر بعد فاصل\n\nبند أول"),
        # <title> as last resort; div with direct text is a paragraph; lead class is not an ad.
        ("<html><head><title>عنوان الصفحة</title></head><body><main>"
         "<div class='lead-paragraph'>نص مباشر في div</div><p>فقرة عربية</p>"
         "<div class='ad-slot'><p>إعلان</p></div></main></body></html>",
         "عنوان الصفحة", "نص مباشر في div\n\nفقرة عربية"),
        # No title anywhere: HTML never guesses one from the body; inline tags stay inline.
        ("<html><body><div class='post'><div>نص في div فقط</div><div>سطر ثان<span> متصل</span></div>"
         "</div><div class='share'>شارك</div></body></html>",
         "", "نص في div فقط\n\nسطر ثان متصل"),
        # A wrapper whose class merely mentions "sidebar" must not swallow the article.
        ("<html><body class='has-sidebar'><div class='with-sidebar'><div class='content'>"
         "<p>فقرة عربية أولى</p><p>فقرة ثانية</p></div></div></body></html>",
         "", "فقرة عربية أولى\n\nفقرة ثانية"),
    ],
    ids=["entry-content", "title-tag", "no-title", "sidebar-wrapper"],
)
def test_html_body_and_title(html, title, text):
    result = read_article_bytes(html.encode(), ".htm")
    assert (result.title, result.text) == (title, text)


def test_html_meta_charset_is_honoured():
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            f"</head><body><article><p>{PARA_1}</p><p>{PARA_2}</p></article></body></html>")
    result = read_article_bytes(page.encode("cp1256"), ".html")
    assert result.encoding == "windows-1256"
    assert result.text == EXPECTED_BODY
    assert result.messages == ["encoding windows-1256 taken from the page's <meta charset>"]


# --- furniture, section, title, markdown ------------------------------------

@pytest.mark.parametrize(
    "line",
    ["شاركها.", "شاركها", "زر الذهاب إلى الأعلى", "Published", "on", "Trending", "Exit mobile version",
     "اقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضًا:", "Share", "Tweet", "طباعة", "أخبار ذات صلة",
     "تابعنا على تويتر", "***", "— | —", "\u200f"],
)
def test_furniture_lines_are_removed(line):
    raw = f"{PARA_1}\n{line}\n{PARA_2}\n".encode()
    assert read_article_bytes(raw, ".txt").text == EXPECTED_BODY


def test_long_line_starting_like_furniture_is_kept():
    line = "تابعنا على مدى سنوات طويلة جهود التحالف الإسلامي العسكري في بناء القدرات ونشر الوعي."
    assert read_article_bytes(f"{PARA_1}\n{line}".encode(), ".txt").text == f"{PARA_1}\n\n{line}"


@pytest.mark.parametrize(
    ("text", "section", "title", "body"),
    [
        (f"محليات\n\nعنوان الخبر هنا\n\n{ARTICLE}", "محليات", "عنوان الخبر هنا", EXPECTED_BODY),
        (f"عربي ودولي\nعنوان الخبر\n{ARTICLE}", "عربي ودولي", "عنوان الخبر", EXPECTED_BODY),
        # unknown 2-word label followed by a short line is still a section
        (f"شؤون عسكرية\nعنوان الخبر\n{ARTICLE}", "شؤون عسكرية", "عنوان الخبر", EXPECTED_BODY),
        # a short headline directly, no section
        (f"وفد ماليزي يزور التحالف\n{ARTICLE}", "", "وفد ماليزي يزور التحالف", EXPECTED_BODY),
        # a first line that is a sentence: no title
        (ARTICLE, "", "", EXPECTED_BODY),
        # a lone line is body, not a title
        ("خبر قصير بلا نقطة", "", "", "خبر قصير بلا نقطة"),
    ],
    ids=["known-section", "two-word-known", "unknown-section", "title-only", "sentence", "single-line"],
)
def test_section_and_title(text, section, title, body):
    result = read_article_bytes(text.encode(), ".txt")
    assert (result.section, result.title, result.text) == (section, title, body)


def test_markdown_heading_and_markup():
    md = ("# الأمين العام يستقبل وفداً.\n\n"
          "استقبل **الأمين العام** وفداً من [وزارة الدفاع](https://example.com/x) اليوم.\n\n"
          "## محاور اللقاء\n\n- تبادل _الخبرات_ والتدريب.\n![صورة](img.png)\n")
    result = read_article_bytes(md.encode(), ".md")
    assert result.title == "الأمين العام يستقبل وفداً."  # '#' marks the headline even with a period
    assert result.text == ("استقبل الأمين العام وفداً من وزارة الدفاع اليوم.\n\n"
                           "محاور اللقاء\n\nتبادل الخبرات والتدريب.")


def test_windows_line_endings(tmp_path):
    raw = f"محليات\r\n\r\nعنوان الخبر\r\n{PARA_1}\r\n{PARA_2}\r\n".encode()
    result = read_article(_write(tmp_path, "crlf.txt", raw))
    assert (result.section, result.title, result.text) == ("محليات", "عنوان الخبر", EXPECTED_BODY)


# --- seeds -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "section", "title", "starts", "absent"),
    [
        ("000_6aeaa9831898bf53.txt", "", "", "التقى الأمين العام", ["شاركها."]),
        ("001_4bab60ffd0ac1668.txt", "", "", "استقبل الأمين العام", ["شاركها."]),
        ("002_1b647037abfbb29c.txt", "محليات",
         "الأمين العام للتحالف الإسلامي يبحث مع وكيل الأمين العام للأمم المتحدة تعزيز الشراكة في محاربة الإرهاب",
         "استقبل الأمين العام", ["زر الذهاب إلى الأعلى"]),
        ("003_2e97a5bcafb88184.txt", "السياسة",
         "وفد وزارة الدفاع الماليزية يزور التحالف الإسلامي لمكافحة الإرهاب",
         "وفد وزارة الدفاع الماليزية يعزز التعاون", ["Published", "on", "Trending", "Exit mobile version"]),
        ("004_3561b588f0f785b7.txt", "", "", "استقبل التحالف", []),
    ],
)
def test_seed_articles(name, section, title, starts, absent):
    result = read_article(SEEDS / name)
    assert (result.status, result.encoding, result.messages) == ("ok", "utf-8", [])
    assert (result.section, result.title) == (section, title)
    assert result.text.startswith(starts)
    paragraphs = result.text.split("\n\n")
    for line in absent:
        assert line not in paragraphs
    assert "" not in paragraphs and not result.text.endswith("\n")
    assert all(p == p.strip() for p in paragraphs)


def test_seed_paragraph_counts():
    counts = {p.name[:3]: len(read_article(p).text.split("\n\n")) for p in sorted(SEEDS.glob("*.txt"))}
    # 000/001: every non-empty line but the trailing "شاركها."; 003: minus section, title,
    # Published, on, Trending, Exit mobile version; 004: single-newline paragraphs.
    assert counts == {"000": 14, "001": 18, "002": 11, "003": 16, "004": 13}
