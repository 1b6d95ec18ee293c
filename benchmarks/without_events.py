"""``python -m dashboard.preprocess`` without event grouping, for ``bench --without-events``.

The pipeline as it runs, with the two parts grouping adds taken out: no MinHash signature
per article (an empty one is stored) and no event tables. What a full run costs with events,
measured against this in the same window, is what grouping adds.
"""

from __future__ import annotations

import sys

from dashboard.preprocess import event_outputs, signature
from dashboard.preprocess.__main__ import main

signature.text_signature = lambda text: ""
event_outputs.write_event_tables = lambda output, db, tables=None, store=None: store(lambda: None) if store else None
event_outputs.complete = lambda output: True

if __name__ == "__main__":
    sys.exit(main())
