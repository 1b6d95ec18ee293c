"""Benchmarks and the load script: tools that print figures, kept out of the product package.

Run from the checkout: ``python -m benchmarks.bench`` (pipeline throughput, re-run after adding
an article, memory, chart building), ``python -m benchmarks.bench_charts`` (figures per page),
``python -m benchmarks.bench_browser`` (first render in Chromium), ``python -m benchmarks.loadtest``
(many sessions at once). They time; tests do not (a timed test fails on a busy machine).
"""
