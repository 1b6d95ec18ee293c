"""Corrections applied on top of the pipeline's tables: what the charts and the review page see.

Corrections are applied when the dashboard loads its data (``apply_corrections``,
called by ``dashboard.loading``), so they hold after every pipeline run.

What each field does to the tables:

``date``                  ``date_basis`` becomes ``corrected`` (``unknown`` when emptied); ``date_text``
                          keeps what the article says.
``partner_country_iso3``  the Arabic and English names follow (from the gazetteer); the multilateral
                          list ``partner_countries_iso3`` becomes the corrected country alone.
``partner_org_ar``        a known organisation gets its canonical Arabic and English names.
``topics``                the listed topics become ``in_account`` rows (new ones with empty evidence); a
                          topic the pipeline found in the account but missing from the list is dropped;
                          background-only rows not in the list stay background.
``status``                hidden and merged meetings are left out of the tables the charts see; a merged
                          meeting's topics are added to the meeting it was merged into. Nothing is
                          deleted; an undo or ``visible`` restores it.

Review flags after corrections (kept simple): a reason goes only when what it is about was corrected.
``unknown_date`` goes when a date is set (and comes back if the date is corrected to empty);
``no_partner`` goes when a country or organisation is set; ``several_partner_countries`` goes when
the partner country is corrected; ``reviewed`` clears them all. ``needs_review`` is true while any
reason is left.

The latest correction not undone for a (meeting, field) wins; "latest" is the larger ``id`` (ids
grow with every write, whatever the clocks say). Corrections of meetings that are no longer in
the pipeline's tables (the article was edited, so its id changed) are kept and ignored.
"""

from __future__ import annotations

import pandas as pd

from dashboard.analytics import is_dated, member
from dashboard.corrections.fields import MERGED_PREFIX, TEXT_FIELDS, VISIBLE, countries, organisation_names
from dashboard.preprocess import schema
from dashboard.preprocess.topics import TOPICS_BY_ID

__all__ = ["latest_values", "apply_corrections"]


def latest_values(corrections: pd.DataFrame) -> pd.DataFrame:
    """meeting_id x field table of the value in force (the latest correction not undone)."""
    if corrections.empty:
        return pd.DataFrame(index=pd.Index([], name="meeting_id", dtype="string"))
    active = corrections[corrections["undone_at"].fillna("") == ""]
    latest = active.sort_values("id", kind="stable").drop_duplicates(["meeting_id", "field"], keep="last")
    return latest.pivot(index="meeting_id", columns="field", values="new_value")


def _member(values: pd.Series, allowed) -> pd.Series:
    """``values.isin(allowed)`` as a Series aligned with ``values`` (see ``analytics.member``)."""
    return pd.Series(member(values, allowed), index=values.index)


def _status(meeting_ids: pd.Series, latest: pd.DataFrame) -> pd.Series:
    """visible / hidden / merged_into:<id> of each meeting, aligned with ``meeting_ids``."""
    if "status" not in latest:
        return pd.Series(VISIBLE, index=meeting_ids.index, dtype="string")
    return meeting_ids.map(latest["status"].dropna()).fillna(VISIBLE).astype("string")


def _merge_targets(status: pd.Series, meeting_ids: pd.Series) -> pd.Series:
    """Merged meeting id -> the visible meeting it ends up in (following A -> B -> C); others are left out."""
    merged = status.str.startswith(MERGED_PREFIX).fillna(False).astype(bool)
    by_id = pd.Series(status[merged].str.slice(len(MERGED_PREFIX)).to_numpy(), index=meeting_ids[merged].to_numpy(),
                      dtype="string")
    target = by_id.copy()
    for _ in range(32):  # a chain is followed to its end; a cycle never ends in a visible meeting
        onward = target.map(by_id)
        if onward.isna().all():
            break
        target = onward.where(onward.notna(), target)
    status_by_id = pd.Series(status.to_numpy(), index=meeting_ids.to_numpy())
    return target[target.map(status_by_id).eq(VISIBLE).fillna(False).astype(bool)]


def _reasons(meetings: pd.DataFrame, latest: pd.DataFrame) -> pd.Series:
    """Review reasons after corrections (the rules in the module docstring)."""
    reasons = meetings["review_reasons"].fillna("").astype("string")
    ids = meetings["meeting_id"]

    def corrected(field: str) -> pd.Series:
        if field not in latest:
            return pd.Series(False, index=ids.index)
        return _member(ids, latest.index[latest[field].notna()])

    date_set = corrected("date")
    partner_set = corrected("partner_country_iso3") | corrected("partner_org_ar")
    country_set = corrected("partner_country_iso3")
    reviewed = ids.map(latest["reviewed"].dropna()).eq("true").fillna(False) if "reviewed" in latest \
        else pd.Series(False, index=ids.index)
    has_date = is_dated(meetings)  # the one rule for a dated meeting
    has_partner = (meetings["partner_country_iso3"].fillna("") != "") | (meetings["partner_org_ar"].fillna("") != "")
    # Reasons as ";a;b;": a reason is dropped by replacing ";a;" with ";" and added by appending "a;".
    out = ";" + reasons + ";"
    out = out.mask(date_set, out.str.replace(";unknown_date;", ";", regex=False))
    out = out.mask(date_set & ~has_date, out + "unknown_date;")
    out = out.mask(partner_set, out.str.replace(";no_partner;", ";", regex=False))
    out = out.mask(partner_set & ~has_partner, out + "no_partner;")
    out = out.mask(country_set, out.str.replace(";several_partner_countries;", ";", regex=False))
    out = out.mask(reviewed, ";")
    return out.str.strip(";")


