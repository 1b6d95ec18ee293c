"""The partner briefing pack (dashboard/export/partner.py): the record it gathers, its slides, the PowerPoint
and PDF it writes, and the command line's ``--partner``.

The store is built once per module from the seeds. The Maldives (MDV) has one meeting there, on
2025-11-23, with إبراهيم حلمي. Paging is tested on a copy of the tables where the Maldives has thirty
meetings. Tests that draw charts need Chromium (skipped without it unless ``CI`` is set); the others
draw nothing (``render.render_pngs`` is stubbed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import analytics, export, loading
from dashboard.export.__main__ import main
from dashboard.i18n import t
from dashboard.preprocess import pipeline
from dashboard.rtl import PRESENTATION_FORMS_RE, has_arabic

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
TODAY = dt.date(2025, 12, 1)
MALDIVES = analytics.Partner("country", "MDV")
VISITOR = "إبراهيم حلمي"
BIDI_CONTROLS = re.compile("[\u2066-\u2069\u200e\u200f\u061c\u202a-\u202e]")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("CI", "").strip().lower() in ("", "0", "false", "no")
    and not os.environ.get("BROWSER_PATH"),
    reason="needs Chromium at /usr/bin/chromium (set CI to make this a failure)",
)


# --------------------------------------------------------------------------
# fixtures and helpers
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("brief_data")
    pipeline.run(SEEDS, folder, progress_stream=None)
    return folder


@pytest.fixture(scope="module")
def seeds(store_dir) -> loading.LoadedTables:
    return loading.load_tables(store_dir)


def _many_maldives_meetings(tables: loading.LoadedTables, n: int) -> loading.LoadedTables:
    """The tables with the Maldives' one event replaced by ``n``, nine days apart from 2025-11-20 backwards,
    with three counterparts in turn and an agreement every fifth meeting (each with its sentence)."""
    events = tables.events
    is_mdv = (events["partner_country_iso3"] == "MDV").to_numpy()
    model = events[is_mdv].iloc[0]
    ids = [f"mdv{i:02d}-m1" for i in range(n)]
    people = ("إبراهيم حلمي", "محمد غسان مأمون", "عبد الله شهيم")
    new = pd.DataFrame([model] * n).reset_index(drop=True).assign(
        meeting_id=ids, event_id=["e-" + i for i in ids],
        date=pd.date_range("2025-11-20", periods=n, freq="-9D").strftime("%Y-%m-%d"), date_basis="explicit",
        visitor_name_ar=[people[i % 3] for i in range(n)],
        event_type=["agreement" if i % 5 == 0 else "visit_received" for i in range(n)])
    topics = tables.event_topics
    model_topics = topics[topics["meeting_id"] == model["meeting_id"]]
    new_topics = pd.concat([model_topics.assign(meeting_id=i) for i in ids], ignore_index=True)
    reports = tables.meetings
    model_report = reports[reports["meeting_id"] == model["meeting_id"]].iloc[0]
    new_reports = pd.DataFrame([model_report] * n).reset_index(drop=True).assign(
        meeting_id=ids, event_id=["e-" + i for i in ids], date=new["date"], date_basis="explicit")
    signed = [i for k, i in enumerate(ids) if k % 5 == 0]
    evidence = pd.DataFrame({"meeting_id": signed, "field": "event_type", "value": "وقّع",
                             "start": 0, "end": 4, "sentence": [f"وقّع الجانبان مذكرة تفاهم رقم {k}."
                                                                 for k in range(len(signed))]})
    return dataclasses.replace(
        tables,
        events=pd.concat([events[~is_mdv], new], ignore_index=True),
        event_topics=pd.concat([topics[topics["meeting_id"] != model["meeting_id"]], new_topics], ignore_index=True),
        meetings=pd.concat([reports, new_reports], ignore_index=True),
        evidence=pd.concat([tables.evidence, evidence], ignore_index=True),
    )


def _pptx(deck: export.Deck, folder: Path):
    from pptx import Presentation

    return Presentation(str(export.write_deck(deck, folder / "brief.pptx")))


def _paragraphs(prs):
    """Every paragraph of every text box and table cell."""
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield from shape.text_frame.paragraphs
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        yield from cell.text_frame.paragraphs


def _tables(prs):
    return [shape.table for slide in prs.slides for shape in slide.shapes if shape.has_table]


def _all_text(prs) -> str:
    return "\n".join(p.text for p in _paragraphs(prs))


# --------------------------------------------------------------------------
# the record (pure)
# --------------------------------------------------------------------------


def test_the_maldives_record_is_what_the_partner_page_shows(seeds):
    brief = export.partner_brief(seeds, analytics.Filters(), MALDIVES, "ar")
    assert brief.name == "المالديف"
    assert brief.headline | {"types": None} == {
        "meetings": 1, "dated": 1, "undated": 0, "first_date": "2025-11-23", "last_date": "2025-11-23",
        "types": None, "last_agreement": ""}
    assert brief.headline["types"] == {"visit_received": 1}
    assert brief.history[["date", "counterpart_name"]].values.tolist() == [["2025-11-23", VISITOR]]
    assert brief.people["name"].tolist() == [VISITOR]
    assert brief.people["dates"].tolist() == ["2025-11-23"]
    assert brief.agreements.empty
    assert brief.sources["file"].tolist() == ["000_6aeaa9831898bf53.txt"]
    assert "maritime_security" in brief.comparison["topic_id"].tolist()
    assert brief.filter_line == "عوامل التصفية: لا شيء (جميع الاجتماعات)"


def test_the_record_ignores_the_selections_own_partner_and_keeps_its_other_filters(seeds):
    """The page's filters name the partner (``?country=MDV``): the filter line names the others only."""
    page_filters = analytics.Filters(countries=("MDV",), date_from=dt.date(2025, 11, 1), lang="en")
    brief = export.partner_brief(seeds, page_filters, MALDIVES, "en")
    assert brief.headline["meetings"] == 1 and brief.name == "Maldives"
    assert "Maldives" not in brief.filter_line and "1 Nov 2025" in brief.filter_line
    later = export.partner_brief(seeds, dataclasses.replace(page_filters, date_from=dt.date(2025, 12, 1)),
                                 MALDIVES, "en")
    assert later.headline["meetings"] == 0 and later.history.empty


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_slides_of_the_maldives(seeds, lang):
    brief = export.partner_brief(seeds, analytics.Filters(lang=lang), MALDIVES, lang)
    planned = export.brief_slides(brief)
    names = [content.name for content, _ in planned]
    # one dated meeting: no counterparts-over-time chart
    assert names == ["headline", "history_1", "people_1", "topic_comparison", "agreements", "sources_1"]
    by_name = {content.name: (content, fig) for content, fig in planned}
    headline = by_name["headline"][0]
    first = "23 نوفمبر 2025" if lang == "ar" else "23 Nov 2025"
    assert headline.title == t("brief_title", lang, name=brief.name)
    assert f"{t('metric_meetings', lang)}: 1" in headline.lines
    assert f"{t('metric_first_meeting', lang)}: {first}" in headline.lines
    assert f"{t('metric_last_agreement', lang)}: —" in headline.lines
    assert any(VISITOR in line for line in headline.lines)
    history = by_name["history_1"][0].table
    assert history.header[0] == t("col_date", lang)  # reading order: the date first
    assert len(history.header) == len(history.widths) and all(len(row) == len(history.header) for row in history.rows)
    assert history.rows[0][0].startswith(first) and VISITOR in history.rows[0]
    assert by_name["people_1"][0].table.rows[0][0] == VISITOR
    assert by_name["agreements"][0].lines == (t("partner_no_agreements", lang),)
    assert by_name["sources_1"][0].table.rows[0][3] == "000_6aeaa9831898bf53.txt"
    figure = by_name["topic_comparison"][1]
    assert [trace.type for trace in figure.data] == ["bar", "bar"]
    for content, _ in planned:
        text = " ".join([content.title, *content.lines, *(content.table.header if content.table else ()),
                         *(cell for row in (content.table.rows if content.table else ()) for cell in row)])
        assert not PRESENTATION_FORMS_RE.search(text), content.name


