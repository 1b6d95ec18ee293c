"""Many staff at once: ``python -m benchmarks.loadtest [--sessions 20] [--seconds 60]``.

Runs ``--sessions`` dashboard sessions (Streamlit's AppTest, one per process) that keep changing the
sidebar filters for a bounded time, while one more session adds articles and another records
corrections, all against a copy of the seeds in a temporary folder. Prints the errors (must be zero),
the median and 95th-percentile time of a filter change, and checks afterwards that every added article
and every correction is in the store. Exits non-zero on any error or anything missing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import config, corrections, store
from dashboard.ingest import add_articles, pasted_article
from dashboard.preprocess.pipeline import run

_COUNTRIES = ("MDV", "EGY", "MYS", "DNK")
_EVENTS = ("visit_received", "visit_abroad", "agreement")
_PAGES = ("partner_map", "timeline", "topics", "data_tables")
_NEW_PARTNERS = ("سفير جمهورية إندونيسيا", "وزير الدفاع الباكستاني", "سفير دولة الكويت", "وزير الدفاع التركي",
                 "سفير جمهورية السنغال", "رئيس أركان القوات المسلحة النيجيرية")


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    filter_changes: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    uploaded: list[str] = field(default_factory=list)
    corrected: list[int] = field(default_factory=list)

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def _viewer(index: int, deadline: float) -> tuple[list[float], list[str]]:
    """One member of staff exploring: switch page, change a filter, repeat. Runs in its own process:
    AppTest installs a process-wide Streamlit runtime, so two sessions cannot share a process."""
    from streamlit.testing.v1 import AppTest

    rng = random.Random(index)
    timings: list[float] = []
    try:
        at = AppTest.from_file(str(config.ROOT / "streamlit_app.py"), default_timeout=120)
        at.run()
        at.switch_page(f"dashboard/pages/{rng.choice(_PAGES)}.py")
        at.run()
        while time.time() < deadline:
            choice = rng.randrange(4)
            started = time.perf_counter()
            if choice == 0:
                at.multiselect(key="flt_country").set_value(rng.sample(_COUNTRIES, rng.randint(0, 2))).run()
            elif choice == 1:
                at.multiselect(key="flt_event").set_value(rng.sample(_EVENTS, rng.randint(0, 1))).run()
            elif choice == 2:
                at.toggle(key="flt_undated").set_value(rng.random() < 0.5).run()
            else:
                at.toggle(key="flt_background").set_value(rng.random() < 0.5).run()
            elapsed = time.perf_counter() - started
            if at.exception:
                return timings, [f"viewer {index}: {at.exception[0].value}"]
            timings.append(elapsed)
    except Exception as exc:  # a load test reports every failure instead of dying on the first
        return timings, [f"viewer {index}: {type(exc).__name__}: {exc}"]
    return timings, []


def _uploader(deadline: float, tally: Tally, articles: Path, data: Path) -> None:
    """One member of staff pasting new articles one after another."""
    n = 0
    while time.time() < deadline:
        text = (f"استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
                f"المغيدي، في مقر التحالف بالرياض اليوم، {_NEW_PARTNERS[n % len(_NEW_PARTNERS)]}. (رقم {n})")
        try:
            report = add_articles(articles, [pasted_article(text, published_date=f"2025-10-{1 + n % 28:02d}")],
                                  data_dir=data)
            with tally.lock:
                tally.uploaded += report.stored_files
            if not report.stored_files:
                tally.error(f"upload {n}: nothing stored ({report.rejected or report.duplicates})")
        except Exception as exc:
            tally.error(f"upload {n}: {type(exc).__name__}: {exc}")
        n += 1
        time.sleep(1.0)


def _corrector(deadline: float, tally: Tally, data: Path) -> None:
    """One member of staff correcting visitor titles."""
    db = data / store.DB_NAME
    n = 0
    while time.time() < deadline:
        try:
            meeting_ids = store.read_table(db, "meetings")["meeting_id"].tolist()
            meeting_id = meeting_ids[n % len(meeting_ids)]
            correction_id = corrections.record_correction(db, meeting_id, "visitor_title_ar", f"صفة مصححة {n}",
                                                          note="load test")
            if correction_id is not None:
                with tally.lock:
                    tally.corrected.append(correction_id)
        except Exception as exc:
            tally.error(f"correction {n}: {type(exc).__name__}: {exc}")
        n += 1
        time.sleep(0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    saved = {k: os.environ.get(k) for k in ("IMCTC_ARTICLES_DIR", "IMCTC_DATA_DIR")}
    try:
        return _load(args.sessions, args.seconds)
    finally:  # the sessions read these; leave the process as it was found
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _load(sessions: int, seconds: float) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        articles, data = Path(tmp) / "articles", Path(tmp) / "data"
        shutil.copytree(config.ROOT / "seeds", articles)
        os.environ["IMCTC_ARTICLES_DIR"], os.environ["IMCTC_DATA_DIR"] = str(articles), str(data)
        run(articles, data, progress_stream=None)
        tally = Tally()
        deadline = time.time() + seconds
        helpers = [threading.Thread(target=_uploader, args=(deadline, tally, articles, data)),
                   threading.Thread(target=_corrector, args=(deadline, tally, data))]
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=sessions, mp_context=multiprocessing.get_context("fork")) as pool:
            viewers = [pool.submit(_viewer, i, deadline) for i in range(sessions)]
            for thread in helpers:
                thread.start()
            for future in viewers:
                timings, errors = future.result()
                tally.filter_changes += timings
                tally.errors += errors
            for thread in helpers:
                thread.join()
        wall = time.perf_counter() - started

        stored_files = set(store.read_table(data / store.DB_NAME, "articles")["file"])
        missing_uploads = [f for f in tally.uploaded if f not in stored_files]
        kept = set(corrections.list_corrections(data / store.DB_NAME)["id"].astype(int))
        missing_corrections = [c for c in tally.corrected if c not in kept]
        changes = sorted(tally.filter_changes)
        p95 = changes[int(0.95 * (len(changes) - 1))] if changes else float("nan")
        print(f"sessions: {sessions} viewers + 1 uploader + 1 corrector for {wall:.0f} s on {os.cpu_count()} cores")
        print(f"filter changes: {len(changes)}; median {statistics.median(changes) if changes else float('nan'):.2f} s;"
              f" 95th percentile {p95:.2f} s")
        print(f"articles added: {len(tally.uploaded)} (missing from the store: {len(missing_uploads)}); "
              f"corrections: {len(tally.corrected)} (missing: {len(missing_corrections)})")
        print(f"errors: {len(tally.errors)}")
        for message in tally.errors[:20]:
            print(f"  {message}")
        return 1 if tally.errors or missing_uploads or missing_corrections or not changes else 0


if __name__ == "__main__":
    sys.exit(main())
