"""Column helpers shared by the analytics modules and the chart builders (vectorised), and the one
rule for "is this meeting dated".

Private to the dashboard: ``is_dated``, ``meeting_dates`` and ``event_codes`` are public through
``dashboard.analytics``; ``text``, ``pick``, ``group`` and ``keep`` are building blocks.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.preprocess.schema import EVENT_TYPES


def text(df: pd.DataFrame, col: str) -> pd.Series:
    """A text column with NA as "" and outer spaces removed (missing column -> all "")."""
    if col not in df.columns:
        return pd.Series("", index=df.index, dtype="string")
    return df[col].astype("string").fillna("").str.strip()


def pick(df: pd.DataFrame, ar_col: str, en_col: str, lang: str) -> pd.Series:
    """The name in ``lang``, falling back to the other language when empty."""
    ar, en = text(df, ar_col), text(df, en_col)
    first, second = (en, ar) if lang == "en" else (ar, en)
    return first.where(first != "", second)


def group(frame: pd.DataFrame, key: str, **aggs: Any) -> pd.DataFrame:
    """``groupby(key)`` with one reduction per output column, as a flat frame.

    Equivalent to named ``.agg(...)`` but about three times faster on
    Arrow-backed strings, because each reduction runs directly instead of
    through pandas' generic aggregation dispatch.

    Args:
        frame: the rows.
        key: grouping column (kept as the first output column, in order of
            first appearance).
        **aggs: output column -> ``"size"`` or ``(column, reduction)``.
    """
    g = frame.groupby(key, sort=False)
    cols = {name: (g.size() if spec == "size" else getattr(g[spec[0]], spec[1])())
            for name, spec in aggs.items()}
    return pd.DataFrame(cols).rename_axis(key).reset_index()


def keep(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """``frame[mask]``, without the copy when every row is kept (selecting copies every column:
    0.1 s for the 77,000 topic rows of 10,000 meetings)."""
    return frame if mask.all() else frame[mask]


def _arrow_strings(values: pd.Series | pd.Index | Iterable) -> pa.Array:
    if isinstance(values, (pd.Series, pd.Index)):
        return pa.array(values.astype("string"), from_pandas=True).cast(pa.large_string())
    return pa.array([v for v in values if isinstance(v, str)], type=pa.large_string())


def member(values: pd.Series, allowed: pd.Series | pd.Index | Iterable[str]) -> np.ndarray:
    """``values.isin(allowed)`` for text, as a bool array (NA is never a member).

    pandas' ``isin`` on Arrow-backed strings builds a Python scalar per
    allowed value: 100-180 ms for 10,000 meeting ids against 77,000 topic rows,
    where Arrow's own hash lookup takes 3 ms.
    """
    found = pc.is_in(_arrow_strings(values), value_set=_arrow_strings(allowed).unique(), skip_nulls=True)
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def meeting_dates(meetings: pd.DataFrame) -> pd.Series:
    """Each meeting's date as a Timestamp, NaT when the meeting is undated.

    The one rule for "is this meeting dated": the ``date`` text is exactly
    ``yyyy-mm-dd`` (zero-padded, ten characters) and a real calendar day. An
    impossible date such as 2025-02-30, an unpadded 2025-2-3 or a month
    alone is undated: it is listed with the undated meetings rather than
    silently vanishing from, or landing on a guessed day of, the time axis.

    Args:
        meetings: ``meetings`` table (a missing ``date`` column: all undated).

    Returns:
        A ``datetime64[ns]`` Series aligned with ``meetings``.
    """
    when = text(meetings, "date")
    parsed = pd.to_datetime(when, format="%Y-%m-%d", errors="coerce")
    return parsed.where((when.str.len() == 10).fillna(False).to_numpy(dtype=bool))


def is_dated(meetings: pd.DataFrame) -> pd.Series:
    """Boolean mask of the meetings with a real ``yyyy-mm-dd`` date (see ``meeting_dates``)."""
    return meeting_dates(meetings).notna()


def event_codes(meetings: pd.DataFrame) -> pd.Series:
    """Event type codes with anything unknown or empty mapped to "other"."""
    codes = text(meetings, "event_type")
    return codes.where(codes.isin(EVENT_TYPES), "other")
