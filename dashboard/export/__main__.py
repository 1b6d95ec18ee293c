"""Command line: a slide deck of the dashboard's charts for a set of filters (the sidebar's), or one
partner's briefing pack::

    python -m dashboard.export --output briefing.pptx --lang ar --country MDV --from 2025-01-01
    python -m dashboard.export --output briefing.pdf --lang en --event visit_received,agreement --no-undated
    python -m dashboard.export --partner PAK --output brief.pptx --lang ar --from 2025-01-01
    python -m dashboard.export --partner "المالديف" --output brief.pdf

Both count what the dashboard counts: events, or reports with ``--count reports``
(``loading.counted_tables``). ``--partner`` takes an ISO3 code, an
organisation's key or a name in Arabic or English (``analytics.find_partner``
over the partners of the selection); no match, or no meeting with that partner
under the other filters, exits with status 2 and says which.
``--data-dir`` and ``--articles-dir`` default to the dashboard's folders; the
pipeline runs first if there is no store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard import analytics, config, i18n, loading
from dashboard.export.deck import CHARTS
from dashboard.export.partner import comparison_base, render_partner_deck
from dashboard.export.render import DEFAULT_CHROMIUM, chromium_path
from dashboard.export.write import DECK_FORMATS, build_deck, write_deck
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
        description="Write a slide deck (PowerPoint or PDF) of the dashboard's charts for a set of filters, "
                    "or a partner's briefing pack (--partner).")
    p.add_argument("--output", "-o", required=True, type=Path, help="briefing.pptx or briefing.pdf")
    p.add_argument("--partner", help="write this partner's briefing pack: an ISO3 code (PAK), an organisation's "
                                     "English name, or a name in Arabic or English (Pakistan, باكستان)")
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
    p.add_argument("--count", choices=("events", "reports"), default="events",
                   help="count events (real meetings, the default) or reports, as the dashboard's switch")
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
    if getattr(args, "count", "events") == "reports":
        query["count"] = "reports"
    return analytics.filters_from_query(query)


def _tables(data_dir: Path, articles_dir: Path) -> loading.LoadedTables:
    """The tables as the dashboard sees them (``loading.load_tables``: corrections applied, hidden and
    merged meetings left out), running the pipeline first if there is no store."""
    if not loading.has_store(data_dir):
        print(f"No store in {data_dir}: running the pipeline on {articles_dir} first.", file=sys.stderr)
        pipeline.run(articles_dir, data_dir, progress_stream=None)
    return loading.load_tables(data_dir)


def find_cli_partner(query: str, tables: loading.LoadedTables, filters: analytics.Filters
                     ) -> tuple[analytics.Partner | None, str]:
    """(the partner ``query`` names among the selection's partners, "") or (None, why not): no partner
    of that name at all, or one with no meeting under the other filters."""
    base, _ = comparison_base(tables, filters)
    partner = analytics.find_partner(query, analytics.partner_directory(base, filters.lang))
    if partner is not None:
        return partner, ""
    meetings, _ = loading.counted_tables(tables, filters)
    anywhere = analytics.find_partner(query, analytics.partner_directory(meetings, filters.lang))
    if anywhere is None:
        return None, f"no partner matches {query!r} (give an ISO3 code, an organisation or a name in Arabic or English)"
    return None, f"{query!r} ({anywhere.key}) has no meetings under these filters"


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
    if args.partner is not None and (filters.countries or filters.organisations):
        parser.error("--partner names the partner: leave out --country and --org")
    data_dir = args.data_dir or config.data_dir()
    articles_dir = args.articles_dir or config.articles_dir()
    tables = _tables(data_dir, articles_dir)
    partner = None
    if args.partner is not None:
        partner, problem = find_cli_partner(args.partner, tables, filters)
        if partner is None:
            print(f"python -m dashboard.export: error: {problem}", file=sys.stderr)
            return 2
    if chromium_path() is None:
        print(f"Chromium not found: install it at {DEFAULT_CHROMIUM} or set BROWSER_PATH.", file=sys.stderr)
        return 2
    if partner is not None:
        deck = render_partner_deck(tables, filters, partner, filters.lang)
        out = write_deck(deck, args.output)
        print(f"Wrote {out} ({len(deck.slides)} slides, briefing pack of {partner.kind} {partner.key}).")
        return 0
    # The rows the dashboard counts: events, or reports in the reports view.
    meetings, meeting_topics = loading.counted_tables(tables, filters)
    out = build_deck(meetings, meeting_topics, filters, filters.lang, args.output)
    shown = analytics.apply_filters(meetings, meeting_topics, filters)
    print(f"Wrote {out} ({len(CHARTS)} slides, {len(shown)} meetings).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
