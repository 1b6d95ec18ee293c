"""One partner's record: what the partner page and the partner briefing pack show.

A partner is a country (ISO3) or an organisation (its ``organisation_keys``
value, the organisation filter's): ``Partner``. Which meetings are a partner's
is the one rule of ``partners`` (a multilateral meeting is every listed
state's). Everything here takes the rows the sidebar's filters selected (events,
or reports in the reports view) and returns DataFrames or numbers:

* ``partner_directory``: every partner with its names in both languages, for
  the searchable picker; ``find_partner`` reads "PAK", "Pakistan" or "باكستان".
* ``partner_headline``: how many meetings, the first and the last, the types,
  the last agreement.
* ``partner_history``: every meeting, newest first, undated last, with the
  counterpart (``preprocess.events.counterpart``), host, place, topics and
  how many reports; ``history_sources`` lists each one's reports.
* ``partner_people``: the counterparts met over time, spelling variants of one
  name merged by the grouping's own rule (``preprocess.events.same_person``).
* ``topic_comparison``: how often each topic is raised with this partner
  against every other partner (``charts.topics_over_time`` draws the partner's
  own topics month by month).
* ``partner_agreements``: what was signed, with the sentence that says so.
* ``related_partners``: partners met in the same months on the same topics.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlencode
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from dashboard.analytics._frames import event_codes, is_dated, meeting_dates, member, pick, text
from dashboard.analytics.filters import Filters, apply_filters, filters_to_query
from dashboard.analytics.events import with_event_ids
from dashboard.analytics.partners import organisation_keys, partner_countries, with_countries
from dashboard.analytics.time import newest_first
from dashboard.analytics.topics import topics_for
from dashboard.preprocess.events import BASIS_RANK, counterpart, name_key, same_person_across_visits
from dashboard.i18n import list_sep
from dashboard.preprocess.gazetteer import load_gazetteer
from dashboard.preprocess.normalize import normalize
from dashboard.preprocess.schema import EVENT_TYPES

__all__ = [
    "Partner",
    "partner_from_filters",
    "PROFILE_PAGE",
    "profile_url",
    "profile_links",
    "without_partner",
    "every_partner",
    "partner_keys",
    "partner_directory",
    "find_partner",
    "partner_mask",
    "partner_rows",
    "partner_name",
    "is_known_partner",
    "partner_headline",
    "partner_history",
    "history_sources",
    "partner_people",
    "topic_comparison",
    "partner_agreements",
    "related_partners",
    "history_page",
]

#: A name typed in the picker or on the command line matches a partner's name from this edit ratio up
#: (rapidfuzz ``fuzz.ratio``, 0-100): "Pakistn" finds Pakistan. Not a partial ratio: that scores "Oman"
#: against "Romania" and "Sudan" against "South Sudan" at 90. Two names within ``NAME_MATCH_MARGIN`` of
#: each other are too close to choose between: no match.
NAME_MATCH_SCORE = 85
NAME_MATCH_MARGIN = 3
#: Two counterparts' names are compared word by word only when their whole-name edit ratio reaches this:
#: far below any spelling variant (a middle name left out scores about 75), well above unrelated names.
PEOPLE_CANDIDATE_SCORE = 60


@dataclass(frozen=True)
class Partner:
    """Whom a profile is about: ``kind`` is ``"country"`` (``key`` an ISO3 code) or ``"org"`` (``key``
    the organisation's English name, as the organisation filter has it)."""

    kind: str
    key: str

    def query(self) -> dict[str, str]:
        """The URL's parameters for this partner (the sidebar's own country or organisation filter)."""
        return {"country": self.key} if self.kind == "country" else {"org": self.key}


def partner_from_filters(filters: Filters) -> Partner | None:
    """The partner a selection names: exactly one country and no organisation, or the reverse."""
    if len(filters.countries) == 1 and not filters.organisations:
        return Partner("country", filters.countries[0].upper())
    if len(filters.organisations) == 1 and not filters.countries:
        return Partner("org", filters.organisations[0])
    return None


#: The partner page's path, relative, so links work under any base path.
PROFILE_PAGE = "partner"


def without_partner(filters: Filters) -> Filters:
    """The selection with every partner: what a profile compares its partner with (its other filters kept)."""
    return replace(filters, countries=(), organisations=())


def every_partner(meetings: pd.DataFrame, meeting_topics: pd.DataFrame, filters: Filters
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows, topic rows) of every partner under the selection's other filters: what a profile's picker
    lists and its partner is compared with.

    Args:
        meetings: the counted rows (events, or reports in the reports view), unfiltered.
        meeting_topics: their topic rows.
        filters: the selection (its own country and organisation are ignored).
    """
    base = apply_filters(meetings, meeting_topics, without_partner(filters))
    return base, topics_for(base, meeting_topics, filters.include_background)


def profile_url(partner: Partner, filters: Filters) -> str:
    """A relative link to ``partner``'s profile that keeps the other filters (dates, types, language...)."""
    return f"{PROFILE_PAGE}?{urlencode(filters_to_query(without_partner(filters)) | partner.query())}"


def profile_links(meetings: pd.DataFrame, filters: Filters) -> pd.Series:
    """Each meeting's partner profile link (its partner country's, else its organisation's; "" when it has
    neither), aligned with ``meetings``: the tables' "profile" column."""
    country = text(meetings, "partner_country_iso3").str.upper()
    org = organisation_keys(meetings)
    base = filters_to_query(without_partner(filters))

    def urls(kind: str, keys: pd.Series) -> pd.Series:
        # One URL per distinct partner, then mapped onto the rows.
        distinct = keys[keys != ""].unique()
        table = pd.Series([f"{PROFILE_PAGE}?{urlencode(base | Partner(kind, k).query())}" for k in distinct],
                          index=distinct, dtype="string")
        return keys.map(table).astype("string").fillna("")

    by_country = urls("country", country)
    return by_country.where(by_country != "", urls("org", org)).astype("string")


def partner_keys(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per (meeting, partner): every partner country (``partner_countries``) and the partner
    organisation, with columns ``row`` (position in ``meetings``), ``kind``, ``key``, ``name_ar``, ``name_en``."""
    countries = partner_countries(meetings).rename(columns={"iso3": "key"}).assign(kind="country")
    key = organisation_keys(meetings)
    has = (key != "").to_numpy(dtype=bool)
    orgs = pd.DataFrame({"row": np.flatnonzero(has), "kind": "org", "key": key[has].to_numpy(),
                         "name_ar": text(meetings, "partner_org_ar")[has].to_numpy(),
                         "name_en": text(meetings, "partner_org_en")[has].to_numpy()})
    columns = ["row", "kind", "key", "name_ar", "name_en"]
    return pd.concat([countries[columns], orgs[columns]], ignore_index=True)


def partner_directory(meetings: pd.DataFrame, lang: str = "ar") -> pd.DataFrame:
    """Every partner of ``meetings``, for the picker and for ``find_partner``.

    Returns:
        Columns ``kind, key, name, name_ar, name_en, label, meetings, last_date``: ``label`` holds
        both names ("باكستان · Pakistan"), so the picker finds a partner typed in either language;
        most meetings first.
    """
    keys = partner_keys(meetings)
    columns = ["kind", "key", "name", "name_ar", "name_en", "label", "meetings", "last_date"]
    if keys.empty:
        return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "meetings" else "string") for c in columns})
    dates = text(meetings, "date").where(is_dated(meetings), pd.NA).to_numpy()
    keys = keys.assign(id=keys["kind"] + ":" + keys["key"], date=dates[keys["row"].to_numpy()],
                       name_ar=keys["name_ar"].replace("", pd.NA), name_en=keys["name_en"].replace("", pd.NA))
    g = keys.groupby("id", sort=False).agg(kind=("kind", "first"), key=("key", "first"), meetings=("row", "size"),
                                           last_date=("date", "max"), name_ar=("name_ar", "first"),
                                           name_en=("name_en", "first")).reset_index()
    for column in ("name_ar", "name_en", "last_date"):
        g[column] = g[column].astype("string").fillna("")
    g["name"] = pick(g, "name_ar", "name_en", lang)
    g["name"] = g["name"].where(g["name"] != "", g["key"])
    other = pick(g, "name_en", "name_ar", lang)
    g["label"] = g["name"].where((other == "") | (other == g["name"]), g["name"] + " · " + other)
    g["meetings"] = g["meetings"].astype("Int64")
    g = g.sort_values(["meetings", "name"], ascending=[False, True], kind="stable")
    return g[columns].reset_index(drop=True)


def _plain(value: str) -> str:
    """A name as typed for matching: Arabic matching form, Latin case-folded without accents."""
    value = unicodedata.normalize("NFKD", value.strip()).casefold()
    value = "".join(ch for ch in value if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    value = normalize(value)
    return value[2:] if value.startswith("ال") and len(value) > 4 else value


def find_partner(query: str, directory: pd.DataFrame) -> Partner | None:
    """The partner ``query`` names: an ISO3 code, an organisation's key, or a name in Arabic or English,
    spelt loosely ("pakistan", "الباكستان", "Pakistn"). None when nothing is close enough.

    Args:
        query: what the user typed.
        directory: ``partner_directory`` of the meetings to look in.
    """
    wanted = (query or "").strip()
    if not wanted or directory.empty:
        return None
    keys = directory["key"].astype("string")
    exact = directory[keys.str.casefold() == wanted.casefold()]
    if not exact.empty:
        row = exact.iloc[0]
        return Partner(str(row["kind"]), str(row["key"]))
    names: list[str] = []
    owners: list[int] = []
    for position, (ar, en) in enumerate(zip(directory["name_ar"], directory["name_en"])):
        for name in (ar, en):
            if isinstance(name, str) and name:
                names.append(_plain(name))
                owners.append(position)
    plain = _plain(wanted)
    if plain in names:
        row = directory.iloc[owners[names.index(plain)]]
        return Partner(str(row["kind"]), str(row["key"]))
    found = process.extract(plain, names, scorer=fuzz.ratio, score_cutoff=NAME_MATCH_SCORE, limit=None)
    candidates = {}
    for _, score, index in found:  # best score per partner (a partner has an Arabic and an English name)
        candidates[owners[index]] = max(score, candidates.get(owners[index], 0))
    ranked = sorted(candidates.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < NAME_MATCH_MARGIN):
        return None
    row = directory.iloc[ranked[0][0]]
    return Partner(str(row["kind"]), str(row["key"]))


def partner_mask(meetings: pd.DataFrame, partner: Partner) -> np.ndarray:
    """Boolean mask of ``partner``'s meetings (a country's include the multilateral ones that list it)."""
    if partner.kind == "country":
        return with_countries(meetings, [partner.key])
    return (organisation_keys(meetings) == partner.key).to_numpy(dtype=bool)


def partner_rows(base: pd.DataFrame, base_topics: pd.DataFrame, partner: Partner
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows, topic rows) of ``partner`` among ``every_partner``'s."""
    rows = base[partner_mask(base, partner)]
    return rows, base_topics[member(base_topics["meeting_id"], rows["meeting_id"])]


def partner_name(partner: Partner, directory: pd.DataFrame, lang: str = "ar") -> str:
    """The partner's display name in ``lang`` (from the data, else the gazetteer, else its key)."""
    row = directory[(directory["kind"] == partner.kind) & (directory["key"] == partner.key)]
    if len(row):
        return str(row["name"].iloc[0])
    if partner.kind == "country":
        country = load_gazetteer().countries.get(partner.key.upper())
        if country is not None:
            return (country.name_en if lang == "en" else country.name_ar) or partner.key
    return partner.key


def is_known_partner(partner: Partner) -> bool:
    """Whether ``partner`` names something real whatever the data: a country code of the gazetteer (an
    organisation is known only through the meetings that name it)."""
    return partner.kind == "country" and partner.key.upper() in load_gazetteer().countries


def partner_headline(history: pd.DataFrame) -> dict:
    """The profile's numbers: ``meetings``, ``dated``, ``undated``, ``first_date`` and ``last_date``
    (ISO text, "" when no meeting is dated), ``types`` (event type code -> meetings, in ``EVENT_TYPES``
    order, only the types met) and ``last_agreement`` (date of the latest dated agreement, or "")."""
    dated = is_dated(history).to_numpy(dtype=bool)
    dates = text(history, "date")[dated]
    codes = event_codes(history)
    counts = codes.value_counts()
    agreements = text(history, "date")[dated & (codes == "agreement").to_numpy(dtype=bool)]
    return {
        "meetings": int(len(history)),
        "dated": int(dated.sum()),
        "undated": int((~dated).sum()),
        "first_date": str(dates.min()) if len(dates) else "",
        "last_date": str(dates.max()) if len(dates) else "",
        "types": {code: int(counts[code]) for code in EVENT_TYPES if code in counts.index},
        "last_agreement": str(agreements.max()) if len(agreements) else "",
    }


def _topic_labels(history: pd.DataFrame, topics: pd.DataFrame, lang: str) -> pd.Series:
    """Each meeting's topic labels, joined, aligned with ``history``."""
    if topics.empty or history.empty:
        return pd.Series("", index=history.index, dtype="string")
    mine = topics[member(topics["meeting_id"], history["meeting_id"])]
    label = pick(mine, "topic_ar", "topic_en", lang)
    label = label.where(label != "", mine["topic_id"].astype("string"))
    frame = pd.DataFrame({"meeting_id": mine["meeting_id"].to_numpy(), "label": label.to_numpy()})
    joined = frame.groupby("meeting_id", sort=False)["label"].agg(list_sep(lang).join)
    return history["meeting_id"].map(joined).fillna("").astype("string")


def partner_history(history: pd.DataFrame, topics: pd.DataFrame, lang: str = "ar",
                    partner: Partner | None = None) -> pd.DataFrame:
    """Every meeting with the partner, newest first, undated ones last (never dropped).

    Args:
        history: the partner's rows (events, or reports in the reports view), already filtered.
        topics: their topic rows (``topics_for``: background topics only when asked).
        lang: language of the topic labels.
        partner: whose history. A multilateral meeting that lists this country but was read with
            another main partner names that partner's official, not this one's: its counterpart is
            left empty (None: every counterpart kept).

    Returns:
        Columns ``event_id, meeting_id, article_id, date, date_basis, date_text, event_type,
        counterpart_name, counterpart_title, coalition_name, coalition_title, location, topics,
        reports, outlets, needs_review``: the counterpart is the partner's side (the host on a
        visit abroad, the visitor otherwise), the coalition's side the other one; who hosted
        follows from the type and the place.
    """
    rows = with_event_ids(newest_first(history))
    for column in ("visitor_name_ar", "visitor_title_ar", "host_name_ar", "host_title_ar"):
        if column not in rows.columns:
            rows = rows.assign(**{column: ""})
    name, title = counterpart(rows)
    if partner is not None and partner.kind == "country":
        theirs = (text(rows, "partner_country_iso3").str.upper() == partner.key.upper()).to_numpy(dtype=bool)
        name, title = name.where(theirs, ""), title.where(theirs, "")
    labels = _topic_labels(rows, topics, lang)
    abroad = (event_codes(rows) == "visit_abroad").to_numpy(dtype=bool)

    def coalition(field: str) -> pd.Series:
        """The coalition's side of the meeting: the visitor on a visit abroad, the host otherwise."""
        return text(rows, f"host_{field}_ar").where(~abroad, text(rows, f"visitor_{field}_ar"))

    count = (lambda c: rows[c].astype("Int64") if c in rows.columns else pd.Series(1, index=rows.index, dtype="Int64"))
    out = pd.DataFrame({
        "event_id": text(rows, "event_id"),
        "meeting_id": text(rows, "meeting_id"),
        "article_id": text(rows, "article_id"),
        "date": text(rows, "date").where(is_dated(rows), ""),
        "date_basis": text(rows, "date_basis"),
        "date_text": text(rows, "date_text"),
        "event_type": event_codes(rows),
        "counterpart_name": name.astype("string").fillna("").str.strip(),
        "counterpart_title": title.astype("string").fillna("").str.strip(),
        "coalition_name": coalition("name"),
        "coalition_title": coalition("title"),
        "location": text(rows, "location_ar"),
        "topics": labels,
        "reports": count("reports"),
        "outlets": count("outlets"),
        "needs_review": rows["needs_review"].astype("boolean").fillna(False) if "needs_review" in rows.columns
        else False,
    })
    return out.reset_index(drop=True)


def history_page(history: pd.DataFrame, page: int, size: int) -> tuple[pd.DataFrame, int, int]:
    """(the rows of ``page``, the page shown, the number of pages): pages are 1-based; a page past the
    end shows the last, so an old link still opens."""
    pages = max(1, -(-len(history) // size))
    page = min(max(1, int(page)), pages)
    return history.iloc[(page - 1) * size: page * size], page, pages


def history_sources(history: pd.DataFrame, reports: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every report of the history's meetings: columns ``event_id, meeting_id, article_id, file, title,
    outlet, published_date, source_url``, in the history's order, best-grounded report first.

    Args:
        history: ``partner_history`` rows.
        reports: the corrected ``meetings`` table, one row per report, with ``event_id``.
        articles: the ``articles`` table.
    """
    columns = ["event_id", "meeting_id", "article_id", "file", "title", "outlet", "published_date", "source_url"]
    if history.empty:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in columns})
    event_ids = with_event_ids(reports)["event_id"].astype("string")
    wanted = member(event_ids, history["event_id"]) | member(text(reports, "meeting_id"), history["meeting_id"])
    rows = reports[wanted].assign(event_id=event_ids[wanted])
    # A report listed in the history under its own meeting id (the reports view) is its own source.
    own = history.set_index("meeting_id")["event_id"]
    rows = rows.assign(event_id=rows["meeting_id"].map(own).fillna(rows["event_id"]))
    info = articles.set_index("article_id")[["file", "title", "outlet", "published_date", "source_url"]]
    rows = rows.join(info, on="article_id")
    order = pd.Series(np.arange(len(history)), index=history["event_id"].to_numpy())
    order = order[~order.index.duplicated()]
    rank = text(rows, "date_basis").map(BASIS_RANK).fillna(BASIS_RANK["unknown"])
    rows = rows.assign(_order=rows["event_id"].map(order), _rank=rank.to_numpy())
    rows = rows.sort_values(["_order", "_rank", "published_date", "meeting_id"], kind="stable")
    out = pd.DataFrame({c: text(rows, c) for c in columns})
    return out.reset_index(drop=True)


def _people_of(names: list[str]) -> dict[str, int]:
    """Each distinct name (``name_key`` form) -> its person's number: every name joins the first person,
    in order, whose usual spelling it is one of (``same_person_across_visits``); ``names`` come most
    frequent first, so a person is anchored on the spelling used most.

    Candidates come from rapidfuzz's ``cdist`` (C++, a block of names at a time): only names within a
    loose edit ratio of each other are checked word by word in Python.
    """
    person_of: dict[str, int] = {}
    anchors: list[int] = []  # positions in ``names`` of each person's usual spelling
    is_anchor = np.zeros(len(names), dtype=bool)
    block = 512
    for start in range(0, len(names), block):
        scores = process.cdist(names[start:start + block], names, scorer=fuzz.ratio,
                               score_cutoff=PEOPLE_CANDIDATE_SCORE, dtype=np.uint8)
        for offset, row in enumerate(scores):
            i = start + offset
            found = None
            for j in np.flatnonzero((row[:i] > 0) & is_anchor[:i]):
                if same_person_across_visits(names[i], names[j]):
                    found = person_of[names[j]]
                    break
            if found is None:
                found = len(anchors)
                anchors.append(i)
                is_anchor[i] = True
            person_of[names[i]] = found
    return person_of


def partner_people(history: pd.DataFrame) -> pd.DataFrame:
    """The partner's counterparts over time: one row per person, spelling variants of a name merged.

    Names are compared word by word (``preprocess.events.same_person_across_visits``): spellings of one
    name merge, two similar names of two men (خالد بن سلمان, خالد بن سلطان) stay apart. A meeting that
    gives only a title is listed under that title, with no name.

    Args:
        history: ``partner_history`` rows (newest first).

    Returns:
        Columns ``name`` (the spelling used most, then latest), ``variants`` (the other spellings,
        ``" / "``-joined), ``title`` (the latest title given), ``titles`` (every title, latest first,
        ``" / "``), ``meetings``, ``first_date``, ``last_date`` (ISO or "") and ``dates`` (every dated
        meeting, newest first, ``"; "``-joined), the person met most recently first.
    """
    columns = ["name", "variants", "title", "titles", "meetings", "first_date", "last_date", "dates"]
    named = history[(history["counterpart_name"] != "") | (history["counterpart_title"] != "")]
    if named.empty:
        return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "meetings" else "string") for c in columns})
    names = named["counterpart_name"].astype("string").fillna("").to_numpy(dtype=object)
    titles = named["counterpart_title"].astype("string").fillna("").to_numpy(dtype=object)
    keys = np.array([name_key(n) if n else "" for n in names], dtype=object)
    frequency = Counter(k for k in keys if k)
    person_of = _people_of(sorted(frequency, key=lambda k: (-frequency[k], k)))
    person = np.array([f"n{person_of[k]}" if k else f"t{normalize(t)}" for k, t in zip(keys, titles)], dtype=object)
    dates = named["date"].astype("string").fillna("").to_numpy(dtype=object)
    # ``order``: 0 for the newest meeting (the history is newest first).
    frame = pd.DataFrame({"person": person, "name": names, "title": titles, "date": dates,
                          "order": np.arange(len(named))})
    by_person = frame.groupby("person", sort=False)
    people = pd.DataFrame({"meetings": by_person.size()})
    dated = frame[frame["date"] != ""].groupby("person", sort=False)["date"]
    people["first_date"] = dated.min()
    people["last_date"] = dated.max()
    people["dates"] = dated.agg(lambda d: "; ".join(sorted(set(d), reverse=True)))
    # The spelling used most, then the latest; the others are its variants, newest first.
    spelt = frame[frame["name"] != ""].groupby(["person", "name"], sort=False).agg(
        uses=("order", "size"), latest=("order", "min")).reset_index()
    spelt = spelt.sort_values(["person", "uses", "latest"], ascending=[True, False, True], kind="stable")
    people["name"] = spelt.drop_duplicates("person").set_index("person")["name"]
    others = spelt[spelt.duplicated("person")].sort_values(["person", "latest"], kind="stable")
    people["variants"] = others.groupby("person", sort=False)["name"].agg(" / ".join)
    given = frame[frame["title"] != ""].drop_duplicates(["person", "title"])  # newest use of each title first
    people["titles"] = given.groupby("person", sort=False)["title"].agg(" / ".join)
    people["title"] = given.drop_duplicates("person").set_index("person")["title"]
    people = people.reindex(columns=columns)
    for column in columns:
        if column != "meetings":
            people[column] = people[column].astype("string").fillna("")
    people = people.sort_values(["last_date", "meetings", "name"], ascending=[False, False, True], kind="stable")
    people["meetings"] = people["meetings"].astype("Int64")
    return people.reset_index(drop=True)


def topic_comparison(history: pd.DataFrame, topics: pd.DataFrame, base: pd.DataFrame, base_topics: pd.DataFrame,
                     lang: str = "ar") -> pd.DataFrame:
    """What is raised with this partner more, or less, than with the others.

    Args:
        history: the partner's rows; ``topics`` their topic rows.
        base: every row of the same selection with every partner (the filters without the partner);
            ``base_topics`` their topic rows.
        lang: language of ``topic``.

    Returns:
        Columns ``topic_id, topic, partner_meetings, partner_share, others_share, difference``: the
        share of the partner's meetings that raised the topic, the share of the meetings with every
        other identified partner that did (pooled: each meeting counts once, so a busy partner weighs
        more than a rare one, as it does in the coalition's agenda), and the difference in points
        (partner minus others), largest first. Topics raised with neither are absent.
    """
    columns = ["topic_id", "topic", "partner_meetings", "partner_share", "others_share", "difference"]
    if history.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if "share" in c or c == "difference" else "string")
                             for c in columns})
    mine = member(base["meeting_id"], history["meeting_id"])
    # The others are meetings with another identified partner (not those whose partner is unknown).
    with_partner = np.zeros(len(base), dtype=bool)
    with_partner[partner_keys(base)["row"].to_numpy(dtype="int64")] = True
    others = ~mine & with_partner
    others_n = int(others.sum())
    other_topics = base_topics[member(base_topics["meeting_id"], base.loc[others, "meeting_id"])]
    own = topics.drop_duplicates(["meeting_id", "topic_id"])
    rest = other_topics.drop_duplicates(["meeting_id", "topic_id"])
    labels = pd.concat([own, rest])[["topic_id", "topic_ar", "topic_en"]].drop_duplicates("topic_id")
    label = pick(labels, "topic_ar", "topic_en", lang)
    names = pd.Series(label.where(label != "", labels["topic_id"]).to_numpy(), index=labels["topic_id"].to_numpy())
    mine_counts = own["topic_id"].value_counts()
    rest_counts = rest["topic_id"].value_counts()
    ids = mine_counts.index.union(rest_counts.index)
    out = pd.DataFrame({"topic_id": ids.astype("string")})
    out["topic"] = out["topic_id"].map(names).astype("string")
    out["partner_meetings"] = out["topic_id"].map(mine_counts).fillna(0).astype("Int64")
    out["partner_share"] = out["partner_meetings"].astype("float64") / max(len(history), 1)
    out["others_share"] = (out["topic_id"].map(rest_counts).fillna(0).astype("float64") / others_n
                           if others_n else np.nan)
    out["difference"] = out["partner_share"] - out["others_share"]
    out = out.sort_values(["difference", "partner_meetings", "topic"], ascending=[False, False, True],
                          kind="stable", na_position="last")
    return out[columns].reset_index(drop=True)


def partner_agreements(history: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """Agreements and memoranda signed with the partner, newest first (undated ones last).

    Args:
        history: ``partner_history`` rows.
        evidence: the ``evidence`` table: the sentence an agreement was read from is the one that
            fed its ``event_type``.

    Returns:
        Columns ``event_id, meeting_id, date, date_basis, counterpart_name, counterpart_title,
        sentence``.
    """
    signed = history[history["event_type"] == "agreement"]
    said = evidence[(evidence["field"] == "event_type") & member(evidence["meeting_id"], signed["meeting_id"])]
    sentence = said.drop_duplicates("meeting_id").set_index("meeting_id")["sentence"]
    out = signed[["event_id", "meeting_id", "date", "date_basis", "counterpart_name", "counterpart_title"]].assign(
        sentence=signed["meeting_id"].map(sentence).fillna("").astype("string"))
    return out.reset_index(drop=True)


def related_partners(base: pd.DataFrame, base_topics: pd.DataFrame, partner: Partner, lang: str = "ar",
                     window_months: int = 1, limit: int = 8) -> pd.DataFrame:
    """Partners met in the same period on the same topics as ``partner``.

    A meeting of another partner is related when it falls within ``window_months`` of a month in which
    ``partner`` was met and raised a topic that was raised with ``partner`` in that month. Undated
    meetings have no period and relate to nothing.

    Args:
        base: every row of the selection (every partner); ``base_topics`` their topic rows.
        partner: whose relations to find.
        lang: language of ``name`` and ``topics``.
        window_months: how far apart two months may be and still be "the same period".
        limit: how many partners to list.

    Returns:
        Columns ``kind, key, name, meetings`` (related meetings), ``topics`` (the shared topics,
        joined, most shared first), ``last_date``: most related meetings first.
    """
    columns = ["kind", "key", "name", "meetings", "topics", "last_date"]
    empty = pd.DataFrame({c: pd.Series(dtype="Int64" if c == "meetings" else "string") for c in columns})
    dates = meeting_dates(base)
    if base.empty or base_topics.empty or dates.isna().all():
        return empty
    month = (dates.dt.year * 12 + dates.dt.month).to_numpy(dtype="float64")
    # Each topic row as (its meeting's row in ``base``, topic code, month): integers, so matching
    # "same topic, nearby month" is a numpy set lookup rather than string keys.
    row = pd.Index(base["meeting_id"]).get_indexer(base_topics["meeting_id"])
    row_month = np.where(row >= 0, month[np.maximum(row, 0)], np.nan) if len(month) else np.full(len(row), np.nan)
    keep = ~np.isnan(row_month)
    row, row_month = row[keep], row_month[keep].astype("int64")
    topic_code, topic_ids = pd.factorize(base_topics["topic_id"].astype("string").to_numpy()[keep])
    mine = partner_mask(base, partner)
    own = mine[row]
    if not own.any():
        return empty
    shifts = np.arange(-window_months, window_months + 1)
    span = int(row_month.max()) + window_months + 1
    wanted = np.unique(((topic_code[own] * span + row_month[own])[:, None] + shifts[None, :]).ravel())
    hit_at = np.flatnonzero(~own & np.isin(topic_code * span + row_month, wanted))
    if not len(hit_at):
        return empty
    hit = pd.DataFrame({"row": row[hit_at], "topic_id": np.asarray(topic_ids, dtype=object)[topic_code[hit_at]]})
    # Partners of the related meetings only (not of the whole selection).
    related_rows = np.unique(hit["row"].to_numpy())
    keys = partner_keys(base.iloc[related_rows])
    keys["row"] = related_rows[keys["row"].to_numpy()]
    keys = keys[~((keys["kind"] == partner.kind) & (keys["key"] == partner.key))]
    joined = hit.merge(keys, on="row")
    if joined.empty:
        return empty
    joined["id"] = joined["kind"] + ":" + joined["key"]
    # Per partner: its related meetings, the latest of them, and (for the few listed) the shared topics.
    meetings_of = joined.drop_duplicates(["id", "row"])
    date_text = text(base, "date").to_numpy()
    per = meetings_of.assign(date=date_text[meetings_of["row"].to_numpy()]).groupby("id", sort=False).agg(
        kind=("kind", "first"), key=("key", "first"), meetings=("row", "size"), last_date=("date", "max"),
        name_ar=("name_ar", "first"), name_en=("name_en", "first"))
    per = per.reset_index().sort_values(["meetings", "last_date", "id"], ascending=[False, False, True],
                                        kind="stable").head(limit)
    name = pick(per, "name_ar", "name_en", lang)
    per["name"] = name.where(name != "", per["key"])
    labels = base_topics.drop_duplicates("topic_id")
    label = pick(labels, "topic_ar", "topic_en", lang)
    label_of = dict(zip(labels["topic_id"], label.where(label != "", labels["topic_id"].astype("string"))))
    listed = joined[member(joined["id"], per["id"])].drop_duplicates(["id", "row", "topic_id"])
    shared = listed.groupby(["id", "topic_id"], sort=False).size().rename("n").reset_index()
    shared = shared.sort_values(["id", "n", "topic_id"], ascending=[True, False, True], kind="stable")
    separator = list_sep(lang)
    topics_of = shared.groupby("id", sort=False)["topic_id"].agg(
        lambda ids: separator.join(label_of.get(t, t) for t in ids))
    per["topics"] = per["id"].map(topics_of).fillna("")
    result = per[columns]
    result["meetings"] = result["meetings"].astype("Int64")
    return result.head(limit).astype({c: "string" for c in columns if c != "meetings"}).reset_index(drop=True)
