"""Timeline of visits, the monthly count beneath, and the undated meetings listed, never dropped."""

import streamlit as st

from dashboard import charts, tables
from dashboard.i18n import t
from dashboard.ui import context, no_data_note, show_chart

ctx = context()
lang = ctx.lang
st.title(t("page_timeline", lang))

if not no_data_note(ctx):
    show_chart(charts.visits_timeline(ctx.meetings, lang), key="timeline_chart")
    show_chart(charts.monthly_bar(ctx.meetings, lang), key="timeline_monthly")
    undated = charts.undated_meetings(ctx.meetings)
    st.subheader(f"{t('undated', lang)} ({len(undated)})")
    if undated.empty:
        st.caption(t("no_data", lang))
    else:
        st.dataframe(tables.meetings_for_display(undated, lang), hide_index=True, key="timeline_undated")