def test_a_long_history_is_paged_newest_first_and_capped(seeds):
    many = _many_maldives_meetings(seeds, 30)
    brief = export.partner_brief(many, analytics.Filters(), MALDIVES, "ar")
    assert brief.headline["meetings"] == 30 and brief.headline["last_agreement"] == "2025-11-20"
    planned = export.brief_slides(brief)
    history = [c for c, _ in planned if c.name.startswith("history")]
    rows, pages = export.partner.HISTORY_ROWS, export.partner.HISTORY_SLIDES
    assert len(history) == pages and [len(c.table.rows) for c in history] == [rows] * pages
    assert history[0].title == f"{t('partner_history', 'ar')} (30) · {t('brief_part', 'ar', n=1, total=pages)}"
    assert history[0].table.rows[0][0] == "20 نوفمبر 2025"  # newest first; a stated date has no note
    assert history[-1].lines == (t("partner_history_more", "ar", n=30 - rows * pages),)
    assert all(not c.lines for c in history[:-1])
    people = [c for c, _ in planned if re.fullmatch(r"people_\d", c.name)]
    assert len(people) == 1 and len(people[0].table.rows) == 3
    assert people[0].table.rows[0][0] == "إبراهيم حلمي"  # met most recently
    assert people[0].table.rows[0][3].endswith("…")  # ten dates: the newest six, then an ellipsis
    agreements = [c for c, _ in planned if c.name.startswith("agreements")]
    assert [len(c.table.rows) for c in agreements] == [4, 2]
    assert agreements[0].table.rows[0][2] == "وقّع الجانبان مذكرة تفاهم رقم 0."
    assert "people_timeline" in [c.name for c, _ in planned]  # many dated meetings: the chart is there
    sources = [c for c, _ in planned if c.name.startswith("sources")]
    assert len(sources) == 2 and sources[-1].lines == (t("brief_sources_more", "ar", n=30 - 18),)


