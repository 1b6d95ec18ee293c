"""Time opening a partner's profile: a partner with 500 meetings among 10,000 and 100,000.

Run with ``python -m benchmarks.bench_profile [--meetings 10000 100000] [--partner-meetings 500]``.

The meetings are ``bench_charts.synthetic_tables`` (random, reproducible), with
``--partner-meetings`` of them given to Pakistan, spread over five years, each
with a counterpart among a few hundred people (``_counterparts``: names spelt
several ways, so the people list has variants to merge and near-names to keep
apart). What is timed is everything the partner page
computes before Streamlit draws it, in the page's order: the selection with
every partner (the sidebar's other filters), the picker's directory, the
partner's rows, the headline, the history, the first page of it as a table
with source links, the people, the topics against every other partner, the
related partners, and the page's three figures. Each step is run once to warm
caches and then timed as the best of five runs (the least disturbed by other
processes on a shared machine). ``ui.shared`` keeps the selection, the
directory, the history, the comparison and the related partners for every
later session opening the same view, so a second opening costs only the rest.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from benchmarks.bench_charts import synthetic_tables
from dashboard import analytics, charts, tables
from dashboard.analytics import Filters, Partner

PARTNER = Partner("country", "PAK")
_FIRST = ("خواجة", "عاصم", "رانا", "ساحر", "قمر", "نديم", "شهباز", "عمران", "بلال", "طارق", "فيصل", "زاهد")
_MIDDLE = ("", "محمد", "جاويد", "أحمد")
_LAST = ("آصف", "منير", "أختر", "ميرزا", "باجوا", "شودري", "شريف", "خان", "رضا", "حسين", "قريشي", "ملك")
_TITLES = ("وزير الدفاع", "قائد الجيش", "رئيس هيئة الأركان المشتركة", "وزير الخارجية", "السفير", "وفد عسكري")


def _counterparts(rng: np.random.Generator, n: int) -> tuple[list[str], list[str]]:
    """``n`` counterparts' names and titles: a few hundred people (first, optional middle and last name),
    a quarter of the mentions spelt another way (ة/ه, آ/ا, the middle name left out), one in ten
    meetings giving only a title."""
    first, middle, last = (rng.integers(0, len(words), n) for words in (_FIRST, _MIDDLE, _LAST))
    names = []
    for f, m, l, variant, title_only in zip(first, middle, last, rng.random(n) < 0.25, rng.random(n) < 0.1):
        if title_only:
            names.append("")
            continue
        words = [_FIRST[f], _MIDDLE[m], _LAST[l]]
        if variant:
            words = [w.replace("ة", "ه").replace("آ", "ا") for w in words]
            words[1] = "" if rng.random() < 0.5 else words[1]
        names.append(" ".join(w for w in words if w))
    return names, [_TITLES[i] for i in rng.integers(0, len(_TITLES), n)]


def with_partner(meetings: pd.DataFrame, partner_meetings: int, seed: int = 7) -> pd.DataFrame:
    """``meetings`` with ``partner_meetings`` of its rows made Pakistan's, dated over five years."""
    rng = np.random.default_rng(seed)
    rows = rng.choice(len(meetings), size=min(partner_meetings, len(meetings)), replace=False)
    out = meetings.copy()
    days = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 5 * 365, len(rows)), unit="D")
    names, titles = _counterparts(rng, len(rows))
    updates = {
        "partner_country_iso3": "PAK", "partner_country_ar": "باكستان", "partner_country_en": "Pakistan",
        "partner_countries_iso3": "PAK", "partner_org_ar": "", "partner_org_en": "",
    }
    for column, value in updates.items():
        out.loc[out.index[rows], column] = value
    out.loc[out.index[rows], "date"] = days.strftime("%Y-%m-%d").to_numpy()
    out.loc[out.index[rows], "visitor_name_ar"] = names
    out.loc[out.index[rows], "visitor_title_ar"] = titles
    return out


def _best(function: Callable[[], object], repeats: int = 5) -> tuple[float, object]:
    result = function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def bench(n: int, partner_meetings: int, lang: str = "ar") -> tuple[int, list[tuple[str, float]]]:
    """(the partner's meetings, milliseconds for each step of opening the profile, in the page's order)."""
    meetings, topics = synthetic_tables(n)
    meetings = with_partner(meetings, partner_meetings)
    articles = pd.DataFrame({"article_id": meetings["article_id"], "file": meetings["article_id"] + ".txt",
                             "title": "", "outlet": "واس", "published_date": "", "source_url": ""})
    filters = Filters(countries=(PARTNER.key,), lang=lang)
    steps: list[tuple[str, float]] = []

    def step(name: str, function: Callable[[], object]) -> object:
        ms, result = _best(function)
        steps.append((name, ms))
        return result

    base, base_topics = step("selection with every partner", lambda: analytics.every_partner(meetings, topics, filters))
    step("picker directory", lambda: analytics.partner_directory(base, lang))
    rows, mine = step("partner's rows", lambda: analytics.partner_rows(base, base_topics, PARTNER))
    step("headline", lambda: analytics.partner_headline(rows))
    history = step("history", lambda: analytics.partner_history(rows, mine, lang, PARTNER))
    step("history page 1 with links", lambda: tables.history_for_display(
        analytics.history_page(history, 1, 25)[0], lang, filters))
    step("sources of page 1", lambda: analytics.history_sources(analytics.history_page(history, 1, 25)[0],
                                                                 meetings, articles))
    people = step("people", lambda: analytics.partner_people(history))
    comparison = step("topics against the others", lambda: analytics.topic_comparison(rows, mine, base, base_topics,
                                                                                       lang))
    step("related partners", lambda: analytics.related_partners(base, base_topics, PARTNER, lang))
    step("figure: people over time", lambda: charts.people_timeline(people, lang))
    step("figure: topic comparison", lambda: charts.topic_comparison_bars(comparison, "باكستان", lang))
    step("figure: topics over time", lambda: charts.topics_over_time(rows, mine, lang))
    assert len(history) == len(rows) >= partner_meetings
    return len(rows), steps


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_profile", description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--partner-meetings", type=int, default=500)
    args = parser.parse_args()
    for n in args.meetings:
        partner_rows, steps = bench(n, args.partner_meetings)
        print(f"\n{n:,} meetings, Pakistan in {partner_rows:,} of them (best of 5, ms)")
        for name, ms in steps:
            print(f"  {name:<32} {ms:8.1f}")
        print(f"  {'whole profile':<32} {sum(ms for _, ms in steps):8.1f}")


if __name__ == "__main__":
    main()
