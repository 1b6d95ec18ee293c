"""Tables for people: readable columns in Arabic or English, and CSV/Excel bytes for download.

Pure pandas. Exported files carry no bidi control characters (they are for
display only) and CSV starts with a BOM so that Excel reads Arabic correctly.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import pandas as pd

from dashboard import analytics, i18n
from dashboard.i18n import t
from dashboard.rtl import FSI, PDI, strip_bidi_controls_frame

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


def meetings_for_display(meetings: pd.DataFrame, lang: str, headers: str | None = None,
                         links: analytics.Filters | None = None) -> pd.DataFrame:
    """Meetings with translated values and headers, newest first, undated last.

    Args:
        meetings: the meetings table.
        lang: language of the values (partner names, event types, date bases).
        headers: language of the column headers (default ``lang``): a download
            may want English headers on an Arabic view, or the reverse.
        links: the current filters, to add a "profile" column linking each
            meeting's partner profile (on screen; downloads leave it out).
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
    if links is not None:
        shown = shown.assign(profile=analytics.profile_links(shown, links).to_numpy())
        columns = {"date": "col_date", "partner": "col_partner", "profile": "col_profile"} | columns
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


def sources_url(article_id: str, filters: analytics.Filters) -> str:
    """A relative link to one report on the Sources page (with the other reports of its meeting)."""
    query = analytics.filters_to_query(analytics.without_partner(filters)) | {"article": article_id}
    return f"articles?{urlencode(query)}"


def history_for_display(history: pd.DataFrame, lang: str, filters: analytics.Filters | None = None) -> pd.DataFrame:
    """A partner's meetings as the profile lists them: date with its basis, type, counterpart, the
    coalition's side, place, topics, reports and outlets, and (with ``filters``) a link to the sources."""
    basis = history["date_basis"].map(lambda code: i18n.date_basis_label(code, lang))
    date = i18n.date_labels(history["date"], lang)
    shown = pd.DataFrame({
        "date": date.where(history["date"] != "", t("undated", lang)),
        "date_basis": basis,
        "event_type": history["event_type"].map(lambda code: i18n.event_type_label(code, lang)),
        "counterpart": history["counterpart_name"].where(history["counterpart_name"] != "", t("name_not_given", lang)),
        "counterpart_title": history["counterpart_title"],
        "coalition_side": name_and_title(history["coalition_name"], history["coalition_title"]),
        "location": history["location"],
        "topics": history["topics"],
        "reports": history["reports"],
        "outlets": history["outlets"],
        "needs_review": history["needs_review"].map({True: t("yes", lang), False: ""}).fillna(""),
    })
    # What a briefing reads first comes first (the reading start: the right in Arabic); the link to the
    # sources stays in view, before the wide columns.
    columns = {"date": "col_date", "event_type": "col_event_type", "counterpart": "col_counterpart",
               "counterpart_title": "col_counterpart_title", "sources": "col_sources", "topics": "col_topics",
               "location": "col_location", "coalition_side": "col_coalition_side", "reports": "col_reports",
               "outlets": "col_outlets", "needs_review": "col_needs_review", "date_basis": "col_date_basis"}
    if filters is None:
        del columns["sources"]
    else:
        shown["sources"] = [sources_url(a, filters) if a else "" for a in history["article_id"]]
    return shown[list(columns)].rename(columns={c: t(key, lang) for c, key in columns.items()}).reset_index(drop=True)


def name_and_title(name: pd.Series, title: pd.Series) -> pd.Series:
    """"name، title", or whichever of the two is given ("" when neither)."""
    both = (name != "") & (title != "")
    return (name + "، " + title).where(both, name.where(name != "", title))


def people_for_display(people: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The counterparts met, with their spellings, titles and dates met."""
    shown = people.assign(
        name=people["name"].where(people["name"] != "", t("name_not_given", lang)),
        first_date=i18n.date_labels(people["first_date"], lang).where(people["first_date"] != "", "—"),
        last_date=i18n.date_labels(people["last_date"], lang).where(people["last_date"] != "", "—"),
    )
    columns = {"name": "col_name", "title": "col_counterpart_title", "meetings": "col_meetings",
               "first_date": "col_first_met", "last_date": "col_last_met", "variants": "col_variants",
               "titles": "col_titles", "dates": "col_dates_met"}
    return shown[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()}).reset_index(drop=True)


def agreements_for_display(agreements: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What was signed: date, counterpart and the sentence that says so."""
    shown = pd.DataFrame({
        "date": i18n.date_labels(agreements["date"], lang).where(agreements["date"] != "", t("undated", lang)),
        "counterpart": name_and_title(agreements["counterpart_name"], agreements["counterpart_title"]),
        "sentence": agreements["sentence"],
    })
    columns = {"date": "col_date", "counterpart": "col_counterpart", "sentence": "col_evidence"}
    return shown.rename(columns={c: t(k, lang) for c, k in columns.items()}).reset_index(drop=True)


def related_for_display(related: pd.DataFrame, lang: str, filters: analytics.Filters | None = None) -> pd.DataFrame:
    """Partners met in the same period on the same topics, with (given ``filters``) a link to each profile."""
    shown = pd.DataFrame({
        "partner": related["name"], "meetings": related["meetings"], "topics": related["topics"],
        "last_date": i18n.date_labels(related["last_date"], lang),
    })
    columns = {"partner": "col_partner", "meetings": "col_related_meetings", "topics": "col_shared_topics",
               "last_date": "col_last_date"}
    if filters is not None:
        shown["profile"] = [analytics.profile_url(analytics.Partner(k, key), filters)
                            for k, key in zip(related["kind"], related["key"])]
        columns["profile"] = "col_profile"
    return shown.rename(columns={c: t(k, lang) for c, k in columns.items()}).reset_index(drop=True)


def partner_options(directory: pd.DataFrame) -> list[str]:
    """The partner picker's labels: both names and the country code, each isolated so that a name in
    the other script keeps its place in the line, then the number of meetings ("Maldives · المالديف ·
    MDV (1)"). The picker filters on this text, so a partner is found by any of the three."""
    labels = []
    for kind, key, first, second, meetings in zip(directory["kind"], directory["key"], directory["name"],
                                                  _other_name(directory), directory["meetings"]):
        parts = [p for p in dict.fromkeys((first, second, key if kind == "country" else "")) if p]
        labels.append(" · ".join(f"{FSI}{p}{PDI}" for p in parts) + f" ({meetings})")
    return labels


def _other_name(directory: pd.DataFrame) -> pd.Series:
    """Each partner's name in the other language than ``name`` ("" when it has none)."""
    other = directory["name_en"].where(directory["name"] == directory["name_ar"], directory["name_ar"])
    return other.astype("string").fillna("")


def partners_for_display(directory: pd.DataFrame, lang: str, filters: analytics.Filters) -> pd.DataFrame:
    """Every partner of the selection (``analytics.partner_directory``) with a link to its profile."""
    shown = pd.DataFrame({
        "partner": directory["label"], "meetings": directory["meetings"],
        "last_date": i18n.date_labels(directory["last_date"], lang),
        "profile": [analytics.profile_url(analytics.Partner(k, key), filters)
                    for k, key in zip(directory["kind"], directory["key"])],
    })
    columns = {"partner": "col_partner", "meetings": "col_meetings", "last_date": "col_last_date",
               "profile": "col_profile"}
    return shown.rename(columns={c: t(k, lang) for c, k in columns.items()}).reset_index(drop=True)


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
