"""Entry point and router: `streamlit run streamlit_app.py`.

Builds the shared context once per run (data, sidebar filters bound to the URL,
page direction), then hands over to the selected page.
"""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import build_context

st.set_page_config(page_title="التحالف الإسلامي العسكري: اللقاءات", page_icon="🌐", layout="wide")

context = build_context()
st.session_state["_context"] = context
lang = context.lang

OVERVIEW = st.Page("dashboard/pages/overview.py", title=t("page_overview", lang), url_path="overview")


def _home() -> None:
    # Streamlit serves its default page only at "/": a shared link to /overview would say "Page not
    # found". So the overview is an ordinary page and "/" hands over to it, keeping the link's filters.
    st.switch_page(OVERVIEW, query_params=st.query_params.to_dict())


PAGES = [
    OVERVIEW,
    st.Page("dashboard/pages/partner_map.py", title=t("page_map", lang), url_path="map"),
    st.Page("dashboard/pages/timeline.py", title=t("page_timeline", lang), url_path="timeline"),
    st.Page("dashboard/pages/topics.py", title=t("page_topics", lang), url_path="topics"),
    st.Page("dashboard/pages/partner.py", title=t("page_partner", lang), url_path="partner"),
    st.Page("dashboard/pages/articles.py", title=t("page_sources", lang), url_path="articles"),
    st.Page("dashboard/pages/data_tables.py", title=t("page_data", lang), url_path="data"),
    st.Page("dashboard/pages/review.py", title=t("page_review", lang), url_path="review"),
    st.Page("dashboard/pages/upload.py", title=t("page_add", lang), url_path="add"),
    st.Page("dashboard/pages/present.py", title=t("page_present", lang), url_path="present"),
    st.Page(_home, title=t("page_overview", lang), url_path="home", default=True, visibility="hidden"),
]
page = st.navigation(PAGES, position="top")
# `present=1` on any link opens presentation mode, keeping the filters (and `slide`) of the link.
if st.query_params.get("present") == "1" and page.url_path != "present":
    st.switch_page("dashboard/pages/present.py", query_params=st.query_params.to_dict())
page.run()
