"""The partner briefing pack: one partner's record as a short deck, for "they arrive on Sunday".

Three steps, the first two pure:

* ``partner_brief`` gathers the record exactly as the partner page does: the
  counted rows (events, or reports in the reports view: ``loading.counted_tables``),
  every partner under the other filters (``analytics.without_partner``), the
  partner's rows among them (``analytics.partner_rows``), then the profile's
  headline, history, people, topic comparison, agreements and sources.
* ``brief_slides`` turns it into slides: the headline as text, the history,
  people, agreements and sources as native tables (a few rows a slide, a few
  slides at most, then a line saying how many more the dashboard lists), and
  the topic comparison (and, with two dated meetings or more, the counterparts
  over time) as the dashboard's own figures, still to be drawn.
* ``render_partner_deck`` draws the figures (``render.render_pngs``) and
  returns a ``Deck`` for ``write.write_deck``.

Text stays in logical order, as everywhere in the export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from dashboard import analytics, charts, i18n, loading, tables
from dashboard.export import render
from dashboard.export.deck import Deck, SlideContent, SlideTable
from dashboard.export.wording import describe_filters, filter_parts, list_sep
from dashboard.i18n import t

__all__ = ["HISTORY_ROWS", "HISTORY_SLIDES", "PartnerBrief", "comparison_base", "partner_brief", "brief_slides",
           "render_partner_deck"]

#: Meetings a history slide lists, and how many history slides at most (the rest are on the dashboard).
HISTORY_ROWS, HISTORY_SLIDES = 7, 3
PEOPLE_ROWS, PEOPLE_SLIDES = 8, 2
AGREEMENT_ROWS, AGREEMENT_SLIDES = 4, 2
SOURCE_ROWS, SOURCE_SLIDES = 9, 2
#: Longest text of a cell, in characters (a slide is not a page: the dashboard has the rest).
TOPICS_CHARS, TITLE_CHARS, PLACE_CHARS, SENTENCE_CHARS, DATES_SHOWN = 80, 70, 55, 330, 6
NONE = "—"
#: Topics on the comparison slide: those that differ most from the other partners.
COMPARISON_TOPICS = 10
#: The dashboard's chart font size, px, for which the charts measure their labels (``charts.style._label_px``).
SCREEN_FONT_SIZE = 13
#: Room under a time axis for month names that plotly tilts when they do not fit side by side, px.
TILTED_TICKS_PX = 100


@dataclass(frozen=True)
class PartnerBrief:
    """One partner's record under a selection, as the partner page shows it (plain frames and text).

    ``history``, ``people``, ``comparison``, ``agreements`` and ``sources`` are the frames of
    ``analytics.partner_history``, ``partner_people``, ``topic_comparison``, ``partner_agreements``
    and ``history_sources``; ``headline`` is ``partner_headline``. ``filter_line`` and
    ``filter_parts`` describe the other filters (the partner is in the title).
    """

    partner: analytics.Partner
    name: str
    lang: str
    headline: dict
    history: pd.DataFrame
    people: pd.DataFrame
    comparison: pd.DataFrame
    agreements: pd.DataFrame
    sources: pd.DataFrame
    filter_line: str
    filter_parts: tuple[tuple[str, tuple[str, ...]], ...]


def comparison_base(tables_: loading.LoadedTables, filters: analytics.Filters
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``analytics.every_partner`` of the counted rows (events, or reports in the reports view): what the
    partner page lists in its picker and compares a partner with."""
    return analytics.every_partner(*loading.counted_tables(tables_, filters), filters)


def partner_brief(tables_: loading.LoadedTables, filters: analytics.Filters, partner: analytics.Partner,
                  lang: str = "ar") -> PartnerBrief:
    """Gather ``partner``'s record under ``filters`` (whose own country or organisation is ignored).

    Args:
        tables_: the loaded tables (``loading.load_tables``; the dashboard's dataset is one).
        filters: the sidebar's selection.
        partner: whose record.
        lang: ``"ar"`` or ``"en"``: names, topic labels and the filter line.
    """
    lang = _lang(lang)
    meetings, topics_all = loading.counted_tables(tables_, filters)
    base, base_topics = comparison_base(tables_, filters)
    rows, topics = analytics.partner_rows(base, base_topics, partner)
    history = analytics.partner_history(rows, topics, lang, partner)
    others = analytics.without_partner(filters)
    return PartnerBrief(
        partner=partner,
        name=analytics.partner_name(partner, analytics.partner_directory(base, lang), lang),
        lang=lang,
        headline=analytics.partner_headline(rows),
        history=history,
        people=analytics.partner_people(history),
        comparison=analytics.topic_comparison(rows, topics, base, base_topics, lang),
        agreements=analytics.partner_agreements(history, tables_.evidence),
        sources=analytics.history_sources(history, tables_.meetings, tables_.articles),
        filter_line=describe_filters(others, meetings, topics_all, lang),
        filter_parts=tuple(filter_parts(others, meetings, topics_all, lang)),
    )


