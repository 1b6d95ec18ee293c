"""Map of partner countries; organisations listed beside it. A click on a country opens its profile."""

from functools import partial

import streamlit as st

from dashboard import analytics, charts
from dashboard.analytics import Partner, profile_url
from dashboard.i18n import t
from dashboard.ui import (context, no_data_note, open_profile_after_map_click, select_country_from_map, shared,
                          show_chart, show_table)

open_profile_after_map_click()
ctx = context()
lang = ctx.lang
st.title(t("page_map", lang))

if not no_data_note(ctx):
    map_column, side_column = st.columns([3, 1])
    with map_column:
        detail = st.toggle(t("map_detail", lang), key="map_detail", help=t("map_detail_help", lang))
        st.caption(t("map_click_profile", lang))
        show_chart(shared(ctx, charts.partner_map, ctx.meetings, lang=lang, detail=detail), key="map_chart",
                   on_select=partial(select_country_from_map, "map_chart"))
    with side_column:
        st.subheader(t("chart_organisations", lang))
        organisations = analytics.organisation_counts(ctx.meetings, lang)
        st.caption(t("organisations_not_on_map", lang))
        organisations = organisations.assign(profile=[profile_url(Partner("org", key), ctx.links)
                                                      for key in organisations["key"]])
        show_table(organisations[["organisation", "meetings", "last_date", "profile"]].rename(columns={
            "organisation": t("col_organisation", lang), "meetings": t("col_meetings", lang),
            "last_date": t("col_last_date", lang), "profile": t("col_profile", lang)}), "map_orgs", lang)
    st.subheader(t("chart_partner_map", lang))
    countries = analytics.country_counts(ctx.meetings, lang)
    countries = countries.assign(profile=[profile_url(Partner("country", code), ctx.links)
                                          for code in countries["iso3"]])
    show_table(countries[["name", "meetings", "last_date", "profile"]].rename(columns={
        "name": t("col_country", lang), "meetings": t("col_meetings", lang),
        "last_date": t("col_last_date", lang), "profile": t("col_profile", lang)}), "map_countries", lang)
