"""The deck as PDF: the slides as one HTML page, printed by headless Chromium.

Pages are HTML (escaped text, ``dir="rtl"``, the chart PNGs and the Noto Naskh
Arabic web font of ``static/fonts`` as data URIs) printed by headless
Chromium, which shapes the Arabic. A slide's table is an HTML table, laid out
in the page's direction (first column on the right in Arabic); each cell's
direction follows its own text (``dir="auto"``), aligned with the deck. No PDF library that cannot shape is used,
so ``rtl.static_label`` is not needed here. The page embeds everything it
shows: nothing is fetched.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from dashboard import config
from dashboard.export.deck import (HEADER_FILL, INK, LINES_SIZE, MARGIN, MUTED, ROW_FILLS, SLIDE_H, SLIDE_W,
                                   TABLE_SIZE, TITLE_TOP, Deck, SlideContent, SlideTable)
from dashboard.export.render import DEFAULT_CHROMIUM, chromium_path
from dashboard.export.wording import list_sep, part_sep
from dashboard.i18n import t
from dashboard.rtl import strip_bidi_controls

__all__ = ["deck_html", "write_pdf"]

#: CSS font stack of the PDF pages (the web font is embedded; the rest are fallbacks).
_CSS_FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", Arial, sans-serif'


def _font_face_css() -> str:
    """``static/fonts/fonts.css`` with each woff2 inlined as a data URI (a file:// page may not fetch fonts)."""
    folder = config.static_dir() / "fonts"
    css_path = folder / "fonts.css"
    if not css_path.is_file():
        return ""

    def inline(match: re.Match) -> str:
        font = folder / match.group(1)
        if not font.is_file():
            return match.group(0)
        return f"url(data:font/woff2;base64,{base64.b64encode(font.read_bytes()).decode('ascii')})"

    return re.sub(r"url\(\./([^)]+\.woff2)\)", inline, css_path.read_text(encoding="utf-8"))


def _filters_html(deck: Deck) -> str:
    """The filter line with every value isolated (``<bdi>``), so a Latin name cannot move its neighbours."""
    lang = deck.lang
    if not deck.filter_parts:
        body = html.escape(t("export_no_filters", lang))
    else:
        body = html.escape(part_sep(lang)).join(
            (html.escape(f"{label}: ") if label else "")
            + html.escape(list_sep(lang)).join(f"<bdi>{html.escape(strip_bidi_controls(v))}</bdi>" for v in values)
            for label, values in deck.filter_parts
        )
    return f"{html.escape(t('export_filters', lang))}: {body}"


def _text(value: str) -> str:
    """Escaped plain text, bidi controls removed, line breaks kept."""
    return "<br>".join(html.escape(line) for line in strip_bidi_controls(value).split("\n"))


def _table_html(table: SlideTable) -> str:
    total = sum(table.widths)
    columns = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths)
    header = "".join(f'<th dir="auto">{_text(h)}</th>' for h in table.header)
    rows = "".join("<tr>" + "".join(f'<td dir="auto">{_text(v)}</td>' for v in row) + "</tr>" for row in table.rows)
    return f"<table><colgroup>{columns}</colgroup><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


def _body_html(content: SlideContent) -> str:
    """The slide's chart, or table, or text lines; the lines are a note under a chart or table."""
    title = html.escape(strip_bidi_controls(content.title))
    if content.png:
        image = base64.b64encode(content.png).decode("ascii")
        body = f'<figure><img alt="{title}" src="data:image/png;base64,{image}"></figure>'
    elif content.table is not None:
        body = f'<div class="table">{_table_html(content.table)}</div>'
    else:
        return '<div class="lines">' + "".join(f"<p>{_text(line)}</p>" for line in content.lines) + "</div>"
    return body + "".join(f'<p class="note">{_text(line)}</p>' for line in content.lines)