def _lang(lang: str) -> str:
    return "en" if str(lang).lower().startswith("en") else "ar"


def _clip(values: pd.Series, limit: int) -> pd.Series:
    """Text cut to ``limit`` characters at a word boundary, with an ellipsis ("" for missing)."""
    values = values.astype("string").fillna("")
    cut = values.str.slice(0, limit).str.replace(r"\s+\S*$", "", regex=True).str.rstrip("،,;:.-– ") + "…"
    return cut.where(values.str.len() > limit, values)


def _or_none(values: pd.Series) -> pd.Series:
    values = values.astype("string").fillna("")
    return values.where(values.str.strip() != "", NONE)


def _when(date: str, lang: str) -> str:
    return i18n.date_label(date, lang) if date else NONE


def _date_lists(dates: pd.Series, lang: str) -> pd.Series:
    """``"2025-11-23; 2025-01-02"`` -> ``"23 نوفمبر 2025، 2 يناير 2025"`` (the newest few, then "…")."""
    parts = dates.astype("string").fillna("").str.split("; ").explode()
    parts = parts[parts.fillna("") != ""]
    if parts.empty:
        return pd.Series(NONE, index=dates.index, dtype="string")
    rank = parts.groupby(level=0).cumcount()
    labels = i18n.date_labels(parts[rank < DATES_SHOWN], lang)
    joined = labels.groupby(level=0).agg(list_sep(lang).join)
    over = rank.groupby(level=0).max() >= DATES_SHOWN
    joined = joined.where(~over.reindex(joined.index, fill_value=False), joined + list_sep(lang) + "…")
    return joined.reindex(dates.index).fillna(NONE).astype("string")


def _table(frame: pd.DataFrame, columns: dict[str, float], lang: str) -> tuple[tuple[str, ...], list[tuple]]:
    """(header, rows) of ``frame``'s columns named by their i18n keys (``{key: relative width}``)."""
    header = tuple(t(key, lang) for key in columns)
    values = frame[list(header)].astype("string").fillna("")
    return header, list(values.itertuples(index=False, name=None))


def _paged(name: str, title: str, header: tuple[str, ...], rows: list[tuple], widths: tuple[float, ...],
           per_slide: int, max_slides: int, more: str, lang: str) -> list[SlideContent]:
    """Table slides of ``per_slide`` rows, at most ``max_slides``; the last says how many rows are left out
    (``more`` is an i18n key with ``{n}``)."""
    shown = rows[: per_slide * max_slides]
    chunks = [shown[i:i + per_slide] for i in range(0, len(shown), per_slide)]
    left_out = len(rows) - len(shown)
    slides = []
    for index, chunk in enumerate(chunks, start=1):
        part = f" · {t('brief_part', lang, n=index, total=len(chunks))}" if len(chunks) > 1 else ""
        note = (t(more, lang, n=left_out),) if left_out and index == len(chunks) else ()
        slides.append(SlideContent(f"{name}_{index}", f"{title} ({len(rows)}){part}",
                                   table=SlideTable(header, tuple(chunk), widths), lines=note))
    return slides


def _headline_lines(brief: PartnerBrief) -> tuple[str, ...]:
    lang, h = brief.lang, brief.headline
    types = list_sep(lang).join(f"{i18n.event_type_label(code, lang)}: {n}" for code, n in h["types"].items())
    lines = [
        f"{t('metric_meetings', lang)}: {h['meetings']}",
        f"{t('metric_first_meeting', lang)}: {_when(h['first_date'], lang)}",
        f"{t('metric_last_meeting', lang)}: {_when(h['last_date'], lang)}",
        f"{t('partner_types', lang)}: {types or NONE}",
        f"{t('metric_last_agreement', lang)}: {_when(h['last_agreement'], lang)}",
        f"{t('metric_undated', lang)}: {h['undated']}",
    ]
    if len(brief.people):
        latest = brief.people.iloc[0]
        who = " — ".join(v for v in (latest["name"], latest["title"]) if v)
        lines.append(f"{t('brief_last_counterpart', lang)}: {who}")
    return tuple(lines)


