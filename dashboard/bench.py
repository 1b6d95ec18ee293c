"""Benchmarks that print figures: ``python -m dashboard.bench [--sizes 1000 10000 100000]``.

Synthetic corpora are built from the seed articles' paragraphs behind a varied
lead sentence (partner country, visitor, date form), so the extractor does the
same work as on real articles. Figures: articles per second, peak memory, the
incremental re-run after adding one article, and chart-building time per page.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from dashboard import analytics, charts, config, store
from dashboard.analytics import topics_for
from dashboard.preprocess.dates import MONTH_LABELS_AR
from dashboard.preprocess.gazetteer import load_gazetteer
from dashboard.preprocess.pipeline import run

_SG = "الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي"
_TITLES = ("وزير الدفاع في", "سفير", "رئيس هيئة الأركان في", "وفداً من", "نائب وزير الخارجية في")
_NAMES = ("أحمد علي حسن", "خالد عبدالله", "سارة محمد", "يوسف إبراهيم", "عمر الفاروق", "ليلى حسين")
_LEADS = (
    "استقبل {sg}، {when}، {title} {country} {name}، في مقر التحالف بالرياض.",
    "التقى {sg}، {when}، مع {title} {country} اللواء {name}.",
    "زار {title} {country}، {name}، مقر التحالف الإسلامي العسكري لمحاربة الإرهاب {when}.",
)


# Seed lead paragraphs would add a second, copied meeting to every synthetic article.
_SEED_LEAD_VERBS = ("استقبل", "التقى", "زار")


def _seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((config.ROOT / "seeds").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n")
                       if len(p.split()) > 12 and p.split()[0] not in _SEED_LEAD_VERBS]
    return paragraphs


def make_corpus(folder: Path, count: int, seed: int = 42) -> None:
    """Write ``count`` synthetic seed-like articles and a metadata.csv into ``folder``."""
    rng = random.Random(seed)
    countries = [c.name_ar for c in load_gazetteer().countries.values() if c.iso3 != "SAU"]
    paragraphs = _seed_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    meta = ["file,published_date,source_url,outlet"]
    for i in range(count):
        year, month, day = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
        when = rng.choice(("اليوم", f"في {day} {MONTH_LABELS_AR[month]} {year}", "أمس", f"{day}/{month}/{year}"))
        lead = rng.choice(_LEADS).format(sg=_SG, when=when, title=rng.choice(_TITLES),
                                         country=rng.choice(countries), name=rng.choice(_NAMES))
        body = "\n\n".join([lead, *rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 9)))])
        name = f"synthetic_{i:06d}.txt"
        (folder / name).write_text(body, encoding="utf-8")
        meta.append(f"{name},{year}-{month:02d}-{day:02d},,bench")
    (folder / "metadata.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_pipeline(size: int, workdir: Path, workers: int = 1) -> dict[str, float]:
    """Full run, then a re-run after adding one article; returns the figures."""
    articles, data = workdir / f"articles_{size}", workdir / f"data_{size}"
    make_corpus(articles, size)
    started = time.perf_counter()
    report = run(articles, data, progress_stream=None, workers=workers)
    full = time.perf_counter() - started
    make_corpus(articles / "extra", 1, seed=size)
    shutil.move(articles / "extra" / "synthetic_000000.txt", articles / "added_one.txt")
    started = time.perf_counter()
    again = run(articles, data, progress_stream=None)
    incremental = time.perf_counter() - started
    assert again.processed == 1, again.processed
    figures = bench_page_figures(data)
    shutil.rmtree(articles)
    shutil.rmtree(data)
    return {"articles": size, "meetings": report.meetings, "seconds": full, "per_second": size / full,
            "ms_per_article": 1000 * full / size, "incremental_s": incremental, "peak_mb": _peak_mb(), **figures}


def bench_page_figures(data: Path) -> dict[str, float]:
    """Milliseconds to build each page's figures from the store (best of three)."""
    db = data / store.DB_NAME
    meetings, topics = store.read_table(db, "meetings"), store.read_table(db, "meeting_topics")
    shown = topics_for(meetings, topics, include_background=False)
    pages = {
        "overview": lambda: (analytics.headline_figures(meetings, shown), charts.partner_map(meetings, "ar"),
                             charts.monthly_bar(meetings, "ar"), charts.topic_bars(shown, "ar")),
        "map": lambda: (charts.partner_map(meetings, "ar"), analytics.organisation_counts(meetings, "ar"),
                        analytics.country_counts(meetings, "ar")),
        "timeline": lambda: (charts.visits_timeline(meetings[analytics.timeline_partner_pages(meetings)[0][0]], "ar"),
                             charts.monthly_bar(meetings, "ar"), analytics.undated_meetings(meetings)),
        "topics": lambda: (charts.topic_bars(shown, "ar"), charts.topic_partner_heatmap(meetings, shown, "ar"),
                           charts.topics_over_time(meetings, shown, "ar")),
    }
    timings = {}
    for page, build in pages.items():
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            build()
            best = min(best, time.perf_counter() - started)
        timings[f"{page}_ms"] = 1000 * best
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--workers", type=int, default=1, help="processes for the per-article step (default 1)")
    args = parser.parse_args(argv)
    print(f"Pipeline on synthetic seed-like corpora ({args.workers} worker process(es)), "
          "then each page's figures from the result.")
    print("Peak memory is the process's high-water mark so far (sizes run in increasing order).")
    print("Browser first render at 10,000 meetings: python -m dashboard.bench_browser")
    header = (f"{'articles':>9} {'meetings':>9} {'time s':>8} {'art/s':>6} {'ms/art':>7} {'+1 re-run s':>11} "
              f"{'peak MB':>8} {'overview ms':>11} {'map ms':>7} {'timeline ms':>11} {'topics ms':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        print(header)
        for size in args.sizes:
            r = bench_pipeline(size, Path(tmp), args.workers)
            print(f"{r['articles']:>9} {r['meetings']:>9} {r['seconds']:>8.1f} {r['per_second']:>6.0f} "
                  f"{r['ms_per_article']:>7.2f} {r['incremental_s']:>11.2f} {r['peak_mb']:>8.0f} "
                  f"{r['overview_ms']:>11.0f} {r['map_ms']:>7.0f} {r['timeline_ms']:>11.0f} {r['topics_ms']:>9.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
