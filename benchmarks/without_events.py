"""``python -m dashboard.preprocess`` without event grouping, for ``bench --without-events``.

The pipeline as it runs, with what grouping adds taken out: no MinHash signatures and no
event tables (both are made by ``event_outputs``, replaced here by functions that do nothing). What a full run costs with events,
measured against this in the same window, is what grouping adds.
"""

from __future__ import annotations

import sys

from dashboard.preprocess import event_outputs, pipeline
from dashboard.preprocess.__main__ import main

pipeline._EventFilesInChild = lambda output, tables: None
event_outputs.event_files = lambda output, tables=None, added=None: None
event_outputs.store_events = lambda db, output, update: None
event_outputs.write_event_tables = lambda output, db, tables=None, added=None: None
event_outputs.complete = lambda output: True

if __name__ == "__main__":
    sys.exit(main())
