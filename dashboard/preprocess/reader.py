"""Read one article file (bytes on disk) into clean article text and fields.

The pipeline is: check size -> decode bytes (BOM, UTF-8, UTF-16, Arabic
codepages, charset-normalizer) -> for HTML, keep only the article body ->
drop site furniture lines -> split off a leading section label and headline.
The body keeps its original characters; normalisation for matching happens
later (``normalize.py``). Bad input never raises from ``read_article*``: it
comes back with ``status="error"`` and a plain-language message.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.preprocess.bidi import INVISIBLE
from dashboard.preprocess.normalize import ARABIC_LETTER_RE, arabic_share, normalize

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
# bs4 (0.05 s to import) and charset_normalizer are imported where they are used: most
# articles are UTF-8 text, and every pipeline run, even one that adds a single article,
# would pay for them.

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
MIN_ARABIC_SHARE = 0.30  # below this share of letters the file is flagged "not Arabic"

# Whole lines that are site chrome, never article text. Compared after
# normalize() with edge punctuation stripped, so "شاركها." matches "شاركها".
FURNITURE_LINES = (
    "شاركها", "شارك", "شارك الخبر", "زر الذهاب إلى الأعلى", "اقرأ أيضا", "اقرأ أيضاً",
    "أخبار ذات صلة", "مواضيع ذات صلة", "طباعة", "نسخ الرابط", "Published", "on",
    "Trending", "Exit mobile version", "Share", "Tweet", "Print", "Share this",
)
FURNITURE_PATTERNS = (
    re.compile(r"^تابعنا على\b.{0,40}$"),  # "follow us on ..." (short lines only)
    re.compile(r"^(?:follow us on|share on)\b.{0,40}$", re.IGNORECASE),
    re.compile(r"^[\W_]+$"),  # only punctuation/symbols: "***", "|", "—"
)
# Known leading section labels (news-site categories printed above a headline).
SECTION_LABELS = (
    "محليات", "محلية", "السياسة", "سياسة", "أخبار", "الأخبار", "دولية", "دولي",
    "عربي ودولي", "أخبار السعودية", "أخبار محلية", "أخبار دولية", "تقارير", "تقرير",
    "منوعات", "عاجل", "اقتصاد", "الاقتصاد", "مجتمع", "العالم", "الخليج", "الوطن",
)
_FURNITURE_KEYS = frozenset(normalize(s).casefold() for s in FURNITURE_LINES)
_SECTION_KEYS = frozenset(normalize(s) for s in SECTION_LABELS)
_EDGE_PUNCT = " .,:;!\u060c\u061b\u2026-|"  # also Arabic comma/semicolon, ellipsis
_SENTENCE_PUNCT = re.compile(r"[.!?\u061f\u060c,:\u061b;]")  # includes Arabic ? , ;
_NOT_HEADLINE_END = (".", ":", ",", ";", "\u060c", "\u061b", "\u06d4", "\u2026")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \t \n \v \f \r

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_PREFIX = re.compile(r"^(?:>\s*|[-*+]\s+)+")

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "button", "svg", "template", "select", "textarea", "object", "embed"]
# Matched against class + id. "ad" only as a whole token part so "lead-", "read-more" survive.
_NOISE_ATTR = re.compile(
    r"share|social|menu|nav|breadcrumb|related|comment|footer|header|sidebar|widget"
    r"|(?:^|[\s_-])(?:ads?|advert\w*)(?=[\s_-]|$)", re.IGNORECASE)
_BLOCK_TAGS = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
               "article", "main", "blockquote", "figure", "figcaption", "table", "tr", "pre",
               "dl", "dt", "dd", "hr", "address"]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_ARABIC_CODECS = {"cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic", "cp1006"}


@dataclass(frozen=True)
class ReadArticle:
    """One article as read from disk; see the module docstring for the fields' meaning."""

    text: str
    title: str
    section: str
    encoding: str
    status: str
    messages: list[str] = field(default_factory=list)


class UnreadableError(ValueError):
    """The bytes are not text in any encoding we accept (binary or undecodable)."""


