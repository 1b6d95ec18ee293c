"""The page layer's shared results: worked out once per data version, filter selection, rows and options."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import ui
from dashboard.analytics import Filters


def test_a_figure_is_built_once_per_data_version_filters_and_options():
    st.cache_resource.clear()
    builds: list[tuple[int, str]] = []

    def builder(meetings: pd.DataFrame, lang: str = "ar") -> go.Figure:
        builds.append((len(meetings), lang))
        return go.Figure(go.Bar(y=[len(meetings)]))

    meetings = pd.DataFrame({"meeting_id": ["a", "b"]})
    view = SimpleNamespace(dataset=SimpleNamespace(version="v1"), filters=Filters())
    first = ui.shared(view, builder, meetings, lang="ar")
    assert ui.shared(view, builder, meetings, lang="ar") is first  # another session, same view
    assert builds == [(2, "ar")]
    ui.shared(view, builder, meetings, lang="en")  # other options
    corrected = SimpleNamespace(dataset=SimpleNamespace(version="v2"), filters=Filters())
    ui.shared(corrected, builder, meetings, lang="ar")  # the data changed (a correction, a new article)
    maldives = SimpleNamespace(dataset=SimpleNamespace(version="v2"), filters=Filters(countries=("MDV",)))
    ui.shared(maldives, builder, meetings.iloc[:1], lang="ar")  # other filters
    ui.shared(maldives, builder, meetings.iloc[1:], rows=("page", 2), lang="ar")  # other rows of the same view
    assert builds == [(2, "ar"), (2, "en"), (2, "ar"), (1, "ar"), (1, "ar")]
