"""Who each meeting was with: the one rule, and the counts per partner country and organisation.

The rule, used by every page, chart, table, slide and export:

* **Countries**: a meeting's partner countries are its ``partner_country_iso3``
  and, for a multilateral meeting, every state of ``partner_countries_iso3``
  (``partner_countries``). The map, the country filter, the country counts
  and the partner slides all read them from here.
* **Organisations** are told apart by their English name, ``partner_org_en``,
  which is also the organisation filter's value (``organisation_keys``; the
  Arabic name stands in when there is no English one). Names are shown in the
  page's language, the other language filling gaps.
* **One display name** (``partner_labels``): the partner country's name when
  there is one, else the organisation's, else "unidentified partner".
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from dashboard.analytics._frames import group, is_dated, member, pick, text
from dashboard.i18n import t
from dashboard.preprocess.gazetteer import load_gazetteer

__all__ = [
    "partner_countries",
    "with_countries",
    "organisation_keys",
    "partner_labels",
    "country_counts",
    "organisation_counts",
    "country_names",
    "organisation_names",
]


def partner_countries(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per (meeting, partner country): a multilateral meeting counts for every state it lists.

    Args:
        meetings: ``meetings`` table (``partner_countries_iso3`` optional: older tables lack it).
    Returns:
        Columns ``row`` (position of the meeting in ``meetings``), ``iso3``, ``name_ar``,
        ``name_en``; the main partner (``partner_country_iso3``) keeps its names from the
        table, so a reviewer's correction shows; the others are named from the gazetteer.
    """
    main = meetings["partner_country_iso3"].astype("string").fillna("").str.strip().str.upper()
    frame = pd.DataFrame({
        "row": np.arange(len(meetings)), "iso3": main.to_numpy(),
        "name_ar": meetings["partner_country_ar"].astype("string").fillna("").to_numpy(),
        "name_en": meetings["partner_country_en"].astype("string").fillna("").to_numpy(),
    })
    frame = frame[frame["iso3"] != ""]
    if "partner_countries_iso3" not in meetings.columns:
        return frame.reset_index(drop=True)
    listed = meetings["partner_countries_iso3"].astype("string").fillna("")
    several = (listed.str.contains(";", regex=False)).to_numpy(dtype=bool)
    if not several.any():
        return frame.reset_index(drop=True)
    others = pd.DataFrame({"row": np.flatnonzero(several), "iso3": listed[several].str.split(";").to_numpy()})
    others = others.explode("iso3")
    others["iso3"] = others["iso3"].astype("string").str.strip().str.upper()
    others = others[(others["iso3"] != "") & (others["iso3"] != main.to_numpy()[others["row"].to_numpy()])]
    gaz = load_gazetteer()
    known = others["iso3"].isin(list(gaz.countries))
    others = others[known.to_numpy(dtype=bool)]
    others["name_ar"] = [gaz.country(c).name_ar for c in others["iso3"]]
    others["name_en"] = [gaz.country(c).name_en for c in others["iso3"]]
    return pd.concat([frame, others], ignore_index=True).sort_values("row", kind="stable").reset_index(drop=True)


def with_countries(meetings: pd.DataFrame, codes: Iterable[str]) -> np.ndarray:
    """Boolean mask of the meetings with any of ``codes`` (ISO3) among their partner countries."""
    wanted = [c.strip().upper() for c in codes if isinstance(c, str)]
    rows = partner_countries(meetings)
    rows = rows[member(rows["iso3"], wanted)]
    mask = np.zeros(len(meetings), dtype=bool)
    mask[rows["row"].to_numpy(dtype="int64")] = True
    return mask


def organisation_keys(meetings: pd.DataFrame) -> pd.Series:
    """The partner organisation of each meeting as the organisation filter names it.

    Returns:
        A string Series aligned with ``meetings``: ``partner_org_en``, else
        ``partner_org_ar`` (an organisation known only by its Arabic name), else
        "" for a meeting with no organisation.
    """
    en, ar = text(meetings, "partner_org_en"), text(meetings, "partner_org_ar")
    return en.where(en != "", ar)


def partner_labels(meetings: pd.DataFrame, lang: str = "ar", with_organisation: bool = False) -> pd.Series:
    """Who each meeting was with, as one display name (plain text, not isolated).

    The partner country's name when there is one (the same rule as the map),
    else the partner organisation's, else "unidentified partner".

    Args:
        meetings: ``meetings`` table.
        lang: ``"ar"`` or ``"en"``; the other language fills gaps.
        with_organisation: when a meeting names both a country and an
            organisation (a ministry, a national body), show both:
            ``"مصر / وزارة الدفاع"`` (tables, where there is room).

    Returns:
        A string Series aligned with ``meetings``.
    """
    country = pick(meetings, "partner_country_ar", "partner_country_en", lang)
    org = pick(meetings, "partner_org_ar", "partner_org_en", lang)
    out = country.where(country != "", org)
    if with_organisation:
        out = out.where((country == "") | (org == ""), country + " / " + org)
    return out.where(out != "", t("unknown_partner", lang))