@pytest.fixture(scope="module")
def copied_story(tmp_path_factory) -> Path:
    """The seeds plus a wire copy of the Maldives story, run through the pipeline: two reports, one event."""
    folder = tmp_path_factory.mktemp("copied")
    articles = folder / "articles"
    shutil.copytree(SEEDS, articles)
    text = (SEEDS / "000_6aeaa9831898bf53.txt").read_text(encoding="utf-8")
    (articles / "wire_copy_maldives.txt").write_text("الرياض (واس)\n\n" + text + "\n\nاقرأ أيضاً\nشارك الخبر\n",
                                                     encoding="utf-8")
    pipeline.run(articles, folder / "data", progress_stream=None)
    return folder


def test_the_record_counts_events_or_reports_as_the_switch_says(copied_story):
    tables = loading.load_tables(copied_story / "data")
    events = export.partner_brief(tables, analytics.Filters(), MALDIVES, "en")
    assert events.headline["meetings"] == 1 and events.history["reports"].tolist() == [2]
    assert len(events.sources) == 2  # both reports are the meeting's sources
    reports = export.partner_brief(tables, analytics.Filters(count="reports"), MALDIVES, "en")
    assert reports.headline["meetings"] == 2


# --------------------------------------------------------------------------
# PowerPoint and HTML (drawing stubbed)
# --------------------------------------------------------------------------


def test_arabic_pptx_is_logical_order_right_to_left_with_mirrored_tables(seeds, no_browser_drawing, tmp_path):
    deck = export.render_partner_deck(_many_maldives_meetings(seeds, 12), analytics.Filters(), MALDIVES, "ar",
                                      today=TODAY)
    prs = _pptx(deck, tmp_path)
    assert len(prs.slides) == len(deck.slides)
    assert len(no_browser_drawing) == 2  # topics, counterparts over time
    text = _all_text(prs)
    assert VISITOR in text and "ملف الإحاطة: المالديف" in text
    assert not PRESENTATION_FORMS_RE.search(text) and not BIDI_CONTROLS.search(text)
    arabic = [p for p in _paragraphs(prs) if has_arabic(p.text)]
    assert arabic
    for paragraph in arabic:
        p_pr = paragraph._p.pPr
        assert p_pr.get("rtl") == "1", paragraph.text
        assert p_pr.get("algn") == ("l" if paragraph.text.startswith("الشريحة") else "r"), paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr.get("lang") == "ar-SA"
            assert run._r.rPr.find(f"{A}cs").get("typeface") == export.FONT_NAME
    grids = _tables(prs)
    assert grids
    for grid in grids:
        assert grid._tbl.tblPr.get("rtl") == "1"  # PowerPoint puts the first column on the right
    history = grids[0]
    assert history.cell(0, 0).text == "التاريخ" and history.cell(1, 0).text == "20 نوفمبر 2025"
    assert VISITOR in [history.cell(1, c).text for c in range(len(history.columns))]
    # the footer counts the partner's meetings
    assert "عدد الاجتماعات: 12" in text and "تاريخ التصدير: 1 ديسمبر 2025" in text


