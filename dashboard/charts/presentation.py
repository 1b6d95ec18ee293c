"""Presentation mode's type: large text for a projector (see dashboard/pages/present.py)."""

from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go

__all__ = ["PRESENTATION_FONT", "PRESENTATION_TITLE", "presentation_layout"]

#: Presentation type sizes in px: every chart text at least ``PRESENTATION_FONT``
#: (readable from the back of a room at 1920x1080), titles ``PRESENTATION_TITLE``.
PRESENTATION_FONT = 22
PRESENTATION_TITLE = 32
_AXIS_KEY_RE = re.compile(r"^[xy]axis\d*$")


def presentation_layout(fig: go.Figure, lang: str = "ar", *, height: int | None = None,
                        font_size: int = PRESENTATION_FONT, title_size: int = PRESENTATION_TITLE) -> go.Figure:
    """A copy of ``fig`` with presentation-size type; the data are not touched.

    Sets the base font, title, legend, hover, axis tick and title, annotation,
    trace text and colour-bar fonts to at least ``font_size`` (titles to
    ``title_size``), enlarges scalar marker sizes and line widths in
    proportion, and widens the margins that the builders reserved for text
    (the title band, a top legend, a colour bar) by the same factor, so the
    larger type is not clipped. Colours, direction (mirroring in Arabic) and
    every data array stay as the builder made them.

    Args:
        fig: a figure from one of the chart builders (any figure works).
        lang: ``"ar"`` or ``"en"`` (kept for symmetry with the builders; the
            mirroring is already in ``fig``).
        height: figure height in px, or None to scale the builder's height.
        font_size: minimum size of every text, px.
        title_size: chart title size, px.

    Returns:
        A new figure.
    """
    del lang  # the builder already mirrored the layout
    out = go.Figure(fig)
    layout = out.layout
    factor = font_size / 13  # 13 px: the builders' base size (see _template)
    layout.font.size = font_size
    layout.title.font.size = title_size
    layout.legend.font.size = font_size
    layout.legend.title.font.size = font_size
    layout.hoverlabel.font.size = font_size
    present = layout.to_plotly_json()
    for key in present:
        if _AXIS_KEY_RE.match(key):
            axis = layout[key]
            axis.tickfont.size = max(axis.tickfont.size or 0, font_size)
            axis.title.font.size = max(axis.title.font.size or 0, font_size)
            # A little air between tick labels and bars (labels at 22 px touch them otherwise).
            axis.ticklabelstandoff = max(axis.ticklabelstandoff or 0, 8)
    for note in layout.annotations:
        note.font.size = max(note.font.size or 0, font_size)
    for trace in out.data:
        if "textfont" in trace:
            trace.textfont.size = font_size
        if "colorbar" in trace:
            trace.colorbar.tickfont.size = font_size
            trace.colorbar.title.font.size = font_size
            trace.colorbar.thickness = round((trace.colorbar.thickness or 12) * factor)
        if "marker" in trace and "size" in trace.marker and trace.marker.size is not None:
            # Uniform scaling: an area-coded marker keeps its proportions.
            size = trace.marker.size
            trace.marker.size = size * min(factor, 1.5) if isinstance(size, (int, float)) \
                else np.asarray(size, dtype=float) * min(factor, 1.5)
        if "line" in trace and "width" in trace.line and isinstance(trace.line.width, (int, float)):
            trace.line.width = trace.line.width * min(factor, 1.5)
    margin = layout.margin
    top = margin.t if margin.t is not None else 60
    entries = sum(1 for trace in out.data if trace.showlegend is not False)
    if layout.legend.orientation == "h" and (entries < 2 and layout.showlegend is not True):
        # A top legend with one entry is not drawn (plotly's default): only the title band is needed.
        top = min(top, 60)
    layout.margin = dict(
        t=round(top * factor),
        b=margin.b if margin.b is not None else 10,
        # 10 px is plain padding; anything wider was reserved for text.
        l=margin.l if (margin.l or 0) <= 10 else round(margin.l * factor),
        r=margin.r if (margin.r or 0) <= 10 else round(margin.r * factor),
    )
    # Larger type needs more room than a builder's own margin sizing allowed for: let plotly size
    # every margin (a second draw costs little on a slide).
    for key in present:
        if _AXIS_KEY_RE.match(key):
            layout[key].automargin = True
    if height is not None:
        layout.height = height
    elif layout.height is not None:
        layout.height = round(layout.height * factor)
    return out