def _empty(cols: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "meetings" else "string") for c in cols})


def country_counts(meetings: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Meetings per partner country.

    Args:
        meetings: ``meetings`` table.
        lang: language of the ``name`` column.

    Returns:
        Columns ``iso3, name, name_ar, name_en, meetings, last_date`` (ISO
        text, "" when no meeting with that country is dated), most meetings
        first. Meetings without a partner country are not counted; a
        multilateral meeting counts once for every state it lists.
    """
    partners = partner_countries(meetings)
    rows = partners["row"].to_numpy()
    dates = text(meetings, "date").where(is_dated(meetings), pd.NA)
    frame = pd.DataFrame({
        "iso3": partners["iso3"].astype("string").to_numpy(),
        # NA instead of "" so "first" and "max" skip the gaps.
        "name_ar": partners["name_ar"].astype("string").replace("", pd.NA).to_numpy(),
        "name_en": partners["name_en"].astype("string").replace("", pd.NA).to_numpy(),
        "date": dates.to_numpy()[rows],
    })
    cols = ["iso3", "name", "name_ar", "name_en", "meetings", "last_date"]
    if frame.empty:
        return _empty(cols)
    g = group(frame, "iso3", meetings="size", last_date=("date", "max"),
              name_ar=("name_ar", "first"), name_en=("name_en", "first"))
    g["name_ar"] = g["name_ar"].astype("string").fillna("")
    g["name_en"] = g["name_en"].astype("string").fillna("")
    g["last_date"] = g["last_date"].astype("string").fillna("")
    name = pick(g, "name_ar", "name_en", lang)
    g["name"] = name.where(name != "", g["iso3"])
    g["meetings"] = g["meetings"].astype("Int64")
    g = g.sort_values(["meetings", "name"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def organisation_counts(meetings: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Meetings per partner organisation, for the list beside the map.

    Organisations (NATO Parliamentary Assembly, UN offices, ...) have no
    territory, so they are never drawn on the map; this table is where they
    appear instead. An organisation is one ``organisation_keys`` value (its
    English name, the filter's value), however its Arabic name was written.

    Args:
        meetings: ``meetings`` table.
        lang: language of the ``organisation`` column.

    Returns:
        Columns ``key, organisation, organisation_ar, organisation_en,
        meetings, last_date`` (ISO text or ""), most meetings first.
    """
    key = organisation_keys(meetings)
    has = (key != "").to_numpy(dtype=bool)
    frame = pd.DataFrame({
        "key": key[has],
        "organisation_ar": text(meetings, "partner_org_ar")[has].replace("", pd.NA),
        "organisation_en": text(meetings, "partner_org_en")[has].replace("", pd.NA),
        "date": text(meetings, "date")[has].where(is_dated(meetings)[has], pd.NA),
    })
    cols = ["key", "organisation", "organisation_ar", "organisation_en", "meetings", "last_date"]
    if frame.empty:
        return _empty(cols)
    g = group(frame, "key", meetings="size", last_date=("date", "max"),
              organisation_ar=("organisation_ar", "first"), organisation_en=("organisation_en", "first"))
    for c in ("key", "organisation_ar", "organisation_en", "last_date"):
        g[c] = g[c].astype("string").fillna("")
    g["organisation"] = pick(g, "organisation_ar", "organisation_en", lang)
    g["meetings"] = g["meetings"].astype("Int64")
    g = g.sort_values(["meetings", "organisation"], ascending=[False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def country_names(meetings: pd.DataFrame, lang: str = "ar") -> dict[str, str]:
    """Partner country code -> its name in ``lang`` (as on the map), sorted by name: the country filter's options."""
    counts = country_counts(meetings, lang)
    return dict(sorted(zip(counts["iso3"], counts["name"]), key=lambda item: item[1]))


def organisation_names(meetings: pd.DataFrame, lang: str = "ar") -> dict[str, str]:
    """Organisation key (the filter's value) -> its name in ``lang``, sorted by name: the organisation filter's options."""
    counts = organisation_counts(meetings, lang)
    return dict(sorted(zip(counts["key"], counts["organisation"]), key=lambda item: item[1]))