def _history_slides(brief: PartnerBrief) -> list[SlideContent]:
    lang, history = brief.lang, brief.history
    shown = tables.history_for_display(history, lang)
    # A date read from "today" or the publication date says so under it; a stated date needs no note.
    date, basis = t("col_date", lang), t("col_date_basis", lang)
    weak = (history["date"] != "") & ~history["date_basis"].isin(("explicit", "corrected"))
    shown[date] = shown[date].where(~weak.to_numpy(), shown[date] + "\n" + shown[basis])
    for key, limit in (("col_topics", TOPICS_CHARS), ("col_counterpart_title", TITLE_CHARS),
                       ("col_location", PLACE_CHARS)):
        shown[t(key, lang)] = _clip(shown[t(key, lang)], limit)
    columns = {"col_date": 1.4, "col_event_type": 1.25, "col_counterpart": 1.4, "col_counterpart_title": 1.8,
               "col_location": 1.4, "col_topics": 3.1, "col_reports": 0.75}
    header, rows = _table(shown, columns, lang)
    return _paged("history", t("partner_history", lang), header, rows, tuple(columns.values()), HISTORY_ROWS,
                  HISTORY_SLIDES, "partner_history_more", lang)


def _people_slides(brief: PartnerBrief) -> list[SlideContent]:
    lang, people = brief.lang, brief.people
    shown = tables.people_for_display(people, lang)
    shown[t("col_dates_met", lang)] = _date_lists(people["dates"], lang).to_numpy()
    shown[t("col_variants", lang)] = _or_none(shown[t("col_variants", lang)])
    shown[t("col_counterpart_title", lang)] = _clip(shown[t("col_counterpart_title", lang)], TITLE_CHARS)
    columns = {"col_name": 1.6, "col_counterpart_title": 2.2, "col_meetings": 0.8, "col_dates_met": 3.2,
               "col_variants": 2.0}
    header, rows = _table(shown, columns, lang)
    if not rows:
        return [SlideContent("people", f"{t('partner_people', lang)} (0)", lines=(NONE,))]
    return _paged("people", t("partner_people", lang), header, rows, tuple(columns.values()), PEOPLE_ROWS,
                  PEOPLE_SLIDES, "brief_people_more", lang)


def _agreement_slides(brief: PartnerBrief) -> list[SlideContent]:
    lang = brief.lang
    if brief.agreements.empty:
        return [SlideContent("agreements", f"{t('partner_agreements', lang)} (0)",
                             lines=(t("partner_no_agreements", lang),))]
    shown = tables.agreements_for_display(brief.agreements, lang)
    shown[t("col_evidence", lang)] = _or_none(_clip(shown[t("col_evidence", lang)], SENTENCE_CHARS))
    columns = {"col_date": 1.3, "col_counterpart": 2.4, "col_evidence": 6.3}
    header, rows = _table(shown, columns, lang)
    return _paged("agreements", t("partner_agreements", lang), header, rows, tuple(columns.values()),
                  AGREEMENT_ROWS, AGREEMENT_SLIDES, "brief_agreements_more", lang)


def _source_slides(brief: PartnerBrief) -> list[SlideContent]:
    lang, sources, history = brief.lang, brief.sources, brief.history
    meeting_date = sources["event_id"].map(dict(zip(history["event_id"], history["date"]))).fillna("")
    title = sources["title"].where(sources["title"] != "", sources["file"])
    shown = pd.DataFrame({
        t("col_meeting_date", lang): i18n.date_labels(meeting_date, lang).where(meeting_date != "",
                                                                               t("undated", lang)),
        t("col_outlet", lang): _or_none(sources["outlet"]),
        t("col_published", lang): i18n.date_labels(sources["published_date"], lang).where(
            sources["published_date"] != "", NONE),
        t("col_title", lang): _or_none(_clip(title, TITLE_CHARS)),
        t("col_link", lang): _or_none(sources["source_url"]),
    })
    columns = {"col_meeting_date": 1.3, "col_outlet": 1.4, "col_published": 1.3, "col_title": 3.0, "col_link": 3.4}
    header, rows = _table(shown, columns, lang)
    return _paged("sources", t("brief_sources", lang), header, rows, tuple(columns.values()), SOURCE_ROWS,
                  SOURCE_SLIDES, "brief_sources_more", lang)


