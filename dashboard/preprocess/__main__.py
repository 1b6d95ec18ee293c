"""Command line: ``python -m dashboard.preprocess --input seeds --output data``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard import config
from dashboard.preprocess.pipeline import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.preprocess",
                                     description="Build meeting and topic tables from a folder of Arabic articles.")
    parser.add_argument("--input", type=Path, default=None, help="articles folder (default: seeds/)")
    parser.add_argument("--output", type=Path, default=None, help="output folder (default: data/)")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the per-article step (default: one per core)")
    args = parser.parse_args(argv)
    input_dir = args.input or config.articles_dir()
    output_dir = args.output or config.data_dir()
    started = time.perf_counter()
    report = run(input_dir, output_dir, workers=args.workers)
    print(report.summary())
    print(f"Tables written to {output_dir} in {time.perf_counter() - started:.2f} s")
    # Exit non-zero only when nothing at all could be processed.
    return 0 if report.usable > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
