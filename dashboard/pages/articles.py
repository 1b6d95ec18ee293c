"""Read an article in full, right to left, with the extracted values marked and the meeting record beside it."""

from urllib.parse import parse_qsl

import streamlit as st

from dashboard import analytics, highlight, rtl, tables
from dashboard.analytics import member
from dashboard.i18n import t
from dashboard.ui import context, show_table

ctx = context()
lang = ctx.lang
data = ctx.dataset
st.title(t("page_sources", lang))

articles = data.articles[data.articles["status"] != "error"]
if articles.empty:
    st.info(t("no_data", lang))
else:
    # File names are Latin: isolate them so the RTL page does not move their digits and dots around.
    labels = {f"{a.title} — {rtl.FSI}{a.file}{rtl.PDI}" if a.title else f"{rtl.FSI}{a.file}{rtl.PDI}": a.article_id
              for a in articles.itertuples()}
    # ``?article=<id>`` (a profile's source link) opens that report; the URL follows the choice, so the
    # view is a link too.
    wanted = st.query_params.get("article")
    by_id = {article_id: label for label, article_id in labels.items()}
    if wanted in by_id and st.session_state.get("_articles_url") != wanted:
        st.session_state["articles_choice"] = by_id[wanted]
    choice = st.selectbox(t("col_article", lang), options=list(labels), key="articles_choice")
    article_id = labels[choice]
    st.query_params["article"] = article_id
    st.session_state["_articles_url"] = article_id
    meetings = data.meetings[data.meetings["article_id"] == article_id]
    evidence = data.evidence[member(data.evidence["meeting_id"], meetings["meeting_id"])]
    texts = data.article_texts.set_index("article_id")["text"]
    field_labels = {
        "partner_country_iso3": t("col_country", lang), "partner_org_ar": t("col_organisation", lang),
        "visitor_name_ar": t("col_visitor", lang), "visitor_title_ar": t("col_visitor_title", lang),
        "host_name_ar": t("col_host", lang), "host_title_ar": t("col_host_title", lang),
        "location_ar": t("col_location", lang), "date": t("col_date", lang), "event_type": t("col_event_type", lang),
    } | {f"topic:{r.topic_id}": (r.topic_ar if lang == "ar" else r.topic_en)
         for r in data.meeting_topics.drop_duplicates("topic_id").itertuples()}
    text_column, record_column = st.columns([3, 2])
    with text_column:
        st.html(highlight.article_html(texts.get(article_id, ""), evidence, field_labels, lang))
    with record_column:
        st.subheader(t("page_meetings", lang))
        record = tables.meetings_for_display(meetings, lang)
        links = analytics.profile_links(meetings, ctx.links)
        for index in range(len(record)):
            st.dataframe(record.iloc[index].rename(t("meeting", lang)).to_frame(), key=f"articles_record_{index}")
            if links.iloc[index]:  # the partner's profile, with the filters of this view
                query = dict(parse_qsl(links.iloc[index].split("?", 1)[1]))
                st.page_link("dashboard/pages/partner.py", label=t("open_profile", lang), icon=":material/person:",
                             query_params=query)
        for meeting in meetings.itertuples():
            reports = analytics.event_reports(data.meetings, data.articles, analytics.event_of(data.meetings,
                                                                                               meeting.meeting_id))
            if len(reports) > 1:
                st.subheader(t("event_reports", lang))
                st.caption(t("event_reports_caption", lang))
                show_table(tables.event_reports_for_display(reports, lang), f"articles_reports_{meeting.Index}", lang)
        st.subheader(t("col_evidence", lang))
        st.dataframe(evidence.assign(field=evidence["field"].map(lambda f: highlight.field_label(f, field_labels)))
                     [["field", "value", "sentence"]].rename(columns={"field": t("col_field", lang),
                     "value": t("col_value", lang), "sentence": t("col_sentence", lang)}),
                     hide_index=True, key="articles_evidence")
