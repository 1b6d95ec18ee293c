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

PAGES = [
    st.Page("dashboard/pages/overview.py", title=t("page_overview", lang), url_path="overview", default=True),
    st.Page("dashboard/pages/partner_map.py", title=t("page_map", lang), url_path="map"),
    st.Page("dashboard/pages/timeline.py", title=t("page_timeline", lang), url_path="timeline"),
    st.Page("dashboard/pages/topics.py", title=t("page_topics", lang), url_path="topics"),
    st.Page("dashboard/pages/articles.py", title=t("page_sources", lang), url_path="articles"),
    st.Page("dashboard/pages/data_tables.py", title=t("page_data", lang), url_path="data"),
]
st.navigation(PAGES, position="top").run()
