"""Map of partner countries; organisations listed beside it. A click on a country filters every page."""

from functools import partial

import streamlit as st

from dashboard import analytics, charts
from dashboard.i18n import t
from dashboard.ui import context, no_data_note, select_country_from_map, shared, show_chart, show_table

ctx = context()
lang = ctx.lang
st.title(t("page_map", lang))

if not no_data_note(ctx):
    map_column, side_column = st.columns([3, 1])
    with map_column:
        detail = st.toggle(t("map_detail", lang), key="map_detail", help=t("map_detail_help", lang))
        show_chart(shared(ctx, charts.partner_map, ctx.meetings, lang=lang, detail=detail), key="map_chart",
                   on_select=partial(select_country_from_map, "map_chart"))
    with side_column:
        st.subheader(t("chart_organisations", lang))
        organisations = analytics.organisation_counts(ctx.meetings, lang)
        st.caption(t("organisations_not_on_map", lang))
        show_table(organisations[["organisation", "meetings", "last_date"]].rename(columns={
            "organisation": t("col_organisation", lang), "meetings": t("col_meetings", lang),
            "last_date": t("col_last_date", lang)}), "map_orgs", lang)
    st.subheader(t("chart_partner_map", lang))
    countries = analytics.country_counts(ctx.meetings, lang)
    show_table(countries[["name", "meetings", "last_date"]].rename(columns={
        "name": t("col_country", lang), "meetings": t("col_meetings", lang),
        "last_date": t("col_last_date", lang)}), "map_countries", lang)
