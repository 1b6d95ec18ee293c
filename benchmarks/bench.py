"""Benchmarks that print figures: ``python -m benchmarks.bench [--sizes 1000 10000 100000]``.

Synthetic corpora are built from the seed articles' paragraphs behind a varied
lead sentence (partner country, visitor, date form), so the extractor does the
same work as on real articles. The corpus files are dated an hour back, as a
collection is when an article is added to it (a file written less than two
seconds before a run is read again by the next one: see ``pipeline.SETTLED_NS``).

Figures: the pipeline as a user runs it, ``python -m dashboard.preprocess`` in its own
process (interpreter start, imports, worker processes, every write), timed from start
to exit; the same command again after adding one article; peak memory of the run,
the main process's and each worker's peak resident set added up; and
chart-building time per page from the resulting store.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from dashboard import analytics, charts, config, store
from dashboard.analytics import topics_for
from dashboard.preprocess.dates import MONTH_LABELS_AR
from dashboard.preprocess.gazetteer import load_gazetteer

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


def _age(folder: Path, seconds: float = 3600) -> None:
    """Date every file in ``folder`` ``seconds`` back."""
    when = time.time() - seconds
    for path in folder.iterdir():
        os.utime(path, (when, when))


class _PeakMemory:
    """Each process's peak resident set (VmHWM) in a process tree, sampled from /proc every 10 ms.

    The total is the sum of every process's own peak: the pipeline's main process and its
    workers (forked, so pages they share are counted in each: an upper bound).
    """

    def __init__(self, pid: int) -> None:
        self.pid, self.peaks_kb, self._stop = pid, {}, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as handle:
                        todo += [int(child) for child in handle.read().split()]
            except OSError:
                continue
        return pids

    def _sample(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/status") as handle:
                        hwm = next(int(line.split()[1]) for line in handle if line.startswith("VmHWM:"))
                except (OSError, StopIteration, ValueError):
                    continue
                self.peaks_kb[pid] = max(hwm, self.peaks_kb.get(pid, 0))
            self._stop.wait(0.01)

    def stop(self) -> float:
        """Stop sampling; the total in MB."""
        self._stop.set()
        self._thread.join()
        return sum(self.peaks_kb.values()) / 1024


def _pipeline_process(articles: Path, data: Path, workers: int | None, events: bool = True
                      ) -> tuple[float, float, str]:
    """``python -m dashboard.preprocess`` in its own process: (seconds from start to exit,
    peak MB of the process and its workers, what it printed). Without ``events``, the same
    run with no signatures and no event tables (``benchmarks.without_events``)."""
    module = "dashboard.preprocess" if events else "benchmarks.without_events"
    command = [sys.executable, "-m", module, "--input", str(articles), "--output", str(data)]
    if workers:
        command += ["--workers", str(workers)]
    os.sync()  # the corpus just written is on disk, as it is when a run starts long after the last write
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    memory = _PeakMemory(process.pid)
    out, _ = process.communicate()
    seconds = time.perf_counter() - started
    peak_mb = memory.stop()
    if process.returncode:
        raise RuntimeError(f"pipeline exited with {process.returncode}: {out}")
    return seconds, peak_mb, out


def _counts(out: str) -> tuple[int, int]:
    """(articles processed, meetings found) from the pipeline's summary line."""
    match = re.search(r"processed (\d+),.*meetings found: (\d+)", out)
    if not match:
        raise RuntimeError(f"no summary in the pipeline's output: {out}")
    return int(match.group(1)), int(match.group(2))


def bench_pipeline(size: int, workdir: Path, workers: int | None = None, events: bool = True) -> dict[str, float]:
    """Full run, then a re-run after adding one article, each as its own process; returns the figures."""
    articles, data = workdir / f"articles_{size}", workdir / f"data_{size}"
    make_corpus(articles, size)
    _age(articles)
    full, peak_mb, out = _pipeline_process(articles, data, workers, events)
    processed, meetings = _counts(out)
    assert processed == size, out
    make_corpus(articles / "extra", 1, seed=size)
    shutil.move(articles / "extra" / "synthetic_000000.txt", articles / "added_one.txt")
    incremental, _, out = _pipeline_process(articles, data, workers, events)
    assert _counts(out)[0] == 1, out
    figures = bench_page_figures(data)
    shutil.rmtree(articles)
    shutil.rmtree(data)
    return {"articles": size, "meetings": meetings, "seconds": full, "per_second": size / full,
            "ms_per_article": 1000 * full / size, "incremental_s": incremental, "peak_mb": peak_mb, **figures}


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
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the per-article step (default: one per core)")
    parser.add_argument("--without-events", action="store_true",
                        help="the same runs with no signatures and no event tables, to see what grouping adds")
    args = parser.parse_args(argv)
    print(f"python -m dashboard.preprocess on synthetic seed-like corpora "
          f"({args.workers or os.cpu_count()} worker process(es)), whole process from start to exit; "
          "then each page's figures from the result."
          + (" Without event grouping (no signatures, no event tables)." if args.without_events else ""))
    print("Peak memory: the run's main process and workers, each one's peak resident set, added up.")
    print("Browser first render at 10,000 meetings: python -m benchmarks.bench_browser")
    header = (f"{'articles':>9} {'meetings':>9} {'time s':>8} {'art/s':>6} {'ms/art':>7} {'+1 re-run s':>11} "
              f"{'peak MB':>8} {'overview ms':>11} {'map ms':>7} {'timeline ms':>11} {'topics ms':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        print(header)
        for size in args.sizes:
            r = bench_pipeline(size, Path(tmp), args.workers, events=not args.without_events)
            print(f"{r['articles']:>9} {r['meetings']:>9} {r['seconds']:>8.1f} {r['per_second']:>6.0f} "
                  f"{r['ms_per_article']:>7.2f} {r['incremental_s']:>11.2f} {r['peak_mb']:>8.0f} "
                  f"{r['overview_ms']:>11.0f} {r['map_ms']:>7.0f} {r['timeline_ms']:>11.0f} {r['topics_ms']:>9.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
