"""Command line: a slide deck of the dashboard's charts for a set of filters (the sidebar's)::

    python -m dashboard.export --output briefing.pptx --lang ar --country MDV --from 2025-01-01
    python -m dashboard.export --output briefing.pdf --lang en --event visit_received,agreement --no-undated

``--data-dir`` and ``--articles-dir`` default to the dashboard's folders; the
pipeline runs first if there is no store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dashboard import analytics, config, i18n, loading
from dashboard.export.deck import CHARTS
from dashboard.export.render import DEFAULT_CHROMIUM, chromium_path
from dashboard.export.write import DECK_FORMATS, build_deck
from dashboard.preprocess import pipeline
from dashboard.preprocess.schema import EVENT_TYPES


def _values(items: Sequence[str] | None) -> list[str]:
    """Repeatable options that may also hold comma lists: ``--country MDV --country EGY,MYS``."""
    return [v.strip() for item in items or () for v in item.split(",") if v.strip()]


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Write a slide deck (PowerPoint or PDF) of the dashboard's charts for a set of filters.")
    p.add_argument("--output", "-o", required=True, type=Path, help="briefing.pptx or briefing.pdf")
    p.add_argument("--lang", choices=i18n.LANGS, default="ar", help="deck language (default ar)")
    p.add_argument("--from", dest="date_from", type=_iso_date, help="first date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_iso_date, help="last date, YYYY-MM-DD")
    p.add_argument("--country", action="append", help="partner country ISO3 code (repeatable or comma list)")
    p.add_argument("--org", action="append", help="partner organisation, English name as in the data (repeatable)")
    p.add_argument("--event", action="append", help="event type code (repeatable or comma list)")
    p.add_argument("--topic", action="append", help="topic id (repeatable or comma list)")
    p.add_argument("--include-background", action="store_true",
                   help="count topics found only in background paragraphs")
    p.add_argument("--no-undated", action="store_true", help="leave out meetings without a date")
    p.add_argument("--data-dir", type=Path, help="store folder (default: IMCTC_DATA_DIR or ./data)")
    p.add_argument("--articles-dir", type=Path,
                   help="articles folder, used when the store must be built (default: IMCTC_ARTICLES_DIR or ./seeds)")
    return p


def filters_from_args(args: argparse.Namespace) -> analytics.Filters:
    """The command line's filters, through the same parser as the URL (``filters_from_query``)."""
    query = {"lang": args.lang}
    if args.date_from:
        query["from"] = args.date_from
    if args.date_to:
        query["to"] = args.date_to
    for key, values in (("country", _values(args.country)), ("org", _values(args.org)),
                        ("event", _values(args.event)), ("topic", _values(args.topic))):
        if values:
            query[key] = ",".join(values)
    if args.no_undated:
        query["undated"] = "0"
    if args.include_background:
        query["background"] = "1"
    return analytics.filters_from_query(query)


def _tables(data_dir: Path, articles_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``meetings`` and ``meeting_topics`` as the dashboard sees them (``loading.load_tables``: corrections
    applied, hidden and merged meetings left out), running the pipeline first if there is no store."""
    if not loading.has_store(data_dir):
        print(f"No store in {data_dir}: running the pipeline on {articles_dir} first.", file=sys.stderr)
        pipeline.run(articles_dir, data_dir, progress_stream=None)
    tables = loading.load_tables(data_dir)
    return tables.meetings, tables.meeting_topics


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m dashboard.export --output briefing.pptx --lang ar --country MDV``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.output.suffix.lower().lstrip(".") not in DECK_FORMATS:
        parser.error("--output must end in .pptx or .pdf")
    filters = filters_from_args(args)
    ignored = ([c for c in _values(args.country) if c.upper() not in filters.countries]
               + [e for e in _values(args.event) if e not in EVENT_TYPES])
    if ignored:
        parser.error(f"not a country code or event type: {', '.join(ignored)} "
                     f"(event types: {', '.join(EVENT_TYPES)})")
    data_dir = args.data_dir or config.data_dir()
    articles_dir = args.articles_dir or config.articles_dir()
    meetings, meeting_topics = _tables(data_dir, articles_dir)
    if chromium_path() is None:
        print(f"Chromium not found: install it at {DEFAULT_CHROMIUM} or set BROWSER_PATH.", file=sys.stderr)
        return 2
    out = build_deck(meetings, meeting_topics, filters, filters.lang, args.output)
    shown = analytics.apply_filters(meetings, meeting_topics, filters)
    print(f"Wrote {out} ({len(CHARTS)} slides, {len(shown)} meetings).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
