"""Slide deck export (dashboard/export/), download file names and table headers.

The deck is rendered once per module from the seeds (pipeline run into a
temporary folder), in Arabic, and written as PPTX and PDF; the command line is
run once with ``--country MDV``. Tests that draw charts need Chromium: they
are skipped when /usr/bin/chromium is missing, unless ``CI`` is set, in which
case they fail instead.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from dashboard import analytics, config, export, store, tables
from dashboard.export import render
from dashboard.export.__main__ import _parser, filters_from_args, main
from dashboard.i18n import t
from dashboard.preprocess import pipeline
from dashboard.rtl import PRESENTATION_FORMS_RE, find_layout_problems, has_arabic

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
TODAY = dt.date(2025, 12, 1)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not _in_ci() and not os.environ.get("BROWSER_PATH"),
    reason="needs Chromium at /usr/bin/chromium (set CI to make this a failure)",
)


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export_data")
    pipeline.run(ROOT / "seeds", folder, progress_stream=None)
    return folder


@pytest.fixture(scope="module")
def tables_(data_dir) -> tuple[pd.DataFrame, pd.DataFrame]:
    db = data_dir / store.DB_NAME
    return store.read_table(db, "meetings"), store.read_table(db, "meeting_topics")


@pytest.fixture(scope="module")
def deck_ar(tables_) -> export.Deck:
    meetings, meeting_topics = tables_
    return export.render_deck(meetings, meeting_topics, analytics.Filters(lang="ar"), "ar", today=TODAY)


@pytest.fixture(scope="module")
def pptx_ar(deck_ar, tmp_path_factory):
    from pptx import Presentation

    path = export.write_deck(deck_ar, tmp_path_factory.mktemp("deck") / "briefing.pptx")
    return Presentation(str(path))


@pytest.fixture(scope="module")
def pdf_ar(deck_ar, tmp_path_factory) -> Path:
    return export.write_deck(deck_ar, tmp_path_factory.mktemp("deck_pdf") / "briefing.pdf")


def _paragraphs(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield from shape.text_frame.paragraphs


def _slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


# --------------------------------------------------------------------------
# file names, filter line, figures, table headers (no browser)
# --------------------------------------------------------------------------


def test_safe_filename_is_ascii_dated_and_tagged_with_the_language():
    assert export.safe_filename("partner_map", "ar", TODAY) == "imctc_partner-map_ar_2025-12-01"
    assert export.safe_filename("Topics by partner", "en", TODAY, ext=".PNG") == \
        "imctc_topics-by-partner_en_2025-12-01.png"
    # Arabic titles, bidi controls and characters illegal on Windows leave no trace.
    assert export.safe_filename("الدول الشريكة", "ar", TODAY) == "imctc_chart_ar_2025-12-01"
    name = export.safe_filename('a/b\\c:d*e?"f<g>|h\u2067i\u2069 Café', "en", TODAY, ext="pptx")
    assert name == "imctc_a-b-c-d-e-f-g-hi-cafe_en_2025-12-01.pptx"
    assert export.safe_filename("CON", "en", TODAY).startswith("imctc_con-chart_")
    assert export.safe_filename("x" * 300, "ar", TODAY).count("x") == 60
    for title in ("", "..", "خريطة", "map (NATO) ٢٠٢٥"):
        assert re.fullmatch(r"imctc_[a-z0-9-]+_(ar|en)_\d{4}-\d{2}-\d{2}", export.safe_filename(title, "ar"))


def test_chart_download_button_gets_a_per_chart_png_name():
    from dashboard import charts, ui

    fig = charts.monthly_bar(pd.DataFrame({"date": ["2025-11-02"]}), "ar")
    config = ui.chart_config(fig, "timeline_monthly", "ar")
    options = config["toImageButtonOptions"]
    assert options["format"] == "png" and options["scale"] == 2
    assert re.fullmatch(r"imctc_monthly-bar_ar_\d{4}-\d{2}-\d{2}", options["filename"])
    assert config["topojsonURL"] == ui.PLOTLY_CONFIG["topojsonURL"]
    assert "filename" not in ui.PLOTLY_CONFIG["toImageButtonOptions"]  # the shared config is not changed
    empty = ui.chart_config(charts.empty_figure("ar"), "topics_heatmap", "en")
    assert empty["toImageButtonOptions"]["filename"].startswith("imctc_topics-heatmap_en_")


def test_filter_line_names_every_filter_in_the_deck_language(tables_):
    meetings, meeting_topics = tables_
    assert export.describe_filters(analytics.Filters(), meetings, meeting_topics, "ar") == \
        "عوامل التصفية: لا شيء (جميع الاجتماعات)"
    assert export.describe_filters(analytics.Filters(), meetings, meeting_topics, "en") == \
        "Filters: none (all meetings)"
    filters = analytics.Filters(
        date_from=dt.date(2025, 9, 1), date_to=dt.date(2025, 11, 30), countries=("MDV", "SAU"),
        organisations=("NATO Parliamentary Assembly",), event_types=("visit_received",),
        topics=("maritime_security",), include_undated=False, include_background=True)
    ar = export.describe_filters(filters, meetings, meeting_topics, "ar")
    for part in ("من 1 سبتمبر 2025 إلى 30 نوفمبر 2025", "المالديف", "السعودية",
                 "الجمعية البرلمانية لحلف شمال الأطلسي", "زيارة للتحالف", "الأمن البحري",
                 "دون الاجتماعات غير المؤرخة", "مع احتساب موضوعات الفقرات التعريفية"):
        assert part in ar, part
    en = export.describe_filters(filters, meetings, meeting_topics, "en")
    for part in ("1 Sep 2025 to 30 Nov 2025", "Maldives", "Saudi Arabia", "NATO Parliamentary Assembly",
                 "Visit to the coalition", "Maritime", "undated meetings left out"):
        assert part.lower() in en.lower(), part
    assert not PRESENTATION_FORMS_RE.search(ar)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_deck_figures_are_the_dashboards_and_read_right(tables_, lang):
    meetings, meeting_topics = tables_
    built = export.deck_figures(meetings, meeting_topics, analytics.Filters(lang=lang), lang)
    assert [name for name, _, _ in built] == [name for name, _ in export.CHARTS]
    for name, title, fig in built:
        assert title == t(dict(export.CHARTS)[name], lang)
        assert find_layout_problems(fig) == [], name
        assert find_layout_problems(render._for_slide(fig)[0]) == [], name


def test_kaleido_is_given_local_plotly_js_no_mathjax_and_the_local_map():
    page = render._page_generator().generate_index()
    assert "http://" not in page and "https://" not in page, page
    assert "plotly.min.js" in page
    url = export.topojson_url()
    assert url.startswith("file://") and url.endswith("/")
    assert (config.static_dir() / "topojson" / "world_50m.json").is_file()


def test_export_headers_can_differ_from_the_values_language(tables_):
    meetings, _ = tables_
    arabic = tables.meetings_for_display(meetings, "ar")
    english_headers = tables.meetings_for_display(meetings, "ar", headers="en")
    assert list(arabic.columns)[:3] == ["التاريخ", "الشريك", "نوع الحدث"]
    assert list(english_headers.columns)[:3] == ["Date", "Partner", "Event type"]
    assert english_headers.iloc[:, 1].tolist() == arabic.iloc[:, 1].tolist()  # values stay Arabic


def test_cli_rejects_bad_filters_before_drawing_anything(tmp_path):
    with pytest.raises(SystemExit) as bad_country:
        main(["--output", str(tmp_path / "x.pptx"), "--country", "Maldives"])
    assert bad_country.value.code == 2
    with pytest.raises(SystemExit):
        main(["--output", str(tmp_path / "x.docx")])
    with pytest.raises(SystemExit):
        main(["--output", str(tmp_path / "x.pptx"), "--from", "2025-13-01"])
    args = _parser().parse_args(["-o", "x.pdf", "--country", "mdv,egy", "--country", "MYS",
                                        "--event", "agreement", "--no-undated", "--include-background",
                                        "--from", "2025-01-01", "--lang", "en"])
    filters = filters_from_args(args)
    assert filters.countries == ("MDV", "EGY", "MYS") and filters.event_types == ("agreement",)
    assert not filters.include_undated and filters.include_background
    assert filters.date_from == dt.date(2025, 1, 1) and filters.lang == "en"


# --------------------------------------------------------------------------
# the deck (Chromium)
# --------------------------------------------------------------------------


@needs_chromium
def test_pptx_has_one_slide_per_chart_each_with_a_sharp_png(pptx_ar):
    from PIL import Image

    assert len(pptx_ar.slides) == len(export.CHARTS)
    for slide in pptx_ar.slides:
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1
        blob = pictures[0].image.blob
        assert blob[:8] == b"\x89PNG\r\n\x1a\n"
        with Image.open(io.BytesIO(blob)) as image:
            image.verify()
        with Image.open(io.BytesIO(blob)) as image:
            assert image.format == "PNG" and image.width >= 1000, image.size
            # not blank: a chart has ink on it
            assert image.convert("L").getextrema()[0] < 128


@needs_chromium
def test_pptx_text_is_logical_order_arabic_with_rtl_paragraphs(pptx_ar):
    for slide, (_, key) in zip(pptx_ar.slides, export.CHARTS):
        text = _slide_text(slide)
        assert t(key, "ar") in text  # the title as written, not reversed or reshaped
        assert "عوامل التصفية: لا شيء (جميع الاجتماعات)" in text
        assert "تاريخ التصدير: 1 ديسمبر 2025" in text
        assert not PRESENTATION_FORMS_RE.search(text), text
        assert not re.search("[\u2066-\u2069\u200e\u200f\u061c\u202a-\u202e]", text)  # no bidi controls
    arabic = [p for p in _paragraphs(pptx_ar) if has_arabic(p.text)]
    assert arabic
    for paragraph in arabic:
        p_pr = paragraph._p.pPr
        assert p_pr is not None and p_pr.get("rtl") == "1", paragraph.text
        # Right-aligned, except the slide number, which sits at the far (left) end of the footer.
        assert p_pr.get("algn") == ("l" if paragraph.text.startswith("الشريحة") else "r"), paragraph.text
        for run in paragraph.runs:
            r_pr = run._r.rPr
            assert r_pr.get("lang") == "ar-SA"
            cs = r_pr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}cs")
            assert cs is not None and cs.get("typeface") == export.FONT_NAME
    assert pptx_ar.slide_width / pptx_ar.slide_height == pytest.approx(16 / 9, rel=0.01)


@needs_chromium
def test_pdf_has_one_page_per_chart_and_arabic_text(pdf_ar):
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_ar))
    assert len(reader.pages) == len(export.CHARTS)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert width / height == pytest.approx(16 / 9, rel=0.01)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_ar), "-"], capture_output=True,
                              text=True, check=True).stdout
    else:
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert has_arabic(text), text[:500]


@needs_chromium
def test_cli_builds_the_store_and_a_deck_filtered_to_the_maldives(tmp_path, capsys):
    from pptx import Presentation

    out = tmp_path / "briefing.pptx"
    code = main(["--output", str(out), "--lang", "en", "--country", "MDV",
                        "--data-dir", str(tmp_path / "data"), "--articles-dir", str(ROOT / "seeds")])
    assert code == 0
    assert "No store" in capsys.readouterr().err  # the pipeline ran first
    assert (tmp_path / "data" / store.DB_NAME).exists()
    prs = Presentation(str(out))
    assert len(prs.slides) == len(export.CHARTS)
    for slide in prs.slides:
        text = _slide_text(slide)
        assert "Filters: Countries: Maldives" in text, text
        assert "Number of meetings: 1" in text
    # English paragraphs are left to right
    assert all(p._p.pPr.get("rtl") == "0" for p in _paragraphs(prs))


def test_deck_bytes_for_the_download_button_with_nothing_matching(tables_, no_browser_drawing):
    """The plumbing behind the Data page's buttons, with the drawing stubbed (no browser needed)."""
    from pptx import Presentation

    drawn = no_browser_drawing
    meetings, meeting_topics = tables_
    filters = analytics.Filters(countries=("ZZZ",), lang="ar")  # nothing matches: still a full deck
    prs = Presentation(io.BytesIO(export.deck_bytes(meetings, meeting_topics, filters, "ar", "pptx")))
    assert len(prs.slides) == len(drawn) == len(export.CHARTS)
    assert "عدد الاجتماعات: 0" in _slide_text(prs.slides[0])
    assert all(find_layout_problems(fig) == [] for fig in drawn)
    html = export.deck_html(export.render_deck(meetings, meeting_topics, filters, "ar", today=TODAY))
    assert '<html lang="ar" dir="rtl">' in html and "<bdi>ZZZ</bdi>" in html
    assert "http://" not in html and "https://" not in html
