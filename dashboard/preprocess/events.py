"""Count events, not reports: group the meetings that describe the same real meeting.

A wire story is republished almost word for word by many outlets, and other
outlets write their own report of the same visit. Two kinds of evidence group
reports into one event, each cheap at scale:

1. **A syndicated copy.** Each article's text gets a MinHash signature over word
   shingles (``signature.text_signature``, datasketch, computed per article in the
   pipeline's workers and kept with the article). Two candidate reports whose
   estimated Jaccard similarity reaches ``RULES.copy_similarity`` are copies of one
   story. Candidates come from the report's block (below); a report whose partner
   was not found has no block, and LSH buckets over the whole collection
   (datasketch) find the story it copies.
2. **An independent report.** Candidates share a partner (blocking on the country
   or organisation) and dates that agree within ``RULES.date_window_days`` (or one
   of them is unknown). They are the same event when the counterpart agrees: the
   names match allowing for the spelling of foreign names (rapidfuzz), or, where a
   report gives only a title, the titles match. A look-alike stays apart: a second
   visit two weeks later, or another official of the same country on the same day.

A match on weaker evidence (titles only and no date to compare) is not merged;
both meetings are flagged ``possible_same_event`` for a person to decide, on the
review page, like every other grouping decision.

Grouping is incremental: meetings that already belong to an event keep it, and
only new meetings are compared, with the candidates of their own blocks.

The rules work on plain columns (``assign_events``, ``event_rows``: lists of text), which the
pipeline fills from Arrow without importing pandas; ``group_meetings`` and ``build_events`` are
the same for pandas frames.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz

from dashboard.preprocess import schema, signature
from dashboard.preprocess.normalize import normalize

if TYPE_CHECKING:  # the pipeline groups plain columns without pandas (0.2 s to import); the wrappers use it
    import pandas as pd


@dataclass(frozen=True)
class GroupingRules:
    """The thresholds of grouping, each with why it is what it is (measured on tests/corpus)."""

    copy_similarity: float = 0.6  # a rewritten report of the same visit stays well under 0.3
    date_window_days: int = 3  # reports of one visit disagree by a day or two (أمس, اليوم, published)
    name_similarity: int = 85  # edit ratio, in order or token-sorted: شودري / تشودري, عزمان بن حسن / عزمان حسن
    title_similarity: int = 80  # a title alone, written with or without the country
    max_copies: int = 50  # a text "copied" by more articles than this is a template, not a wire story
    few_new: int = 64  # up to this many new articles, compare their signatures with every other directly


RULES = GroupingRules()

_NOT_NAME_WORDS = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "ولد", "ال"))
# The signature of an article's text (computed in the pipeline's workers): re-exported for callers.
text_signature = signature.text_signature


def copy_pairs(signatures: Mapping[str, str], new_ids: set[str] | None = None,
               rules: GroupingRules = RULES) -> list[tuple[str, str, float]]:
    """Pairs of articles that are copies of one story.

    Args:
        signatures: article_id -> hex signature (``text_signature``; "" for none).
        new_ids: only pairs with at least one of these articles (None: every pair).
    Returns:
        (article_id, article_id, estimated Jaccard similarity) for every copy pair.
    """
    if new_ids is not None and len(new_ids) <= rules.few_new:
        return _copies_of_few(signatures, new_ids, rules)
    from datasketch.lsh import MinHashLSH  # loads scipy (0.4 s): only for many new articles

    lsh = MinHashLSH(threshold=rules.copy_similarity, num_perm=signature.NUM_PERM)
    hashes: dict[str, signature.MinHash] = {}
    for article_id, hex_signature in signatures.items():
        found = signature.minhash(hex_signature)
        if found is not None:
            hashes[article_id] = found
            lsh.insert(article_id, found)
    pairs = []
    for article_id in (hashes if new_ids is None else [a for a in new_ids if a in hashes]):
        similar = lsh.query(hashes[article_id])
        if len(similar) > rules.max_copies:
            continue  # boilerplate shared by many articles says nothing about one story
        for other in similar:
            if other == article_id or (new_ids is None and other < article_id):
                continue
            similarity = hashes[article_id].jaccard(hashes[other])
            if similarity >= rules.copy_similarity:
                pairs.append((article_id, other, similarity))
    return pairs


def _copies_of_few(signatures: Mapping[str, str], new_ids: set[str], rules: GroupingRules
                   ) -> list[tuple[str, str, float]]:
    """``copy_pairs`` for a few new articles: each signature against all others at once (numpy), the
    same MinHash estimate LSH would confirm, without building the buckets for one article."""
    kept = [(a, s) for a, s in signatures.items() if s]
    if not kept:
        return []
    ids = [a for a, _ in kept]
    matrix = np.frombuffer(bytes.fromhex("".join(s for _, s in kept)), dtype=np.uint32).reshape(len(kept), -1)
    position = {a: i for i, a in enumerate(ids)}
    pairs = []
    for article_id in new_ids:
        if article_id not in position:
            continue
        similarity = (matrix == matrix[position[article_id]]).mean(axis=1)
        similar = np.flatnonzero(similarity >= rules.copy_similarity)
        if len(similar) - 1 > rules.max_copies:
            continue  # boilerplate shared by many articles says nothing about one story
        pairs += [(article_id, ids[i], float(similarity[i])) for i in similar if ids[i] != article_id]
    return pairs


def partner_key(country_iso3: str, org_en: str) -> str:
    """The blocking key of a meeting: its partner country, else its organisation (English), else ""."""
    if country_iso3:
        return country_iso3.upper()
    return f"org:{org_en}" if org_en else ""


def counterpart_role(event_type: str) -> str:
    """Whose name and title are the coalition's counterpart's: the host's on a visit abroad (the
    coalition's official is the visitor), the visitor's otherwise."""
    return "host" if event_type == "visit_abroad" else "visitor"


def counterpart(meetings: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(name, title) of each meeting's counterpart (``counterpart_role``), for pandas callers (a
    partner's history)."""
    abroad = meetings["event_type"].astype("string").fillna("").map(counterpart_role) == "host"

    def column(field: str) -> pd.Series:
        visitor = meetings[f"visitor_{field}_ar"].astype("string").fillna("")
        host = meetings[f"host_{field}_ar"].astype("string").fillna("")
        return host.where(abroad, visitor)

    return column("name"), column("title")


