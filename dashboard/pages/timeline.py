"""Timeline of visits, the monthly count beneath, and the undated meetings listed, never dropped."""

import streamlit as st

from dashboard import analytics, charts, tables
from dashboard.i18n import t
from dashboard.rtl import LRI, PDI
from dashboard.ui import context, no_data_note, shared, show_chart, show_table

ctx = context()
lang = ctx.lang
st.title(t("page_timeline", lang))

if not no_data_note(ctx):
    size = analytics.time.TIMELINE_ROWS_PER_PAGE  # from its module, where tests change it
    pages, partners = shared(ctx, analytics.timeline_partner_pages, ctx.meetings, per_page=size)
    shown, page = ctx.meetings, 0
    if len(pages) > 1:

        def rows_label(number: int) -> str:
            # The range is isolated left to right: in an Arabic line "1–40" would read "40–1".
            span = f"{LRI}{number * size + 1}–{min((number + 1) * size, partners)}{PDI}"
            return t("timeline_rows_option", lang, range=span, total=partners)

        page = st.selectbox(t("timeline_rows", lang), options=range(len(pages)), format_func=rows_label,
                            key="timeline_rows")
        shown = ctx.meetings[pages[page]]
    grouping = shared(ctx, analytics.timeline_grouping, shown, rows=("timeline rows", size, page))
    if grouping is not None:
        st.caption(t("timeline_grouped_note", lang, n=f"{len(analytics.dated_meetings(shown)):,}",
                     period=t(f"period_{grouping}", lang)))
    show_chart(shared(ctx, charts.visits_timeline, shown, rows=("timeline rows", size, page), lang=lang),
               key="timeline_chart")
    show_chart(shared(ctx, charts.monthly_bar, ctx.meetings, lang=lang), key="timeline_monthly")
    undated = analytics.undated_meetings(ctx.meetings)
    st.subheader(f"{t('undated', lang)} ({len(undated)})")
    show_table(tables.meetings_for_display(undated, lang, links=ctx.links), "timeline_undated", lang)
