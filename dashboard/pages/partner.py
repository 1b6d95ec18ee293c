"""One partner's profile: "they arrive on Sunday: what have we discussed before?"

``/partner?country=PAK`` or ``/partner?org=...``: the partner is the sidebar's
own country or organisation filter, so the other filters (dates, types,
topics, the reports view) narrow the profile and the whole view is a link.
Opened from the map (a click on a country), from the "profile" link of any
table row, or from the picker here, which finds a partner by its Arabic or
English name. The record itself is ``dashboard.analytics.profile``.
"""

from functools import partial

import streamlit as st

from dashboard import analytics, charts, export, i18n, presentation, tables
from dashboard.analytics import Partner
from dashboard.i18n import t
from dashboard.ui import context, shared, show_chart, show_table

#: Meetings per page of the history (a partner met 500 times is 20 pages, each quick to draw).
HISTORY_PAGE_SIZE = 25

ctx = context()
lang = ctx.lang
filters = ctx.filters
# Every partner's rows under the other filters: what the picker lists and the profile is compared with
# (kept once for every partner's profile, not once per partner).
everyone = analytics.without_partner(filters)
base, base_topics = shared(ctx, analytics.every_partner, ctx.base_meetings, ctx.base_topics, filters,
                           key_filters=everyone)
directory = shared(ctx, analytics.partner_directory, base, key_filters=everyone, lang=lang)
partner = analytics.partner_from_filters(filters)


def _choose() -> None:
    """Picker callback: the chosen partner becomes the sidebar's country or organisation filter."""
    chosen = st.session_state.get("partner_pick")
    if not chosen:
        return
    kind, key = chosen.split(":", 1)
    st.session_state["flt_country"] = [key] if kind == "country" else []
    st.session_state["flt_org"] = [key] if kind == "org" else []


options = [f"{kind}:{key}" for kind, key in zip(directory["kind"], directory["key"])]
labels = dict(zip(options, tables.partner_options(directory)))
current = f"{partner.kind}:{partner.key}" if partner else None
if current and current not in labels:
    options.insert(0, current)
    labels[current] = analytics.partner_name(partner, directory, lang)
st.session_state["partner_pick"] = current
name = analytics.partner_name(partner, directory, lang) if partner else ""
st.title(t("partner_title", lang, name=name) if partner else t("page_partner", lang))
st.selectbox(t("partner_pick", lang), options=options, format_func=lambda option: labels.get(option, option),
             key="partner_pick", on_change=_choose, help=t("partner_pick_help", lang),
             placeholder=t("partner_pick_placeholder", lang))

if partner is None:
    st.info(t("partner_choose", lang))
    show_table(tables.partners_for_display(directory, lang, ctx.links), "partner_directory", lang)
    st.stop()

rows, topics = shared(ctx, analytics.partner_rows, base, base_topics, partner)
if rows.empty:
    # Unknown altogether, or only outside the current filters?
    known = analytics.is_known_partner(partner) or bool(analytics.partner_mask(ctx.base_meetings, partner).any())
    st.info(t("partner_none_in_filters" if known else "partner_unknown", lang, name=name))
    st.stop()

# ---- headline
figures = analytics.partner_headline(rows)
cols = st.columns(4)
cols[0].metric(t("metric_meetings", lang), figures["meetings"])
cols[1].metric(t("metric_first_meeting", lang), i18n.date_label(figures["first_date"], lang) if figures["first_date"] else "—")
cols[2].metric(t("metric_last_meeting", lang), i18n.date_label(figures["last_date"], lang) if figures["last_date"] else "—")
cols[3].metric(t("metric_last_agreement", lang),
               i18n.date_label(figures["last_agreement"], lang) if figures["last_agreement"] else "—")
