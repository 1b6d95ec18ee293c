"""Chart builders: each a pure function from schema DataFrames to a plotly Figure.

No Streamlit here. The tables the charts show (counts per country, per month,
per topic, dated and undated meetings...) come from ``dashboard.analytics``;
this package only draws them, one module per family: ``style`` (fonts,
palettes, ``ChartStyle``, layout and label helpers, ``empty_figure``), ``map``,
``time``, ``topics``, ``headline`` (the overview's numbers as a figure, for slides), ``profile``
(one partner's topics against the others', its counterparts over time) and
``presentation`` (large type for a projector).

Rules every chart follows (and ``tests/test_charts.py`` checks):

* **Bidi.** Every label goes through ``rtl.browser_label``: logical order,
  never reshaped, mixed-direction labels isolated. Hover text is a
  ``hovertemplate`` whose values come from ``customdata`` (names as written in
  the data), never pre-formatted reshaped strings.
* **Arabic mode mirrors the layout**: titles right-aligned, legend on the
  right, hover labels right-aligned, horizontal bar charts grow leftwards
  from a y axis on the right.
* **Dates** are shown with the reviewed month table of ``i18n`` via
  ``tickvals``/``ticktext``; plotly's own Arabic date locale is never used
  (it names May as March).
* **Nothing is dropped silently**: undated meetings are returned by
  ``analytics.undated_meetings`` for listing under the timeline; organisations,
  which have no place on a map, are returned by ``analytics.organisation_counts``.
* **Empty input** gives a valid figure with a "no data" note, never an error.
* **Vectorised**: groupby/agg and column arithmetic only; no Python loop over
  meetings. Loops run over small things (event types, topics, distinct
  labels). ``python -m benchmarks.bench_charts`` times 10,000 meetings.

Inputs are tables as described in ``dashboard/preprocess/schema.py``
(``meetings``, ``meeting_topics``); extra columns are ignored and missing
optional text columns are treated as empty.
"""

from __future__ import annotations

from dashboard.charts.headline import headline_figure
from dashboard.charts.map import partner_map
from dashboard.charts.profile import people_timeline, topic_comparison_bars
from dashboard.charts.presentation import PRESENTATION_FONT, PRESENTATION_TITLE, presentation_layout
from dashboard.charts.style import EVENT_TYPE_ORDER, FONT_FAMILY, OKABE_ITO, ChartStyle, empty_figure, style
from dashboard.charts.time import monthly_bar, visits_timeline
from dashboard.charts.topics import topic_bars, topic_partner_heatmap, topics_over_time

# The figure builders and the style; the tables they draw are dashboard.analytics'.
__all__ = [
    "FONT_FAMILY", "OKABE_ITO", "EVENT_TYPE_ORDER", "ChartStyle", "style", "empty_figure",
    "partner_map", "visits_timeline", "monthly_bar", "topic_bars", "topic_partner_heatmap", "topics_over_time",
    "headline_figure", "topic_comparison_bars", "people_timeline",
    "PRESENTATION_FONT", "PRESENTATION_TITLE", "presentation_layout",
]
