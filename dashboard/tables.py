"""Tables for people: readable columns in Arabic or English, and CSV/Excel bytes for download.

Pure pandas. Exported files carry no bidi control characters (they are for
display only) and CSV starts with a BOM so that Excel reads Arabic correctly.
"""

from __future__ import annotations

import io

import pandas as pd

from dashboard import analytics, i18n
from dashboard.i18n import t
from dashboard.rtl import strip_bidi_controls_frame

# meetings column -> i18n key of its header, in display order.
MEETING_COLUMNS = {
    "date": "col_date",
    "partner": "col_partner",
    "event_type": "col_event_type",
    "visitor_name_ar": "col_visitor",
    "visitor_title_ar": "col_visitor_title",
    "host_name_ar": "col_host",
    "location_ar": "col_location",
    "date_basis": "col_date_basis",
    "date_text": "col_date_text",
    "review_reasons": "col_review_reasons",
    "meeting_id": "col_meeting_id",
}


def topic_names(meeting_topics: pd.DataFrame, lang: str) -> dict[str, str]:
    """Topic id -> its label in ``lang``."""
    rows = meeting_topics.drop_duplicates("topic_id")
    return dict(zip(rows["topic_id"], rows["topic_ar" if lang == "ar" else "topic_en"].fillna(rows["topic_id"])))


def meetings_for_display(meetings: pd.DataFrame, lang: str, headers: str | None = None) -> pd.DataFrame:
    """Meetings with translated values and headers, newest first, undated last.

    Args:
        meetings: the meetings table.
        lang: language of the values (partner names, event types, date bases).
        headers: language of the column headers (default ``lang``): a download
            may want English headers on an Arabic view, or the reverse.
    """
    headers = headers or lang
    shown = analytics.newest_first(meetings)
    shown = shown.assign(
        partner=analytics.partner_labels(shown, lang, with_organisation=True),
        event_type=shown["event_type"].map(lambda code: i18n.event_type_label(code, lang)),
        date_basis=shown["date_basis"].map(lambda code: i18n.date_basis_label(code, lang)),
    )
    # Counted as events: how many reports and outlets each one had.
    columns = dict(MEETING_COLUMNS) | {c: f"col_{c}" for c in ("reports", "outlets") if c in shown.columns}
    shown = shown[list(columns)]
    return shown.rename(columns={c: t(key, headers) for c, key in columns.items()}).reset_index(drop=True)


def event_reports_for_display(reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reports of one event side by side: where and when each appeared, and what each says."""
    shown = reports.assign(
        partner=analytics.partner_labels(reports, lang, with_organisation=True),
        event_type=reports["event_type"].map(lambda code: i18n.event_type_label(code, lang)),
        date_basis=reports["date_basis"].map(lambda code: i18n.date_basis_label(code, lang)),
    )
    columns = {"outlet": "col_outlet", "published_date": "col_published", "file": "col_article",
               "date": "col_date", "date_basis": "col_date_basis", "partner": "col_partner",
               "event_type": "col_event_type", "visitor_name_ar": "col_visitor", "visitor_title_ar": "col_visitor_title"}
    shown = shown[list(columns)]
    return shown.rename(columns={c: t(key, lang) for c, key in columns.items()}).reset_index(drop=True)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (Excel needs it to read Arabic), bidi controls removed."""
    return strip_bidi_controls_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def excel_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per table, bidi controls removed."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in frames.items():
            strip_bidi_controls_frame(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()
