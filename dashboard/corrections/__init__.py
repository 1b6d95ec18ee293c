"""Reviewers' corrections: stored in the SQLite store, applied on top of the pipeline's tables.

One module per job:

* ``fields``: the fields a correction can set (``FIELDS``, ``EDITABLE_FIELDS``,
  ``VISIBLE``/``HIDDEN``/``MERGED_PREFIX``), ``Correction`` and the canonical
  text of a value (``normalize_value``).
* ``records``: the SQL. ``record_correction(s)``, ``undo_correction``,
  ``list_corrections``, ``state_stamp`` on a store file, and
  ``record_correction_in``, ``record_corrections_in``, ``undo_correction_in``
  on a data folder (what the pages call: they never build a database path).
* ``apply``: ``apply_corrections`` (the latest correction not undone wins; the
  review-reason and topic rules), called by ``dashboard.loading``.
* ``review``: the review page's table (``review_frame``) and its edits as
  corrections (``diff_edits``).
* ``labels``: the review page's wording (fields, countries, topics, reasons,
  statuses, values, ``meeting_names``, ``history_frame``).

Every public name is importable from ``dashboard.corrections`` itself:
``from dashboard import corrections; corrections.record_correction(db, ...)``.
"""

from __future__ import annotations

from dashboard.corrections.apply import apply_corrections, latest_values
from dashboard.corrections.fields import (EDITABLE_FIELDS, EVENT_PREFIX, FIELDS, HIDDEN, MERGED_PREFIX, VISIBLE,
                                          Correction, normalize_value, organisation_names)
from dashboard.corrections.labels import (FIELD_KEYS, country_label, field_label, history_frame, meeting_names,
                                          reason_labels, status_label, topic_label, value_label)
from dashboard.corrections.records import (TABLE, WRITE_ERRORS, list_corrections, record_correction,
                                           record_correction_in, record_corrections, record_corrections_in,
                                           state_stamp, store_file, undo_correction, undo_correction_in)
from dashboard.corrections.review import diff_edits, review_frame

__all__ = [
    "TABLE", "WRITE_ERRORS", "EDITABLE_FIELDS", "FIELDS", "VISIBLE", "HIDDEN", "MERGED_PREFIX", "EVENT_PREFIX",
    "Correction",
    "normalize_value", "organisation_names",
    "record_correction", "record_corrections", "undo_correction", "list_corrections", "state_stamp",
    "store_file", "record_correction_in", "record_corrections_in", "undo_correction_in",
    "latest_values", "apply_corrections",
    "review_frame", "diff_edits",
    "FIELD_KEYS", "field_label", "country_label", "topic_label", "reason_labels", "status_label", "value_label",
    "meeting_names", "history_frame",
]