def apply_corrections(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, corrections: pd.DataFrame,
                      *, drop_hidden: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pipeline's meetings and topics with the reviewers' corrections applied.

    Args:
        meetings: the pipeline's ``meetings`` table.
        meeting_topics: the pipeline's ``meeting_topics`` table.
        corrections: ``list_corrections`` (any order; undone ones are ignored).
        drop_hidden: leave hidden and merged meetings out (what every chart sees), and add a merged
            meeting's topics to the meeting it was merged into. With False (the review page), every
            meeting is kept, each with its own topics, and a ``status`` column says which are hidden.

    Returns:
        (meetings, meeting_topics), new frames; the inputs are not modified.
    """
    latest = latest_values(corrections)
    if not latest.empty:
        latest = latest[_member(pd.Series(latest.index, dtype="string"), meetings["meeting_id"]).to_numpy()]
    out = meetings.copy()
    topics = meeting_topics.copy()
    if latest.empty:  # nothing in force: the pipeline's tables as they are
        return (out.assign(status=pd.Series(VISIBLE, index=out.index, dtype="string")) if not drop_hidden else out,
                topics)
    ids = out["meeting_id"]

    def new(field: str) -> tuple[pd.Series, pd.Series]:
        values = ids.map(latest[field].dropna()) if field in latest else pd.Series(pd.NA, index=ids.index)
        return values.astype("string"), values.notna()

    for field in ("event_type",) + TEXT_FIELDS:
        values, mask = new(field)
        out[field] = out[field].mask(mask, values)
    values, mask = new("event_id")
    if mask.any():  # a report split out of its event, or moved into another
        current = out["event_id"].astype("string") if "event_id" in out else schema.own_event_ids(ids)
        out["event_id"] = current.mask(mask, values)
    values, mask = new("date")
    if mask.any():
        out["date"] = out["date"].mask(mask, values)
        out["date_basis"] = out["date_basis"].mask(mask & (values != ""), "corrected").mask(
            mask & (values == ""), "unknown")
    values, mask = new("partner_country_iso3")
    if mask.any():
        names = pd.DataFrame.from_dict(countries(), orient="index", columns=["ar", "en"], dtype="string")
        out["partner_country_iso3"] = out["partner_country_iso3"].mask(mask, values)
        if "partner_countries_iso3" in out.columns:
            # The reviewer named the partner: the pipeline's list of states no longer holds.
            out["partner_countries_iso3"] = out["partner_countries_iso3"].mask(mask, values)
        for lang in ("ar", "en"):
            out[f"partner_country_{lang}"] = out[f"partner_country_{lang}"].mask(
                mask, values.map(names[lang]).fillna(""))
    values, mask = new("partner_org_ar")
    if mask.any():
        pairs = {text: organisation_names(text) for text in values[mask].unique()}
        for position, lang in enumerate(("ar", "en")):
            out[f"partner_org_{lang}"] = out[f"partner_org_{lang}"].mask(
                mask, values.map({k: v[position] for k, v in pairs.items()}))
    out["review_reasons"] = _reasons(out, latest).astype("string")
    out["needs_review"] = (out["review_reasons"] != "").astype("boolean")
    if "topics" in latest:
        topics = _corrected_topics(topics, latest["topics"].dropna())
    status = _status(ids, latest)
    if not drop_hidden:
        return out.assign(status=status), topics
    visible = (status == VISIBLE).to_numpy()
    gone = _member(topics["meeting_id"], ids[~visible])
    kept = topics[~gone.to_numpy()]
    targets = _merge_targets(status, ids)
    if not targets.empty:
        moved = topics[_member(topics["meeting_id"], targets.index).to_numpy()]
        moved = moved.assign(meeting_id=moved["meeting_id"].map(targets).astype("string"))
        # The same visit told twice: a topic counts once, raised in the meeting if either report says so.
        kept = (pd.concat([kept, moved], ignore_index=True)
                .sort_values("in_account", ascending=False, kind="stable")
                .drop_duplicates(["meeting_id", "topic_id"])
                .sort_values(list(schema.MEETING_TOPICS.key), kind="stable"))
    return out[visible].reset_index(drop=True), kept.reset_index(drop=True)


def _corrected_topics(topics: pd.DataFrame, wanted: pd.Series) -> pd.DataFrame:
    """Topic rows with the corrected topic lists (meeting_id -> ';'-joined ids) applied."""
    rows = pd.DataFrame({"meeting_id": wanted.index.repeat(wanted.str.split(";").map(len).to_numpy()),
                         "topic_id": [tid for value in wanted for tid in value.split(";")]})
    rows = rows[rows["topic_id"] != ""].astype("string")
    affected = _member(topics["meeting_id"], wanted.index).to_numpy()
    mine = topics[affected]  # only the corrected meetings' rows are worked on
    key = ["meeting_id", "topic_id"]
    chosen = mine.set_index(key).index.isin(rows.set_index(key).index)
    # Chosen rows count as raised in the meeting; background-only rows not chosen stay as they are.
    mine = mine[chosen | ~mine["in_account"].fillna(False).astype(bool).to_numpy()].copy()
    mine.loc[mine.set_index(key).index.isin(rows.set_index(key).index), "in_account"] = True
    missing = rows[~rows.set_index(key).index.isin(topics[affected].set_index(key).index)]
    if not missing.empty:
        labels = missing["topic_id"].map(TOPICS_BY_ID)
        missing = missing.assign(topic_ar=labels.map(lambda topic: topic.label_ar),
                                 topic_en=labels.map(lambda topic: topic.label_en), in_account=True, evidence="")
        mine = pd.concat([mine, schema.conform(schema.MEETING_TOPICS, missing)], ignore_index=True)
    out = pd.concat([topics[~affected], schema.conform(schema.MEETING_TOPICS, mine)], ignore_index=True)
    return out.sort_values(key, kind="stable").reset_index(drop=True)
