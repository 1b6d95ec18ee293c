"""The tables behind the charts, filtered, with downloads (CSV with BOM, Excel)."""

import streamlit as st

from dashboard import tables
from dashboard.i18n import t
from dashboard.ui import context

ctx = context()
lang = ctx.lang
data = ctx.dataset
st.title(t("page_data", lang))

shown = tables.meetings_for_display(ctx.meetings, lang)
st.dataframe(shown, hide_index=True, key="data_meetings")
raw = {
    "meetings": ctx.meetings,
    "meeting_topics": ctx.topics,
    "articles": data.articles,
    "mentioned_countries": data.mentioned_countries,
    "evidence": data.evidence[data.evidence["meeting_id"].isin(ctx.meetings["meeting_id"])],
}
left, right = st.columns(2)
left.download_button(t("download_csv", lang), tables.csv_bytes(shown), file_name="imctc_meetings.csv",
                     mime="text/csv", key="data_csv")
right.download_button(t("download_excel", lang), tables.excel_bytes({"display": shown, **raw}),
                      file_name="imctc_meetings.xlsx", key="data_xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
with st.expander(t("page_quality", lang)):
    st.dataframe(data.articles[["file", "status", "encoding", "chars", "messages"]], hide_index=True,
                 key="data_articles")
    for message in data.report.get("general", []):
        st.warning(message)