types = " · ".join(f"{i18n.event_type_label(code, lang)}: {n}" for code, n in figures["types"].items())
undated = f" · {t('partner_undated', lang, n=figures['undated'])}" if figures["undated"] else ""
st.caption(f"{t('partner_types', lang)}: {types}{undated}")
# On a shared screen: the same selection in presentation mode, where the profile is the last slides.
st.page_link("dashboard/pages/present.py", label=t("partner_present", lang), icon=":material/slideshow:",
             query_params={k: v for k, v in st.query_params.to_dict().items() if k != "page"}
             | {"slide": str(presentation.FIRST_PROFILE_SLIDE)})

# ---- briefing pack
with st.expander(t("partner_briefing", lang)):
    st.caption(t("partner_briefing_caption", lang))
    browser = export.chromium_path() is not None
    deck_columns = st.columns(2)
    for column, fmt, label in ((deck_columns[0], "pptx", "download_pptx"), (deck_columns[1], "pdf", "download_pdf")):
        column.download_button(
            t(label, lang), partial(export.partner_deck_bytes, ctx.dataset, filters, partner, lang, fmt),
            file_name=export.safe_filename(f"brief {partner.key}", lang, ext=fmt), mime=export.DECK_FORMATS[fmt],
            key=f"partner_deck_{fmt}", on_click="ignore", disabled=not browser,
            help=None if browser else t("export_no_browser", lang))

# ---- history, a page at a time (the page number is in the URL)
history = shared(ctx, analytics.partner_history, rows, topics, rows=("partner", partner), lang=lang,
                 partner=partner)
st.subheader(f"{t('partner_history', lang)} ({len(history)})")
st.caption(t("partner_history_caption", lang))
if st.session_state.get("_history_of") != current or "partner_history_page" not in st.session_state:
    # The first visit opens the link's page; another partner opens at its first page.
    url_page = str(st.query_params.get("page", "1"))
    first_visit = "_history_of" not in st.session_state
    st.session_state["partner_history_page"] = int(url_page) if first_visit and url_page.isdigit() else 1
    st.session_state["_history_of"] = current
page_rows, page, pages = analytics.history_page(history, st.session_state["partner_history_page"], HISTORY_PAGE_SIZE)
st.session_state["partner_history_page"] = page
show_table(tables.history_for_display(page_rows, lang, ctx.links), "partner_history", lang)
if pages > 1:
    st.number_input(t("history_page", lang), min_value=1, max_value=pages, step=1, key="partner_history_page")
    st.caption(t("history_page_of", lang, page=page, pages=pages, n=len(history)))
    st.query_params["page"] = str(page)
elif "page" in st.query_params:
    del st.query_params["page"]

# ---- people
people = shared(ctx, analytics.partner_people, history, rows=("partner", partner))
st.subheader(f"{t('partner_people', lang)} ({len(people)})")
st.caption(t("partner_people_caption", lang))
show_table(tables.people_for_display(people, lang), "partner_people", lang)
show_chart(charts.people_timeline(people, lang), key="partner_people_chart")

# ---- topics: against every other partner, and over time
st.subheader(t("partner_topics", lang))
comparison = shared(ctx, analytics.topic_comparison, rows, topics, base, base_topics, rows=("partner", partner),
                    lang=lang)
topic_left, topic_right = st.columns(2)
with topic_left:
    show_chart(charts.topic_comparison_bars(comparison, name, lang), key="partner_topic_comparison")
with topic_right:
    show_chart(charts.topics_over_time(rows, topics, lang, include_background=filters.include_background),
               key="partner_topics_over_time")

# ---- agreements
agreements = analytics.partner_agreements(history, ctx.dataset.evidence)
st.subheader(f"{t('partner_agreements', lang)} ({len(agreements)})")
if agreements.empty:
    st.caption(t("partner_no_agreements", lang))
else:
    show_table(tables.agreements_for_display(agreements, lang), "partner_agreements", lang)

# ---- related partners
related = shared(ctx, analytics.related_partners, base, base_topics, rows=("partner", partner), partner=partner,
                 lang=lang)
st.subheader(t("partner_related", lang))
st.caption(t("partner_related_caption", lang))
if related.empty:
    st.caption(t("partner_no_related", lang))
else:
    show_table(tables.related_for_display(related, lang, ctx.links), "partner_related", lang)
