"""The tables behind the charts, filtered, with downloads (CSV with BOM, Excel)."""

from functools import partial

import streamlit as st

from dashboard import export, i18n, tables
from dashboard.analytics import member
from dashboard.highlight import escape_markdown
from dashboard.i18n import t
from dashboard.ui import context, show_table

ctx = context()
lang = ctx.lang
data = ctx.dataset
st.title(t("page_data", lang))

linked = tables.meetings_for_display(ctx.meetings, lang, links=ctx.links)
show_table(linked, "data_meetings", lang)
shown = linked.drop(columns=t("col_profile", lang))  # downloads: the links are for the screen
raw = {
    "meetings": ctx.meetings,
    "meeting_topics": ctx.topics,
    "articles": data.articles,
    "mentioned_countries": data.mentioned_countries,
    "evidence": data.evidence[member(data.evidence["meeting_id"], ctx.meetings["meeting_id"])],
}
headers = st.segmented_control(t("export_headers", lang), options=list(i18n.LANGS), default=lang,
                               format_func=lambda code: t(f"lang_{code}", code), key="data_headers") or lang
exported = shown if headers == lang else tables.meetings_for_display(ctx.meetings, lang, headers=headers)
left, right = st.columns(2)
left.download_button(t("download_csv", lang), tables.csv_bytes(exported), file_name="imctc_meetings.csv",
                     mime="text/csv", key="data_csv")
right.download_button(t("download_excel", lang), tables.excel_bytes({"display": exported, **raw}),
                      file_name="imctc_meetings.xlsx", key="data_xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.subheader(t("export_title", lang))
st.caption(t("export_caption", lang))
browser = export.chromium_path() is not None
deck_columns = st.columns(2)
for column, fmt, label in ((deck_columns[0], "pptx", "download_pptx"), (deck_columns[1], "pdf", "download_pdf")):
    # Built only when clicked (Chromium draws the charts: a few seconds), from the full tables and the filters.
    column.download_button(t(label, lang), partial(export.deck_bytes, ctx.base_meetings, ctx.base_topics,
                                                   ctx.filters, lang, fmt),
                           file_name=export.safe_filename("briefing", lang, ext=fmt), mime=export.DECK_FORMATS[fmt],
                           key=f"data_deck_{fmt}", on_click="ignore", disabled=not browser,
                           help=None if browser else t("export_no_browser", lang))
with st.expander(t("page_quality", lang)):
    st.dataframe(data.articles[["file", "status", "encoding", "chars", "messages"]], hide_index=True,
                 key="data_articles")
    for message in data.report.get("general", []):
        st.warning(escape_markdown(message))