def _most_different(comparison: pd.DataFrame, limit: int = COMPARISON_TOPICS) -> pd.DataFrame:
    """The ``limit`` topics whose share differs most from the other partners', in the comparison's order
    (a slide holds a dozen bars at a readable size; the dashboard shows every topic)."""
    if len(comparison) <= limit:
        return comparison
    keep = comparison["difference"].abs().sort_values(ascending=False, kind="stable").index[:limit]
    return comparison.loc[comparison.index.isin(keep)]


def brief_slides(brief: PartnerBrief) -> list[tuple[SlideContent, go.Figure | None]]:
    """The pack's slides in order, each with the figure still to draw on it (None for text and tables):
    headline, history, people, topics against the other partners (and counterparts over time when
    there are two dated meetings or more), agreements, sources."""
    lang = brief.lang
    slides: list[tuple[SlideContent, go.Figure | None]] = [
        (SlideContent("headline", t("brief_title", lang, name=brief.name), lines=_headline_lines(brief)), None)]
    slides += [(s, None) for s in _history_slides(brief)]
    slides += [(s, None) for s in _people_slides(brief)]
    slides.append((SlideContent("topic_comparison", t("chart_topic_comparison", lang)),
                   charts.topic_comparison_bars(_most_different(brief.comparison), brief.name, lang)))
    if int((brief.history["date"] != "").sum()) >= 2:
        slides.append((SlideContent("people_timeline", t("chart_people", lang)),
                       charts.people_timeline(brief.people, lang)))
    slides += [(s, None) for s in _agreement_slides(brief)]
    slides += [(s, None) for s in _source_slides(brief)]
    return slides


def _for_slide(fig: go.Figure) -> tuple[go.Figure, int, int]:
    """``render._for_slide``, and fixed margins widened for the slide's larger font.

    A chart that sizes its own margins (``autoexpand=False``: the counterparts' names beside the rows)
    measured its labels at the screen's 13 px; drawn at ``render.EXPORT_FONT_SIZE`` they would be cut
    at the edge, as would the month names under the axis once plotly tilts them.
    """
    out, width, height = render._for_slide(fig)
    margin = out.layout.margin
    if margin.autoexpand is False:
        scale = render.EXPORT_FONT_SIZE / SCREEN_FONT_SIZE
        out.update_layout(margin_l=round((margin.l or 0) * scale), margin_r=round((margin.r or 0) * scale),
                          margin_b=max(margin.b or 0, TILTED_TICKS_PX))
    return out, width, height


def render_partner_deck(tables_: loading.LoadedTables, filters: analytics.Filters, partner: analytics.Partner,
                        lang: str = "ar", today: dt.date | None = None) -> Deck:
    """Gather the partner's record, draw its figures in Chromium and return the briefing pack's ``Deck``.

    Args:
        tables_: the loaded tables.
        filters: the selection (its country or organisation filter is ignored: ``partner`` is the subject).
        partner: whose briefing pack.
        lang: ``"ar"`` or ``"en"``.
        today: export date (default today).
    """
    brief = partner_brief(tables_, filters, partner, lang)
    lang, today = brief.lang, today or dt.date.today()
    planned = brief_slides(brief)
    prepared = [_for_slide(fig) for _, fig in planned if fig is not None]
    pngs = iter(render.render_pngs([p[0] for p in prepared], [(p[1], p[2]) for p in prepared]) if prepared else [])
    slides = []
    for content, fig in planned:
        if fig is not None:
            png = next(pngs)
            content = replace(content, png=png, width_px=render._png_size(png)[0],
                              height_px=render._png_size(png)[1])
        slides.append(content)
    footer = (f"{t('export_date', lang)}: {i18n.date_label(today, lang)} · "
              f"{t('axis_meetings', lang)}: {brief.headline['meetings']}")
    return Deck(lang=lang, app_title=t("app_title", lang), filter_line=brief.filter_line,
                filter_parts=brief.filter_parts, footer=footer, slides=tuple(slides), export_date=today)
