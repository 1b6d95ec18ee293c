"""Analytics: pure functions from schema DataFrames to DataFrames or numbers.

No Streamlit and no plotly here (``tests/test_analytics.py`` checks): pages,
the chart builders (``dashboard.charts``), presentation mode and the export
call these for what to show, and draw it themselves.

* ``filters``: ``Filters``, ``apply_filters``, their URL round trip, ``member``.
* ``partners``: who each meeting was with (the one rule), counts per country
  and organisation, the filters' option names.
* ``time``: dated and undated meetings, counts per month, timeline paging
  and grouping.
* ``topics``: which topic rows count, meetings per topic.
* ``headline``: the overview's numbers.
* ``events``: one row per event (the reports of one real meeting counted once).
* ``profile``: one partner's record (history, people, topics against the others,
  agreements, related partners): the partner page and its briefing pack.
* ``_frames``: shared column helpers, and ``is_dated``, the one rule for
  "is this meeting dated" (a real ``yyyy-mm-dd`` day).

Every public name is importable from ``dashboard.analytics`` itself.
"""

from __future__ import annotations

from dashboard.analytics import events, filters, headline, partners, profile, time, topics
from dashboard.analytics._frames import event_codes, is_dated, meeting_dates
from dashboard.analytics.events import *  # noqa: F401,F403
from dashboard.analytics.filters import *  # noqa: F401,F403
from dashboard.analytics.headline import *  # noqa: F401,F403
from dashboard.analytics.partners import *  # noqa: F401,F403
from dashboard.analytics.profile import *  # noqa: F401,F403
from dashboard.analytics.time import *  # noqa: F401,F403
from dashboard.analytics.topics import *  # noqa: F401,F403

__all__ = ["is_dated", "meeting_dates", "event_codes", *events.__all__, *filters.__all__, *partners.__all__, *profile.__all__, *time.__all__,
           *topics.__all__, *headline.__all__]
