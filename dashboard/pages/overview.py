"""Overview: headline figures and small versions of the three charts."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import t
from dashboard.ui import context, headline_metrics, no_data_note, shared, show_chart

ctx = context()
lang = ctx.lang
st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

if not no_data_note(ctx):
    headline_metrics(ctx)
    left, right = st.columns(2)
    with left:
        show_chart(shared(ctx, charts.partner_map, ctx.meetings, lang=lang), key="overview_map")
    with right:
        show_chart(shared(ctx, charts.monthly_bar, ctx.meetings, lang=lang), key="overview_monthly")
    show_chart(shared(ctx, charts.topic_bars, ctx.topics, lang=lang,
                      include_background=ctx.filters.include_background), key="overview_topics")