def test_english_pptx_is_left_to_right_and_arabic_values_keep_their_direction(seeds, no_browser_drawing, tmp_path):
    deck = export.render_partner_deck(seeds, analytics.Filters(lang="en"), MALDIVES, "en", today=TODAY)
    prs = _pptx(deck, tmp_path)
    text = _all_text(prs)
    assert "Briefing pack: Maldives" in text and "First meeting: 23 Nov 2025" in text
    for grid in _tables(prs):
        assert grid._tbl.tblPr.get("rtl") == "0"
    for paragraph in _paragraphs(prs):
        p_pr = paragraph._p.pPr
        if not has_arabic(paragraph.text):
            assert p_pr.get("rtl") in (None, "0"), paragraph.text
        # Everything reads from the left, Arabic data (a name, a title) included; only the slide number
        # sits at the far end of the footer.
        if not re.fullmatch(r"Slide \d+ of \d+", paragraph.text):
            assert p_pr.get("algn") in (None, "l"), paragraph.text
    names = [p for p in _paragraphs(prs) if p.text == VISITOR]
    assert names and all(p._p.pPr.get("rtl") == "1" and p._p.pPr.get("algn") == "l" for p in names)


def test_sources_with_a_url_are_left_to_right_paragraphs_in_an_arabic_deck(seeds, no_browser_drawing, tmp_path):
    malaysia = analytics.Partner("country", "MYS")
    deck = export.render_partner_deck(seeds, analytics.Filters(), malaysia, "ar", today=TODAY)
    prs = _pptx(deck, tmp_path)
    urls = [p for p in _paragraphs(prs) if p.text.startswith("https://")]
    assert urls, _all_text(prs)
    assert all(p._p.pPr.get("rtl") == "0" and p._p.pPr.get("algn") == "r" for p in urls)


def test_the_pdf_page_is_right_to_left_html_with_escaped_cells(seeds, no_browser_drawing):
    deck = export.render_partner_deck(seeds, analytics.Filters(), MALDIVES, "ar", today=TODAY)
    html = export.deck_html(deck)
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<td dir="auto">{VISITOR}</td>' in html
    assert "<th dir=\"auto\">التاريخ</th>" in html and html.count("<section") == len(deck.slides)
    assert "http://" not in html and "https://" not in html  # the seed's Maldives report has no URL
    assert not PRESENTATION_FORMS_RE.search(html)


def test_partner_deck_bytes_for_the_download_buttons(seeds, no_browser_drawing):
    from pptx import Presentation

    prs = Presentation(io.BytesIO(export.partner_deck_bytes(seeds, analytics.Filters(countries=("MDV",)), MALDIVES,
                                                            "ar", "pptx")))
    assert len(prs.slides) == 6 and VISITOR in _all_text(prs)


# --------------------------------------------------------------------------
# Chromium: the PDF, and the command line
# --------------------------------------------------------------------------


@needs_chromium
def test_the_pdf_has_one_16_9_page_per_slide_with_arabic_text(seeds, tmp_path):
    from pypdf import PdfReader

    out = export.build_partner_deck(seeds, analytics.Filters(), MALDIVES, "ar", tmp_path / "brief.pdf", today=TODAY)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 6
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    assert has_arabic("\n".join(page.extract_text() or "" for page in reader.pages))