def _codec_label(codec: str) -> str:
    """Human/WHATWG-style name for a Python codec ("cp1256" -> "windows-1256")."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    return name.replace("iso8859-", "iso-8859-")


def _checked(text: str) -> str:
    """Return ``text`` unless it is full of control characters (a sign of binary data)."""
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 100):
        raise UnreadableError("binary file, not text")
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" if ``raw`` looks like BOM-less UTF-16, else None.

    In UTF-16 text the high byte of each code unit is nearly always 0x00 (ASCII:
    spaces, digits, newlines) or 0x06 (the Arabic block), and the low byte almost
    never is. Binary data with stray NULs has them at both parities.
    """
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]

    def high_share(half: bytes) -> float:
        return (half.count(0) + half.count(6)) / len(half)

    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high_share(high) >= 0.6 and high_share(low) <= 0.05:
            try:
                raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def decode_bytes(raw: bytes, *, html: bool = False) -> tuple[str, str, list[str]]:
    """Decode article bytes, detecting the encoding and saying how it was chosen.

    Args:
        raw: the file's bytes.
        html: honour ``<meta charset>`` when the bytes are not valid UTF-8.
    Returns:
        (text, encoding label, messages); messages is empty for plain UTF-8.
        Empty input gives ("", "", []).
    Raises:
        UnreadableError: binary data, or no encoding could be found.
    """
    if not raw:
        return "", "", []
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(codec)), codec, [f"encoding: {codec} (byte-order mark)"]
            except UnicodeDecodeError:  # a lying BOM: detect from the rest
                raw = raw[len(bom):]
                break
    # Before UTF-8: Arabic UTF-16 without spaces is valid (garbage) UTF-8.
    codec16 = _utf16_without_bom(raw)
    if codec16:
        text = _checked(raw.decode(codec16))
        return text, codec16, [f"encoding detected as {codec16} (no byte-order mark)"]
    if b"\x00" in raw:
        raise UnreadableError("binary file, not text")
    try:
        return _checked(raw.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(raw[:4096]) if html else None
    if meta:
        try:
            codec = codecs.lookup(meta.group(1).decode("ascii")).name
            text = raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            label = _codec_label(codec)
            return _checked(text), label, [f"encoding {label} taken from the page's <meta charset>"]
    return _decode_legacy(raw)


def _decode_legacy(raw: bytes) -> tuple[str, str, list[str]]:
    """Decode non-UTF bytes: Arabic codepages first, then charset-normalizer's best guess."""
    # cp1256 decodes almost any bytes, so judge it by the share of Arabic letters it yields;
    # ISO-8859-6 is compared too because the two disagree on common letters (ي, ل).
    best_share, best_codec, best_text = -1.0, "", ""
    for codec in ("cp1256", "iso8859_6"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        share = arabic_share(text)
        if share > best_share:
            best_share, best_codec, best_text = share, codec, text
    _checked(best_text)  # control characters are controls in every ASCII-based codepage
    if best_share >= 0.6:
        guess = None
    else:
        import charset_normalizer

        guess = charset_normalizer.from_bytes(raw).best()
        if guess is None:
            raise UnreadableError("could not detect the text encoding")
    if guess is None or guess.encoding in _ARABIC_CODECS:
        label = _codec_label(best_codec)
        return _checked(best_text), label, [f"encoding detected as {label} (confidence {best_share:.2f})"]
    label = _codec_label(guess.encoding)
    return _checked(str(guess)), label, [
        f"encoding detected as {label} by charset-normalizer (confidence {1 - guess.chaos:.2f})"]


def _strip_markdown(line: str) -> str:
    """Remove markdown heading marks, bullets, images, links and emphasis markers."""
    line = _MD_PREFIX.sub("", _MD_HEADING.sub("", line))
    line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
    return _MD_EMPHASIS.sub(r"\2", line)


def _is_furniture(line: str) -> bool:
    """True for share buttons, "back to top", "Published", separators and the like."""
    if normalize(line).strip(_EDGE_PUNCT).casefold() in _FURNITURE_KEYS:
        return True
    return any(p.match(line) for p in FURNITURE_PATTERNS)


def _is_headline(line: str) -> bool:
    """A headline is short and does not end like a sentence."""
    return len(line.split()) < 25 and not line.rstrip("\"'\u00bb\u201d)").endswith(_NOT_HEADLINE_END)


def _split_fields(text: str, *, markdown: bool = False, known_title: str | None = None) -> tuple[list[str], str, str]:
    """Clean lines and split off section and title.

    Args:
        text: decoded text (or text extracted from HTML), one paragraph per line.
        markdown: strip markdown syntax; a leading ``#`` line is the headline.
        known_title: title found elsewhere (HTML ``<h1>``, may be ""): no guessing, and a
            first line repeating it is dropped. None: guess the headline from the lines.
    Returns:
        (paragraphs, section, title).
    """
    lines: list[tuple[str, bool]] = []  # (line, was a markdown heading)
    for raw_line in text.splitlines():
        line = raw_line.strip().strip(INVISIBLE).strip()
        heading = markdown and bool(_MD_HEADING.match(line))
        if markdown:
            line = _strip_markdown(line).strip()
        line = _CONTROL_RE.sub("", line)
        if line and not _is_furniture(line):
            lines.append((line, heading))
    section = ""
    if lines and not lines[0][1]:
        first = lines[0][0]
        words = first.split()
        if len(words) <= 3 and not _SENTENCE_PUNCT.search(first) and (
                normalize(first) in _SECTION_KEYS
                or (len(words) <= 2 and len(lines) > 2 and _is_headline(lines[1][0]))):
            section = lines.pop(0)[0]
    title = known_title or ""
    if known_title is not None:
        if lines and known_title and normalize(lines[0][0]) == normalize(known_title):
            lines.pop(0)
    elif len(lines) > 1 and (lines[0][1] or _is_headline(lines[0][0])):
        title = lines.pop(0)[0]
    return [line for line, _ in lines], section, title


def _squash(text: str) -> str:
    """Collapse whitespace runs (HTML source line breaks are not paragraph breaks)."""
    return re.sub(r"\s+", " ", text).strip()


def _is_noise(tag) -> bool:
    """True for elements whose class/id marks them as share bars, menus, ads, etc."""
    attrs = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    return bool(_NOISE_ATTR.search(attrs))


def _html_title(soup: BeautifulSoup) -> str:
    """Headline: an ``<h1>`` in the article or outside site chrome, else og:title, else <title>."""
    for h1 in soup.find_all("h1"):
        if h1.find_parent("article") or not h1.find_parent(["header", "nav", "footer", "aside"]):
            if text := _squash(h1.get_text(" ")):
                return text
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and _squash(og.get("content") or ""):
        return _squash(og["content"])
    return _squash(soup.title.get_text()) if soup.title else ""


def _pick_body(soup: BeautifulSoup):
    """The ``<article>`` with most Arabic text, else the parent of the most Arabic ``<p>`` text."""
    def arabic(el) -> int:
        return len(ARABIC_LETTER_RE.findall(el.get_text()))

    articles = [(arabic(a), i, a) for i, a in enumerate(soup.find_all("article"))]
    if articles and max(articles)[0] > 0:
        return max(articles)[2]
    for skip_noise in (True, False):  # a noisy wrapper class ("has-sidebar") must not empty the page
        scores: dict[int, list] = {}
        for p in soup.find_all("p"):
            parent = p.parent
            if skip_noise and any(_is_noise(el) for el in [parent, *parent.parents] if el.name):
                continue
            scores.setdefault(id(parent), [0, parent])[0] += arabic(p)
        if scores:
            score, parent = max(scores.values(), key=lambda s: s[0])
            if score > 0:
                return parent
    return soup.body or soup


def _html_article(text: str) -> tuple[str, str]:
    """Extract (body text with one paragraph per line, title) from an HTML page.

    Only text nodes are kept, so scripts and event-handler attributes never reach the output.
    """
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(text, "lxml")
    title = _html_title(soup)
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        if not tag.decomposed:
            tag.decompose()
    body = _pick_body(soup)
    for tag in body.find_all(_is_noise):
        if not tag.decomposed:
            tag.decompose()
    for string in body.find_all(string=True):
        string.replace_with(re.sub(r"\s+", " ", string))
    for br in body.find_all("br"):
        br.replace_with("\n")
    for tag in body.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.append("\n")
    return body.get_text(), title


def _human_size(n: int) -> str:
    """Byte count as "52 MB" / "3 KB" / "100 bytes"."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{n} bytes"


def _error(message: str, encoding: str = "") -> ReadArticle:
    return ReadArticle("", "", "", encoding, "error", [message])


def _unsupported(suffix: str) -> ReadArticle:
    return _error(f"unsupported file type {suffix or '(none)'}: expected {', '.join(SUPPORTED_SUFFIXES)}")


def _too_big(size: int) -> str:
    return f"file is {_human_size(size)}, over the {_human_size(MAX_BYTES)} limit: skipped"


def read_article_bytes(raw: bytes, suffix: str) -> ReadArticle:
    """Read an article from bytes (e.g. an upload).

    Args:
        raw: file content.
        suffix: file suffix such as ".txt" or "html" (case-insensitive).
    Returns:
        ReadArticle; problems are reported through ``status`` and ``messages``.
    """
    suffix = "." + suffix.lower().lstrip(".") if suffix else ""
    if suffix not in SUPPORTED_SUFFIXES:
        return _unsupported(suffix)
    if len(raw) > MAX_BYTES:
        return _error(_too_big(len(raw)))
    if not raw.strip():
        return _error("file is empty")
    is_html = suffix in (".html", ".htm")
    try:
        text, encoding, messages = decode_bytes(raw, html=is_html)
    except UnreadableError as exc:
        return _error(str(exc))
    if not text.strip().strip(INVISIBLE).strip():
        return _error("file is empty", encoding)
    html_title = None
    if is_html:
        text, html_title = _html_article(text)
    paragraphs, section, title = _split_fields(text, markdown=suffix == ".md", known_title=html_title)
    if not paragraphs:
        return ReadArticle("", title, section, encoding, "error", [*messages, "no article text found"])
    body = "\n\n".join(paragraphs)
    status = "ok"
    if any(ch.isalpha() for ch in body) and (share := arabic_share(body)) < MIN_ARABIC_SHARE:
        status = "warning"
        messages.append(f"not Arabic: only {share:.0%} Arabic letters")
    return ReadArticle(body, title, section, encoding, status, messages)


def read_article(path: Path) -> ReadArticle:
    """Read one article file; never raises for bad content.

    Args:
        path: file to read; its suffix picks the parser.
    Returns:
        ReadArticle; oversized files are rejected from ``st_size`` without being read.
    """
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return _unsupported(path.suffix.lower())
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _error(_too_big(size))
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # bounded even if the file grew since stat()
    except OSError as exc:
        return _error(f"could not read file: {exc.strerror or exc}")
    return read_article_bytes(raw, path.suffix)