def deck_html(deck: Deck) -> str:
    """The deck as one HTML document, one 16:9 page per slide (all text escaped)."""
    direction = "rtl" if deck.rtl else "ltr"
    total = len(deck.slides)
    pages = []
    for number, content in enumerate(deck.slides, start=1):
        pages.append(f"""
<section class="slide">
  <h1>{html.escape(strip_bidi_controls(content.title))}</h1>
  <p class="filters">{_filters_html(deck)}</p>
  {_body_html(content)}
  <footer><span>{html.escape(strip_bidi_controls(f"{deck.app_title} · {deck.footer}"))}</span>
    <span>{html.escape(t("export_slide_of", deck.lang, n=number, total=total))}</span></footer>
</section>""")
    return f"""<!DOCTYPE html>
<html lang="{deck.lang}" dir="{direction}">
<head>
<meta charset="utf-8">
<title>{html.escape(deck.app_title)}</title>
<style>
{_font_face_css()}
@page {{ size: {SLIDE_W}in {SLIDE_H}in; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {_CSS_FONTS}; color: #{INK}; background: #ffffff;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.slide {{ width: {SLIDE_W}in; height: {SLIDE_H}in; box-sizing: border-box; overflow: hidden;
         padding: {TITLE_TOP}in {MARGIN}in 0.2in; display: flex; flex-direction: column;
         break-after: page; page-break-after: always; }}
.slide:last-child {{ break-after: auto; page-break-after: auto; }}
h1 {{ font-size: 26pt; font-weight: 700; margin: 0; line-height: 1.4; }}
.filters {{ font-size: 13pt; color: #{MUTED}; margin: 0.05in 0 0; line-height: 1.5; }}
figure {{ flex: 1 1 auto; min-height: 0; margin: 0.1in 0; display: flex; align-items: center;
         justify-content: center; }}
figure img {{ max-width: 100%; max-height: 100%; object-fit: contain; }}
.table {{ flex: 1 1 auto; min-height: 0; overflow: hidden; margin: 0.12in 0 0.05in; }}
table {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: {TABLE_SIZE}pt; line-height: 1.35; }}
th, td {{ padding: 0.035in 0.07in; text-align: {"right" if deck.rtl else "left"}; vertical-align: middle;
         overflow-wrap: anywhere; }}
th {{ background: #{HEADER_FILL}; color: #ffffff; font-weight: 700; }}
tbody tr:nth-child(odd) td {{ background: #{ROW_FILLS[0]}; }}
tbody tr:nth-child(even) td {{ background: #{ROW_FILLS[1]}; }}
.lines {{ flex: 1 1 auto; margin: 0.3in 0 0; font-size: {LINES_SIZE}pt; line-height: 1.5; }}
.lines p {{ margin: 0 0 {LINES_SIZE * 0.6:.0f}pt; }}
.note {{ font-size: 13pt; color: #{MUTED}; margin: 0 0 0.08in; }}
footer {{ display: flex; justify-content: space-between; font-size: 10.5pt; color: #{MUTED}; }}
</style>
</head>
<body>{"".join(pages)}
</body>
</html>
"""


def write_pdf(deck: Deck, path: Path | str, timeout: float = 120) -> None:
    """Write the deck as PDF: its HTML printed by headless Chromium (which shapes the Arabic).

    Raises:
        RuntimeError: Chromium is missing or printing failed.
    """
    browser = chromium_path()
    if browser is None:
        raise RuntimeError(f"Chromium not found (set BROWSER_PATH or install {DEFAULT_CHROMIUM})")
    out = Path(path).resolve()
    with tempfile.TemporaryDirectory(prefix="imctc_deck_") as tmp:
        page = Path(tmp) / "deck.html"
        page.write_text(deck_html(deck), encoding="utf-8")
        target = Path(tmp) / "deck.pdf"
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--no-default-browser-check", f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            raise RuntimeError(f"Chromium could not print the PDF (exit {result.returncode}): "
                               f"{result.stderr.strip()[-2000:]}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(target), out)