@needs_chromium
@pytest.mark.parametrize("query, out_name", [("Maldives", "brief.pptx"), ("المالديف", "brief.pptx"),
                                             ("MDV", "brief.pdf")])
def test_cli_partner_by_name_in_either_language_or_by_code(store_dir, tmp_path, capsys, query, out_name):
    out = tmp_path / out_name
    assert main(["--partner", query, "--output", str(out), "--data-dir", str(store_dir)]) == 0
    assert out.is_file() and out.stat().st_size > 10_000
    assert "briefing pack of country MDV" in capsys.readouterr().out
    if out.suffix == ".pptx":
        from pptx import Presentation

        assert VISITOR in _all_text(Presentation(str(out)))


@pytest.mark.parametrize("argv, message", [
    (["--partner", "Narnia"], "no partner matches 'Narnia'"),
    (["--partner", "MDV", "--from", "2025-12-01"], "has no meetings under these filters"),
])
def test_cli_partner_that_is_not_there_exits_2_and_says_why(store_dir, tmp_path, capsys, argv, message):
    out = tmp_path / "brief.pptx"
    assert main([*argv, "--output", str(out), "--data-dir", str(store_dir)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_partner_with_a_country_filter_is_a_usage_error(store_dir, tmp_path):
    with pytest.raises(SystemExit) as error:
        main(["--partner", "MDV", "--country", "EGY", "--output", str(tmp_path / "b.pptx"),
              "--data-dir", str(store_dir)])
    assert error.value.code == 2


@pytest.mark.parametrize("count, meetings", [("events", 1), ("reports", 2)])
def test_cli_deck_counts_events_like_the_dashboard(copied_story, tmp_path, monkeypatch, no_browser_drawing,
                                                   count, meetings):
    """Two reports of one Maldives meeting: the overview deck counts one meeting, or two in the reports view."""
    from pptx import Presentation

    monkeypatch.setattr("dashboard.export.__main__.chromium_path", lambda: str(CHROMIUM))
    out = tmp_path / "deck.pptx"
    assert main(["--output", str(out), "--lang", "en", "--country", "MDV", "--count", count,
                 "--data-dir", str(copied_story / "data")]) == 0
    text = "\n".join(shape.text_frame.text for shape in Presentation(str(out)).slides[0].shapes
                     if shape.has_text_frame)
    assert f"Number of meetings: {meetings}" in text


def test_the_comparison_slide_keeps_the_topics_that_differ_most():
    comparison = pd.DataFrame({"topic_id": [f"t{i}" for i in range(14)], "topic": [f"T{i}" for i in range(14)],
                               "partner_meetings": 1, "partner_share": 0.5,
                               "others_share": [0.5 - d for d in (0.4, 0.3, 0.2, 0.1, 0.05, 0.01, 0, 0, -0.01,
                                                                  -0.05, -0.1, -0.2, -0.3, -0.45)]})
    comparison["difference"] = comparison["partner_share"] - comparison["others_share"]
    kept = export.partner._most_different(comparison, limit=6)
    # The three most raised with the partner and the three most raised with the others, in order.
    assert kept["topic_id"].tolist() == ["t0", "t1", "t2", "t11", "t12", "t13"]
    assert export.partner._most_different(comparison.head(5), limit=6)["topic_id"].tolist() == ["t0", "t1", "t2", "t3", "t4"]


def test_an_arabic_deck_reads_a_cell_with_any_arabic_from_the_right(tmp_path):
    table = export.deck.SlideTable(("المنظمة", "الرابط"), (("NATO الجمعية البرلمانية", "https://www.nato-pa.int/"),),
                                   (1.0, 1.0))
    deck = export.Deck(lang="ar", app_title="لوحة", filter_line="", filter_parts=(), footer="",
                       slides=(export.SlideContent("t", "جدول", table=table),), export_date=TODAY)
    cells = {p.text: p._p.pPr.get("rtl") for p in _paragraphs(_pptx(deck, tmp_path))}
    assert cells["NATO الجمعية البرلمانية"] == "1"  # a Latin word first, Arabic after: still right to left
    assert cells["https://www.nato-pa.int/"] == "0"