# The meetings columns grouping reads.
GROUPING_COLUMNS = ("meeting_id", "article_id", "partner_country_iso3", "partner_org_en", "event_type", "date",
                    "date_basis", "visitor_name_ar", "visitor_title_ar", "host_name_ar", "host_title_ar")


def _texts(values) -> list[str]:
    """A pandas column (or anything pandas reads as one) as a list of Python strings ("" for missing)."""
    import pandas as pd

    return ["" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)
            for v in pd.Series(values).astype(object).tolist()]


def name_key(name: str) -> str:
    """A counterpart's name as compared: matching form, without بن/ابن/ال and with عبد joined to the next word."""
    return " ".join(w for w in normalize(name).replace("عبد ", "عبد").split() if w not in _NOT_NAME_WORDS)


def _day(value) -> int | None:
    try:
        return dt.date.fromisoformat(str(value)).toordinal()
    except ValueError:
        return None


@dataclass
class _Report:
    meeting_id: str
    article_id: str
    key: str
    event_type: str
    day: int | None  # the meeting date, if the report states one (not the published stand-in)
    published: int | None
    name: str
    title: str


def same_person(a: str, b: str, rules: GroupingRules = RULES) -> bool:
    """Whether two names (``name_key`` forms) are spellings of one person's name: the one rule, used by
    the grouping and by a partner's list of people met.

    Same order first (a variant of a name's first letter, شودري/تشودري, reorders sorted tokens),
    then sorted tokens for names given in another order.
    """
    if not a or not b:
        return False
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) >= rules.name_similarity


