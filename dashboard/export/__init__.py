"""Slide decks (PowerPoint or PDF): the current view, or one partner's briefing pack; safe download file names.

``build_deck(meetings, meeting_topics, filters, lang, out_path)`` applies the
sidebar's filters to the full tables and writes one slide per chart (headline
figures, partner map, timeline, monthly count, topics, topic by partner), each
with its title, a line saying which filters produced it (in the deck's
language) and the export date. ``build_partner_deck(tables, filters, partner,
lang, out_path)`` writes a partner's briefing pack: the headline as text, the
meeting history, people, agreements and sources as native tables, the topics
against the other partners as a chart. ``.pptx`` or ``.pdf`` is chosen by
extension.

One module per job:

* ``filenames``: ``safe_filename``, ASCII download names.
* ``wording``: the filters in words (``filter_parts``, ``describe_filters``).
* ``deck``: what is on a slide: ``CHARTS``, the slide geometry, ``SlideContent``
  (a chart image, a ``SlideTable`` or text lines), ``Deck`` (text, tables of
  text and images only) and ``deck_figures`` (the dashboard's own figures,
  from ``dashboard.charts``).
* ``partner``: the briefing pack: ``partner_brief`` (the partner page's record,
  pure), ``brief_slides`` (its slides, pure) and ``render_partner_deck``.
* ``render``: figures drawn to PNG by plotly.js in headless Chromium
  (kaleido), offline; ``render_deck`` gathers a ``Deck``.
* ``pptx``: ``write_pptx`` (right-to-left paragraphs, Arabic font).
* ``pdf``: ``deck_html`` and ``write_pdf`` (the HTML printed by Chromium).
* ``write``: ``write_deck``, ``build_deck``, ``deck_bytes``, ``build_partner_deck``,
  ``partner_deck_bytes`` and ``DECK_FORMATS``.
* ``__main__``: the command line, ``python -m dashboard.export --output briefing.pptx --lang ar --country MDV``,
  or a partner's pack with ``--partner PAK`` (a code or a name, in Arabic or English).

Every string stays in logical order: Chromium and PowerPoint shape the
Arabic themselves (see ``dashboard/rtl.py``). python-pptx and kaleido are
imported inside the functions that need them, so importing this package
(``ui.py`` does, for ``safe_filename``) stays cheap.
"""

from __future__ import annotations

from dashboard.export.deck import CHARTS, FONT_NAME, Deck, SlideContent, SlideTable, deck_figures
from dashboard.export.filenames import safe_filename
from dashboard.export.partner import PartnerBrief, brief_slides, partner_brief, render_partner_deck
from dashboard.export.pdf import deck_html, write_pdf
from dashboard.export.pptx import write_pptx
from dashboard.export.render import chromium_path, render_deck, render_pngs, topojson_url
from dashboard.export.wording import describe_filters, filter_parts
from dashboard.export.write import (DECK_FORMATS, build_deck, build_partner_deck, deck_bytes, partner_deck_bytes,
                                    write_deck)

__all__ = [
    "CHARTS",
    "DECK_FORMATS",
    "FONT_NAME",
    "Deck",
    "SlideContent",
    "SlideTable",
    "PartnerBrief",
    "partner_brief",
    "brief_slides",
    "render_partner_deck",
    "chromium_path",
    "safe_filename",
    "filter_parts",
    "describe_filters",
    "topojson_url",
    "deck_html",
    "deck_figures",
    "render_pngs",
    "render_deck",
    "write_pptx",
    "write_pdf",
    "write_deck",
    "build_deck",
    "deck_bytes",
    "build_partner_deck",
    "partner_deck_bytes",
]
