"""Add articles: upload files or paste text; they are stored in the articles folder and processed at once."""

import pandas as pd
import streamlit as st

from dashboard import config, ingest, rtl, tables
from dashboard.i18n import t
from dashboard.preprocess.reader import MAX_BYTES, SUPPORTED_SUFFIXES
from dashboard.ui import context, reseed_filters

ctx = context()
lang = ctx.lang
data = ctx.dataset
st.title(t("page_add", lang))
st.caption(t("upload_intro", lang))

with st.form("upload_form", clear_on_submit=True):
    files = st.file_uploader(
        t("upload_files", lang), type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
        help=t("upload_files_help", lang, types=", ".join(SUPPORTED_SUFFIXES),
               limit=ingest.size_label(MAX_BYTES, lang)),
        key="upload_files")
    pasted = st.text_area(t("upload_paste", lang), height=200, key="upload_paste")
    st.caption(t("upload_meta_note", lang))
    date_col, url_col, outlet_col = st.columns(3)
    published = date_col.text_input(t("upload_published", lang), placeholder="2025-10-05",
                                    help=t("upload_published_help", lang), key="upload_published")
    source_url = url_col.text_input(t("upload_source_url", lang), placeholder=f"{rtl.LRI}https://{rtl.PDI}",  # Latin in an RTL field
                                    key="upload_source_url")
    outlet = outlet_col.text_input(t("upload_outlet", lang), key="upload_outlet")
    submitted = st.form_submit_button(t("upload_submit", lang), type="primary")

if submitted:
    items = [ingest.NewArticle(f.name, f.getvalue(), published, source_url, outlet) for f in files or []]
    if pasted.strip():
        items.append(ingest.pasted_article(pasted, published, source_url, outlet))
    if not items:
        st.warning(t("upload_nothing", lang))
    else:
        with st.spinner(t("upload_working", lang)):
            report = ingest.add_articles(config.articles_dir(), items, data_dir=config.data_dir())
        st.session_state["upload_report"] = report
        if report.stored:
            # Rerun so every page and the sidebar filters see the new meetings at once: the articles
            # fingerprint in dashboard.data has changed, so the tables are loaded again.
            reseed_filters()
            st.rerun()


def _issues_table(issues: list, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("upload_col_file", lang): [ingest.display_name(i.name, lang) for i in issues],
                         t("upload_col_message", lang): [i.text(lang) for i in issues]})


report = st.session_state.get("upload_report")
new_ids: list[str] = []
if report is not None:
    new_ids = report.new_meeting_ids
    if report.stored:
        st.success(t("upload_added", lang, n=len(report.stored)))
        st.dataframe(pd.DataFrame({
            t("upload_col_file", lang): [ingest.display_name(s.name, lang) for s in report.stored],
            t("upload_col_stored", lang): [s.file for s in report.stored],
        }), hide_index=True, key="upload_stored")
    else:
        st.info(t("upload_added_none", lang))
    for title, issues, key in (("upload_duplicates_title", report.duplicates, "upload_duplicates"),
                               ("upload_rejected_title", report.rejected, "upload_rejected"),
                               ("upload_warnings_title", report.warnings, "upload_warnings")):
        if issues:
            st.subheader(t(title, lang))
            st.dataframe(_issues_table(issues, lang), hide_index=True, key=key)
    if report.stored:
        st.subheader(t("upload_new_meetings", lang))
        new_meetings = data.meetings[data.meetings["meeting_id"].isin(new_ids)]
        if new_meetings.empty:
            st.info(t("no_data", lang))
        else:
            st.dataframe(tables.meetings_for_display(new_meetings, lang), hide_index=True, key="upload_new_meetings")

st.subheader(t("upload_merges", lang))
st.caption(t("upload_merges_caption", lang))
proposals = ingest.propose_merges(data.meetings)
if proposals.empty:
    st.info(t("upload_merges_none", lang))
else:
    involving_new = proposals["meeting_id"].isin(new_ids) | proposals["other_meeting_id"].isin(new_ids)
    if involving_new.any():
        st.markdown(f"**{t('upload_merges_new', lang)}**")
        st.dataframe(ingest.merges_for_display(proposals[involving_new], data.meetings, lang), hide_index=True,
                     key="upload_merges_new")
    with st.expander(t("upload_merges_all", lang), expanded=not involving_new.any()):
        st.dataframe(ingest.merges_for_display(proposals, data.meetings, lang), hide_index=True,
                     key="upload_merges_all")
