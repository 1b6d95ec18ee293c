"""The partner map: countries shaded by meetings, with a marker per country so small states show."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.analytics.partners import country_counts
from dashboard.centroids import CENTROIDS
from dashboard.charts.style import ChartStyle, _hover, _int_ticks, _labels, _layout, _st
from dashboard.i18n import t
from dashboard.rtl import browser_label

__all__ = ["partner_map"]


def partner_map(meetings: pd.DataFrame, lang: str = "ar", theme: str | ChartStyle = "light",
                detail: bool = False) -> go.Figure:
    """World map of partner countries shaded by number of meetings, with a marker per country.

    The choropleth alone hides small states (Maldives, Bahrain, Singapore are
    a few pixels or nothing at world scale, and the 1:110m shapes have no
    Maldives at all), so a ``Scattergeo`` layer puts a marker, sized by
    count, at each country's centroid. Both layers carry the ISO3 code as
    ``customdata[0]`` so a Streamlit selection event can read the country.
    Organisations are not drawn (see ``analytics.organisation_counts``), nor are
    meetings without a partner country.

    Args:
        meetings: ``meetings`` table (already filtered by the page).
        lang: ``"ar"`` or ``"en"``.
        theme: ``"light"`` or ``"dark"`` (or a ready ``ChartStyle``).
        detail: draw the 1:50m shapes (for zooming in, slides and exports)
            instead of 1:110m. The browser takes 0.6 s to draw the world at
            1:50m and 0.13 s at 1:110m, and fetches 1.1 MB instead of 0.14 MB;
            the markers show every partner at either scale.

    Returns:
        The figure: trace 0 is the choropleth, trace 1 the markers.
    """
    st = _st(lang, theme)
    counts = country_counts(meetings, st.lang)
    n = len(counts)
    iso = counts["iso3"].to_numpy(dtype=object)
    z = counts["meetings"].to_numpy(dtype="int64") if n else np.array([], dtype="int64")
    last = i18n.date_labels(counts["last_date"], st.lang)
    customdata = np.column_stack([iso, _labels(counts["name"]), z.astype(object), _labels(last)]) if n \
        else np.empty((0, 4), dtype=object)
    hover = _hover("%{customdata[1]}",
                   f"{t('hover_meetings', st.lang)}: %{{customdata[2]}}",
                   f"{t('hover_last_meeting', st.lang)}: %{{customdata[3]}}")
    choropleth = go.Choropleth(
        locations=iso, z=z, locationmode="ISO-3", customdata=customdata,
        hovertemplate=hover, colorscale=[list(p) for p in st.sequential], zmin=0,
        zmax=max(int(z.max()) if n else 1, 1),
        marker=dict(line=dict(color=st.border_color, width=0.5)),
        # Counts are whole numbers: no "1.5" ticks for small maxima.
        colorbar=dict(title=dict(text=browser_label(t("axis_meetings", st.lang))),
                      thickness=12, len=0.6, x=0.0 if st.rtl else 1.0,
                      xanchor="right" if st.rtl else "left", **_int_ticks(z)),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    # Markers: one per country with a known centroid; area proportional to count.
    coords = counts["iso3"].map(CENTROIDS)
    on_map = coords.notna().to_numpy()
    latlon = np.array(coords[on_map].tolist(), dtype=float).reshape(-1, 2)
    zz = z[on_map]
    # Small enough to leave the shaded country readable, large enough to click on a small state.
    sizes = 7 + 11 * np.sqrt(zz / zz.max()) if len(zz) else zz.astype(float)
    markers = go.Scattergeo(
        lat=latlon[:, 0], lon=latlon[:, 1], customdata=customdata[on_map], hovertemplate=hover,
        mode="markers",
        marker=dict(size=sizes, sizemode="diameter", color=st.marker_color, opacity=0.75,
                    line=dict(color=st.marker_line, width=1)),
        name=browser_label(t("meetings", st.lang)), showlegend=False,
    )
    extra: dict[str, Any] = {}
    if n == 0:
        extra["annotations"] = [dict(text=browser_label(t("no_data", st.lang)), x=0.5, y=0.5,
                                     xref="paper", yref="paper", showarrow=False, font=dict(size=16))]
    return go.Figure(data=[choropleth, markers], layout=_layout(
        st, t("chart_partner_map", st.lang), "partner_map",
        geo=dict(resolution=50 if detail else 110, projection=dict(type="natural earth"), showcountries=True,
                 showframe=False, fitbounds=False, showland=True, landcolor=st.land_color,
                 countrycolor=st.border_color, coastlinecolor=st.border_color,
                 showocean=True, oceancolor=st.ocean_color, showlakes=False,
                 bgcolor="rgba(0,0,0,0)"),
        height=480,
        margin=dict(l=10, r=10, t=50, b=0),
        **extra,
    ))
