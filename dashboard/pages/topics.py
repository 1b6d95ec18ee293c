"""Topics: meetings per topic, topic by partner, topics over time."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import t
from dashboard.ui import context, no_data_note, shared, show_chart

ctx = context()
lang = ctx.lang
background = ctx.filters.include_background
st.title(t("page_topics", lang))
st.caption(t("topics_background_counted" if background else "topics_background_not_counted", lang))

if not no_data_note(ctx):
    show_chart(shared(ctx, charts.topic_bars, ctx.topics, lang=lang, include_background=background),
               key="topics_bars")
    show_chart(shared(ctx, charts.topic_partner_heatmap, ctx.meetings, ctx.topics, lang=lang,
                      include_background=background), key="topics_heatmap")
    show_chart(shared(ctx, charts.topics_over_time, ctx.meetings, ctx.topics, lang=lang,
                      include_background=background), key="topics_over_time")
