"""The deck as PowerPoint (16:9), one slide per chart or table, with right-to-left Arabic paragraphs.

PowerPoint text stays in logical order: PowerPoint shapes and orders it.
Arabic paragraphs get ``<a:pPr rtl="1" algn="r">`` and their runs
``lang="ar-SA"`` with "Noto Naskh Arabic" as both the Latin and the
complex-script font; the complex-script font carries the Arabic charset and a
serif pitch family, which is what PowerPoint uses to pick a substitute Arabic
font when Noto Naskh Arabic is not installed. Bidi control characters are
removed from slide text (they are for browsers). Tables are native tables:
in an Arabic deck ``<a:tblPr rtl="1">``, so the first column is on the right,
and each cell's paragraph takes the direction of its own text (a URL or a
Latin name in an Arabic deck is a left-to-right paragraph, still aligned
with the deck). python-pptx is imported inside the functions that need it,
so importing this module stays cheap.
"""

from __future__ import annotations

import io
from pathlib import Path

from dashboard.export.deck import (CHART_BOTTOM, CHART_TOP, FILTERS_H, FILTERS_TOP, FONT_NAME, FOOTER_H, FOOTER_TOP,
                                   HEADER_FILL, INK, LINES_SIZE, MARGIN, MUTED, NOTE_H, ROW_FILLS, SLIDE_H, SLIDE_W,
                                   TABLE_SIZE, TITLE_H, TITLE_TOP, Deck, SlideContent, SlideTable)
from dashboard.i18n import t
from dashboard.rtl import has_arabic, paragraph_direction, strip_bidi_controls

__all__ = ["write_pptx"]


def _style_paragraph(paragraph, rtl: bool, size: float, color: str, bold: bool = False) -> None:
    """Direction, alignment and font of a paragraph and its runs (python-pptx objects)."""
    from lxml import etree
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    paragraph.alignment = PP_ALIGN.RIGHT if rtl else PP_ALIGN.LEFT
    # Paragraph direction: python-pptx has no API for it, so set the attribute.
    paragraph._p.get_or_add_pPr().set("rtl", "1" if rtl else "0")
    for run in paragraph.runs:
        font = run.font
        font.size, font.bold, font.name = Pt(size), bold, FONT_NAME
        font.color.rgb = RGBColor.from_string(color)
        r_pr = run._r.get_or_add_rPr()
        r_pr.set("lang", "ar-SA" if rtl else "en-US")
        r_pr.set("altLang", "en-US" if rtl else "ar-SA")
        for tag in ("a:ea", "a:cs"):
            old = r_pr.find(qn(tag))
            if old is not None:
                r_pr.remove(old)
        # Complex-script font (what PowerPoint uses for Arabic). Charset -78 is
        # ARABIC_CHARSET and pitch family 18 a proportional serif: PowerPoint
        # picks an installed Arabic font with them when Noto Naskh is missing.
        cs = etree.SubElement(r_pr, qn("a:cs"))
        cs.set("typeface", FONT_NAME)
        cs.set("pitchFamily", "18")
        cs.set("charset", "-78")
        latin = r_pr.find(qn("a:latin"))
        latin.addnext(cs)  # schema order: latin, ea, cs