def same_person_across_visits(a: str, b: str, rules: GroupingRules = RULES) -> bool:
    """Whether two names (``name_key`` forms) met at different times are one person: the rule of a
    partner's list of people met, stricter than ``same_person``.

    ``same_person`` compares the counterparts of reports already of one partner within a few days,
    where two similar names are almost always one man. Across years of visits they are often two:
    خالد بن سلمان and خالد بن سلطان, فهد بن تركي and تركي بن فهد. So here the names must agree word
    by word, in order: the first and the last words alike (edit ratio ``name_similarity``), and the
    shorter name's words found in the longer one's in order (a middle name left out: قمر جاويد باجوا,
    قمر باجوا), each a spelling of the other (شودري, تشودري).
    """
    if a == b:
        return bool(a)
    short, long = sorted((a.split(), b.split()), key=len)
    if not short:
        return False

    def alike(x: str, y: str) -> bool:
        return fuzz.ratio(x, y) >= rules.name_similarity

    if not alike(short[0], long[0]) or not alike(short[-1], long[-1]):
        return False
    position = 0
    for word in short:
        while position < len(long) and not alike(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _same_counterpart(a: _Report, b: _Report, rules: GroupingRules) -> str:
    """"name", "title" or "" : how far the two reports agree on who the counterpart was."""
    if a.name and b.name:
        return "name" if same_person(a.name, b.name, rules) else ""
    if a.title and b.title and fuzz.token_set_ratio(a.title, b.title) >= rules.title_similarity:
        return "title"
    return ""


def _dates_agree(a: _Report, b: _Report, rules: GroupingRules) -> str:
    """"date" when both state dates within the window, "unknown" when one does not say, "" when apart."""
    if a.day is not None and b.day is not None:
        return "date" if abs(a.day - b.day) <= rules.date_window_days else ""
    # One report gives no date: its publication bounds when the meeting was.
    other = b.day if a.day is None else a.day
    published = a.published if a.day is None else b.published
    if other is not None and published is not None and not 0 <= published - other <= rules.date_window_days + 2:
        return ""
    return "unknown"


def assign_events(columns: Mapping[str, Sequence[str]], published: Mapping[str, str],
                  signatures: Mapping[str, str], previous: Mapping[str, str] | None = None,
                  rules: GroupingRules = RULES) -> tuple[dict[str, tuple[str, str]], dict[str, set[str]]]:
    """Assign each new meeting to an event: the rules of grouping on plain columns.

    Args:
        columns: ``GROUPING_COLUMNS`` of the meetings, each a list of text ("" for missing). Every
            meeting without an event in ``previous`` is new; besides them, only the meetings of
            the new ones' partners are needed (all of them when a new one has no partner).
        published: article_id -> published date ("" when unknown).
        signatures: article_id -> text signature ("" for none).
        previous: meeting_id -> event_id from the last run; those meetings keep their event.
    Returns:
        (new meeting id -> (event_id, grouped_by: "" for an event's first report, "copy", "name"
        or "title"), meeting id -> the meetings it may be the same event as: weak candidates,
        found in this run, both ways).
    """
    previous = previous or {}
    ids, article_ids = list(columns["meeting_id"]), list(columns["article_id"])
    event_of = {m: previous[m] for m in ids if previous.get(m)}
    keys = [partner_key(c, o) for c, o in zip(columns["partner_country_iso3"], columns["partner_org_en"])]
    # Only the partners of new reports need their reports read.
    wanted = {k for m, k in zip(ids, keys) if m not in event_of and k}
    reports = {}
    for i, (mid, aid, key, etype) in enumerate(zip(ids, article_ids, keys, columns["event_type"])):
        if key in wanted or mid not in event_of:
            role = counterpart_role(etype)
            has_date = columns["date_basis"][i] not in ("published", "unknown", "")
            reports[mid] = _Report(mid, aid, key, etype, _day(columns["date"][i]) if has_date else None,
                                   _day(published.get(aid, "")), name_key(columns[f"{role}_name_ar"][i]),
                                   normalize(columns[f"{role}_title_ar"][i]))
    assigned: dict[str, tuple[str, str]] = {}
    possible: dict[str, set[str]] = defaultdict(set)
    new = [m for m in ids if m not in event_of]
    if new:
        texts = _Signatures(signatures, rules)
        # A report whose partner was not found has no block: its text alone can say which story it copies.
        keyless = {reports[m].article_id for m in new if not reports[m].key}
        copies: dict[str, set[str]] = {}
        for a, b, _ in (copy_pairs(signatures, keyless, rules) if keyless else ()):
            copies.setdefault(a, set()).add(b)
        meetings_of: dict[str, list[str]] = {}
        for mid, aid in zip(ids, article_ids):
            meetings_of.setdefault(aid, []).append(mid)
        blocks = _Blocks(reports, rules)
        for m in new:
            report = reports[m]
            if report.key:
                match, how = _best_match(report, blocks.candidates(report), event_of, texts, reports, possible, rules)
            else:
                match = next((o for a in sorted(copies.get(report.article_id, ())) for o in meetings_of.get(a, [])
                              if o in event_of), "")
                how = "copy" if match else ""
            event_of[m] = event_of[match] if match else schema.own_event_ids(m)
            assigned[m] = (event_of[m], how if match else "")
    return assigned, dict(possible)


def group_meetings(meetings: pd.DataFrame, articles: pd.DataFrame, signatures: pd.Series,
                   previous: pd.Series | None = None, rules: GroupingRules = RULES) -> pd.DataFrame:
    """Assign every meeting to an event (``assign_events`` for pandas frames).

    Args:
        meetings: the ``meetings`` table.
        articles: the ``articles`` table (``published_date``).
        signatures: article_id -> text signature.
        previous: meeting_id -> event_id from the last run; those meetings keep their event.
    Returns:
        One row per meeting: ``meeting_id``, ``event_id``, ``grouped_by`` ("" for the event's first
        report and for the meetings of ``previous``, "copy", "name" or "title"),
        ``possible_same_event`` (meeting ids of weak candidates found now, joined by ';').
    """
    import pandas as pd

    # Plain lists: iterating Arrow-backed pandas columns value by value is ten times slower.
    columns = {c: _texts(meetings[c]) for c in GROUPING_COLUMNS}
    published = dict(zip(_texts(articles["article_id"]), _texts(articles["published_date"])))
    texts = dict(zip(_texts(signatures.index.to_series()), _texts(signatures)))
    earlier = dict(zip(_texts(previous.index.to_series()), _texts(previous))) \
        if previous is not None and len(previous) else {}
    assigned, possible = assign_events(columns, published, texts, earlier, rules)
    ids = columns["meeting_id"]
    return pd.DataFrame({
        "meeting_id": ids,
        "event_id": [assigned[m][0] if m in assigned else earlier[m] for m in ids],
        "grouped_by": [assigned[m][1] if m in assigned else "" for m in ids],
        "possible_same_event": [";".join(sorted(possible.get(m, ()))) for m in ids],
    }).astype("string")


class _Blocks:
    """Candidates of a report: same partner, and a day (the meeting's, else the published one) within
    the date window, so a report is compared with a handful of others, not with every report of its
    partner. A report with no day at all (no date, no published date: rare) is compared with every
    report of its partner."""

    def __init__(self, reports: dict[str, _Report], rules: GroupingRules) -> None:
        self.span = rules.date_window_days + 2
        self.days: dict[str, tuple[list[int], list[str]]] = {}
        self.undated: dict[str, list[str]] = {}
        by_key: dict[str, list[tuple[int, str]]] = {}
        for m, report in reports.items():
            if not report.key:
                continue
            day = report.day if report.day is not None else report.published
            if day is None:
                self.undated.setdefault(report.key, []).append(m)
            else:
                by_key.setdefault(report.key, []).append((day, m))
        for key, items in by_key.items():
            items.sort()
            self.days[key] = ([d for d, _ in items], [m for _, m in items])

    def candidates(self, report: _Report) -> list[str]:
        if not report.key:
            return []
        day = report.day if report.day is not None else report.published
        if day is None:
            return self.days.get(report.key, ([], []))[1] + self.undated.get(report.key, [])
        days, ids = self.days.get(report.key, ([], []))
        low, high = bisect.bisect_left(days, day - self.span), bisect.bisect_right(days, day + self.span)
        return ids[low:high] + self.undated.get(report.key, [])


class _Signatures:
    """Every article's signature in one matrix, to ask whether two candidate articles are copies."""

    def __init__(self, signatures: Mapping[str, str], rules: GroupingRules) -> None:
        kept = [(a, s) for a, s in signatures.items() if s]
        self.row = {a: i for i, (a, _) in enumerate(kept)}
        self.matrix = np.frombuffer(bytes.fromhex("".join(s for _, s in kept)), dtype=np.uint32).reshape(
            len(kept), -1) if kept else np.zeros((0, signature.NUM_PERM), dtype=np.uint32)
        self.threshold = rules.copy_similarity

    def copies(self, a: str, b: str) -> bool:
        """The MinHash estimate of the two texts' Jaccard similarity reaches the copy threshold."""
        if a not in self.row or b not in self.row:
            return False
        return float((self.matrix[self.row[a]] == self.matrix[self.row[b]]).mean()) >= self.threshold


def _best_match(report: _Report, block: list[str], event_of: dict[str, str], texts: _Signatures,
                reports: dict[str, _Report], possible: dict[str, set[str]], rules: GroupingRules) -> tuple[str, str]:
    """The already-assigned meeting this report joins, and on what evidence; ("", "") for none.

    Candidates are the report's block (same partner, dates within the window): a syndicated copy
    among them is recognised by its text (signatures compared), an independent report by its
    counterpart."""
    weak: list[str] = []
    for other_id in block:
        if other_id == report.meeting_id or other_id not in event_of:
            continue
        other = reports[other_id]
        if other.article_id == report.article_id:
            continue  # two meetings of one article are two meetings
        dates = _dates_agree(report, other, rules)
        if not dates:
            continue  # two dates a week apart are two visits, even in a copied text
        if texts.copies(report.article_id, other.article_id):
            return other_id, "copy"
        same = _same_counterpart(report, other, rules)
        compatible = report.event_type == other.event_type
        if same == "name" and (compatible or dates == "date"):
            return other_id, "name"
        if same == "title" and compatible and dates == "date":
            return other_id, "title"
        if same:
            weak.append(other_id)
    for other_id in weak:
        possible[report.meeting_id].add(other_id)
        possible[other_id].add(report.meeting_id)
    return "", ""


#: How well a report grounds its date, best first: a stated date (or a reviewer's), then one read from
#: "today"/"yesterday", then the publication date. An event takes its date from its best report, and its
#: reports are listed best first (the Sources page, a partner's sources).
BASIS_RANK = {"explicit": 0, "corrected": 0, "relative": 1, "published": 2, "unknown": 3}
_FROM_BEST = ("event_type", "date", "date_basis", "date_text", "partner_country_iso3", "partner_country_ar",
              "partner_country_en", "partner_countries_iso3", "partner_org_ar", "partner_org_en", "location_ar")
_FILLED = ("visitor_name_ar", "visitor_title_ar", "host_name_ar", "host_title_ar")


# The meetings columns an event is built from (with its ``event_id``).
EVENT_COLUMNS = ("meeting_id", "article_id", "event_id", "review_reasons") + _FROM_BEST + _FILLED
# The meeting_topics columns an event's topics are built from.
TOPIC_COLUMNS = ("meeting_id", "topic_id", "topic_ar", "topic_en", "in_account")


def event_rows(columns: Mapping[str, Sequence[str]], published: Mapping[str, str], outlet: Mapping[str, str],
               topics: Mapping[str, Sequence]) -> tuple[dict[str, list], list[tuple]]:
    """The ``events`` and ``event_topics`` rows of some events, from plain columns.

    Args:
        columns: ``EVENT_COLUMNS`` of every report of those events, each a list of text ("" for missing).
        published, outlet: article_id -> its published date, its outlet ("" when unknown).
        topics: ``TOPIC_COLUMNS`` of their topic rows (``in_account`` True, False or None).
    Returns:
        (the events as columns: the contract's, each a list, in event_id order, and ``best``, the
        row of each event's best-grounded report in ``columns``; the event_topics rows, tuples in
        the contract's column order, in the order first raised). An event takes its partner,
        type, date and place from its best-grounded report (explicit date, then relative, then
        the published stand-in; then the earliest published), names missing there from its other
        reports, and counts its reports and outlets; its topics are the union over its reports,
        each with the reports that raised it.
    """
    ids, article_ids, event_ids = columns["meeting_id"], columns["article_id"], columns["event_id"]
    dates = [published.get(a, "") for a in article_ids]
    outlets = [outlet.get(a, "") for a in article_ids]
    basis = columns["date_basis"]
    # Sorting by (event, rank, published, meeting) puts each event's best-grounded report first.
    order = sorted(range(len(ids)), key=lambda i: (event_ids[i], BASIS_RANK.get(basis[i], 3),
                                                    dates[i] or "9999-99-99", ids[i]))
    # Most events have one report: their values are that report's, without a join.
    groups = [list(g) for _, g in itertools.groupby(order, key=event_ids.__getitem__)]
    best = [g[0] for g in groups]
    out: dict[str, list] = {"event_id": [event_ids[i] for i in best], "best": best}
    for c in _FROM_BEST:
        values = columns[c]
        out[c] = [values[i] for i in best]
    for c in _FILLED:
        values = columns[c]
        out[c] = [values[g[0]] if values[g[0]] or len(g) == 1 else next((values[i] for i in g if values[i]), "")
                  for g in groups]
    named = [sorted({outlets[i] for i in g} - {""}) if len(g) > 1 else [outlets[g[0]]] if outlets[g[0]] else []
             for g in groups]
    reasons = columns["review_reasons"]
    out.update(
        reports=[len(g) for g in groups], outlets=[len(n) for n in named], outlet_names=[";".join(n) for n in named],
        first_reported=[dates[g[0]] if len(g) == 1 else min((dates[i] for i in g if dates[i]), default="")
                        for g in groups],
        meeting_ids=[ids[g[0]] if len(g) == 1 else ";".join(dict.fromkeys(ids[i] for i in g if ids[i]))
                     for g in groups],
        review_reasons=["" if len(g) == 1 and not reasons[g[0]] else
                        ";".join(dict.fromkeys(r for i in g for r in reasons[i].split(";") if r)) for g in groups])
    out["needs_review"] = [r != "" for r in out["review_reasons"]]
    event_of = dict(zip(ids, event_ids))
    raised: dict[tuple[str, str], list] = {}  # (event, topic) -> [topic_ar, topic_en, in_account, meeting ids]
    for mid, topic_id, topic_ar, topic_en, in_account in zip(*(topics[c] for c in TOPIC_COLUMNS)):
        event_id = event_of.get(mid)
        if event_id is None:
            continue
        found = raised.setdefault((event_id, topic_id), [topic_ar, topic_en, None, {}])
        found[0], found[1] = found[0] or topic_ar, found[1] or topic_en
        if in_account is not None:
            found[2] = in_account if found[2] is None else (found[2] or in_account)
        if mid:
            found[3][mid] = None
    topic_rows = [(event_id, topic_id, ar, en, in_account, len(mids), ";".join(sorted(mids)))
                  for (event_id, topic_id), (ar, en, in_account, mids) in raised.items()]
    return out, topic_rows


def build_events(meetings: pd.DataFrame, articles: pd.DataFrame, meeting_topics: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``events`` and ``event_topics`` tables (``event_rows``) from meetings that carry an ``event_id``.

    Args:
        meetings: the ``meetings`` table with ``event_id`` filled.
        articles: the ``articles`` table (``published_date``, ``outlet``).
        meeting_topics: the ``meeting_topics`` table.
    Returns:
        (events, event_topics) in the contract's columns; partner, type, date and place keep the
        values (and dtypes) of each event's best-grounded report.
    """
    import pandas as pd

    if meetings.empty:
        return pd.DataFrame(), pd.DataFrame()
    columns = {c: _texts(meetings[c]) if c in meetings else [""] * len(meetings) for c in EVENT_COLUMNS}
    article_ids = _texts(articles["article_id"])
    published = dict(zip(article_ids, _texts(articles["published_date"])))
    outlet = dict(zip(article_ids, _texts(articles["outlet"])))
    in_account = [None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else bool(v)
                  for v in meeting_topics["in_account"].astype(object).tolist()] if len(meeting_topics) else []
    topics = {c: _texts(meeting_topics[c]) if len(meeting_topics) else [] for c in TOPIC_COLUMNS[:-1]}
    built, topic_rows = event_rows(columns, published, outlet, topics | {"in_account": in_account})
    events = pd.DataFrame({c: built[c] for c in schema.EVENTS.column_names})
    for column in _FROM_BEST:
        if column in meetings:
            events[column] = meetings[column].iloc[built["best"]].reset_index(drop=True)
    names = schema.EVENT_TOPICS.column_names
    if not topic_rows:
        return events, pd.DataFrame(columns=names)
    event_topics = pd.DataFrame(topic_rows, columns=names)
    for column in ("topic_ar", "topic_en"):
        event_topics[column] = event_topics[column].astype(meeting_topics[column].dtype)
    return events, event_topics
