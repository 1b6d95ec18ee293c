"""Entry point: `streamlit run streamlit_app.py`."""

import streamlit as st

from dashboard.data import load_dataset

st.set_page_config(page_title="التحالف الإسلامي: اللقاءات", layout="wide")
dataset = load_dataset()
st.title("لقاءات التحالف الإسلامي العسكري لمحاربة الإرهاب")
st.dataframe(dataset.meetings, hide_index=True)