def _text_box(slide, text: str | tuple[str, ...], left: float, top: float, width: float, height: float, *,
              rtl: bool, size: float, color: str = INK, bold: bool = False, align_right: bool | None = None,
              space_after: float = 0):
    """A text box of one paragraph, or one per line when ``text`` is a tuple."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = Inches(0.05)
    for index, line in enumerate((text,) if isinstance(text, str) else text):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = strip_bidi_controls(line)
        _style_paragraph(paragraph, rtl, size, color, bold)
        if space_after:
            paragraph.space_after = Pt(space_after)
        if align_right is not None:
            paragraph.alignment = PP_ALIGN.RIGHT if align_right else PP_ALIGN.LEFT
    return box


def _cell(cell, text: str, *, deck_rtl: bool, size: float, color: str, bold: bool, fill: str) -> None:
    """One table cell: a paragraph per line, each in its own text's direction, aligned with the deck."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches

    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(fill)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(0.07)
    cell.margin_top = cell.margin_bottom = Inches(0.035)
    frame = cell.text_frame
    frame.word_wrap = True
    default = "rtl" if deck_rtl else "ltr"
    for index, line in enumerate(strip_bidi_controls(text).split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        # In an Arabic deck any Arabic makes the line right to left ("NATO الجمعية البرلمانية" reads from
        # the right); a line with none (a URL) keeps its own direction.
        rtl_line = (deck_rtl and has_arabic(line)) or paragraph_direction(line, default) == "rtl"
        _style_paragraph(paragraph, rtl_line, size, color, bold)
        paragraph.alignment = PP_ALIGN.RIGHT if deck_rtl else PP_ALIGN.LEFT


def _table(slide, table: SlideTable, left: float, top: float, width: float, rtl: bool) -> None:
    """A native table: header row, then the rows; columns mirrored in an Arabic deck (``tblPr rtl``)."""
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(len(table.rows) + 1, len(table.header), Inches(left), Inches(top),
                                   Inches(width), Inches(0.34 * (len(table.rows) + 1)))
    shape.name = "table"
    grid = shape.table
    # Reading order is the table's direction: PowerPoint puts the first column on the right.
    grid._tbl.tblPr.set("rtl", "1" if rtl else "0")
    grid.first_row, grid.horz_banding = True, False
    total = sum(table.widths)
    for column, share in zip(grid.columns, table.widths):
        column.width = Inches(width * share / total)
    for row in grid.rows:
        row.height = Pt(TABLE_SIZE * 2)  # a minimum: PowerPoint grows a row to fit its text
    for index, text in enumerate(table.header):
        _cell(grid.cell(0, index), text, deck_rtl=rtl, size=TABLE_SIZE, color="FFFFFF", bold=True,
              fill=HEADER_FILL)
    for r, values in enumerate(table.rows, start=1):
        for index, text in enumerate(values):
            _cell(grid.cell(r, index), text, deck_rtl=rtl, size=TABLE_SIZE, color=INK, bold=False,
                  fill=ROW_FILLS[(r - 1) % len(ROW_FILLS)])


def _fit(width_px: int, height_px: int, box_w: float, box_h: float) -> tuple[float, float]:
    """Largest (width, height) in inches with the image's aspect ratio inside the box."""
    ratio = width_px / height_px
    return (box_w, box_w / ratio) if box_w / ratio <= box_h else (box_h * ratio, box_h)


def _body(slide, content: SlideContent, inner: float, rtl: bool) -> None:
    """The slide's chart, or table, or text lines; the lines are a note under a chart or table."""
    from pptx.util import Inches

    bottom = CHART_BOTTOM - (NOTE_H if content.lines and (content.png or content.table) else 0)
    if content.png:
        width, height = _fit(content.width_px, content.height_px, inner, bottom - CHART_TOP)
        picture = slide.shapes.add_picture(io.BytesIO(content.png), Inches(MARGIN + (inner - width) / 2),
                                           Inches(CHART_TOP + (bottom - CHART_TOP - height) / 2),
                                           Inches(width), Inches(height))
        picture.name = f"chart {content.name}"
    elif content.table is not None:
        _table(slide, content.table, MARGIN, CHART_TOP, inner, rtl)
    if content.lines and (content.png or content.table):
        _text_box(slide, content.lines, MARGIN, bottom, inner, NOTE_H, rtl=rtl, size=13, color=MUTED)
    elif content.lines:
        _text_box(slide, content.lines, MARGIN, CHART_TOP + 0.2, inner, CHART_BOTTOM - CHART_TOP - 0.2, rtl=rtl,
                  size=LINES_SIZE, space_after=LINES_SIZE * 0.6)


def write_pptx(deck: Deck, path: Path | str | io.BytesIO) -> None:
    """Write the deck as PowerPoint (16:9), one slide per ``SlideContent``."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    blank = prs.slide_layouts[6]
    rtl = deck.rtl
    inner = SLIDE_W - 2 * MARGIN
    total = len(deck.slides)
    for number, content in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(blank)
        _text_box(slide, content.title, MARGIN, TITLE_TOP, inner, TITLE_H, rtl=rtl, size=26, bold=True)
        _text_box(slide, deck.filter_line, MARGIN, FILTERS_TOP, inner, FILTERS_H, rtl=rtl, size=13,
                  color=MUTED)
        _body(slide, content, inner, rtl)
        # Footer: export date at the reading start, slide number at the other end.
        half = inner / 2
        _text_box(slide, f"{deck.app_title} · {deck.footer}", MARGIN + (half if rtl else 0), FOOTER_TOP,
                  half, FOOTER_H, rtl=rtl, size=10.5, color=MUTED)
        _text_box(slide, t("export_slide_of", deck.lang, n=number, total=total), MARGIN + (0 if rtl else half),
                  FOOTER_TOP, half, FOOTER_H, rtl=rtl, size=10.5, color=MUTED, align_right=not rtl)
    props = prs.core_properties
    props.title = f"{deck.app_title} — {deck.export_date.isoformat()}"
    props.language = "ar-SA" if rtl else "en-US"
    props.subject = strip_bidi_controls(deck.filter_line)
    prs.save(path)
