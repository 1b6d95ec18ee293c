"""Extraction quality against a labelled corpus: ``python -m dashboard.evaluate --corpus DIR``.

DIR holds ``articles/``, ``gold.jsonl`` and ``metadata.csv`` (the format of
``tests/corpus/``, whose README gives the labelling conventions). The command
runs the pipeline's per-article step on every article, scores each field the
way the corpus README counts it, prints the scores, then every miss with the
file, the field, what was expected, what was found and the evidence sentence.

``--min-FIELD`` floors (e.g. ``--min-country 0.95``) make it exit 1 when a
score is below its floor, so a test or CI can hold the line.

What a score means:
- Records of type ``negative`` and ``other`` are not scored field by field.
  A negative is right when it yields no meeting, or only ``other`` ones.
- ``country``: the set of partner countries over the article's meetings
  equals the gold set; for an organisation-only record, no country and an
  organisation found.
- ``organisation``: for records whose gold names an organisation, one was
  found whose English name matches the gold one (fuzzy, token-set ratio).
- ``type``: the gold type is among the extracted ones.
- ``date``: over records with a gold date, it is among the extracted dates.
  ``invented``: a date extracted where gold has none and the article has no
  published date to stand in.
- ``name`` / ``title``: the counterpart's name (title) equals gold's after
  Arabic normalisation, over records whose gold has one.
- ``topics``: micro precision, recall and F1 over in-account topics.
- ``silent``: scored records (negatives included) with a wrong partner, type
  or date, or a wrong counterpart name, where no meeting of the article is
  flagged ``needs_review``, as a share of all scored records.
- ``events``: pairwise precision and recall of "same event" over the articles
  that report a meeting: two articles are predicted the same event when their
  first meetings are grouped into one event, and are the same in gold when their
  ``event_id``s are equal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from dashboard.preprocess import events, schema
from dashboard.preprocess.normalize import normalize
from dashboard.preprocess.pipeline import list_article_files, process_article, read_metadata

SCORED_TYPES = ("visit_received", "visit_abroad", "agreement", "multilateral")
GOLD_TYPES = SCORED_TYPES + ("other", "negative")
# Organisation names in gold are free English; ours come from the gazetteer.
ORG_MATCH_RATIO = 70

# Floors a test or CI can set: field name -> attribute of Scores.
FLOOR_FIELDS = ("country", "organisation", "type", "date", "negatives", "name", "title", "topics_f1",
                "events_precision", "events_recall")


@dataclass
class Miss:
    file: str
    field: str
    expected: str
    found: str
    evidence: str


@dataclass
class Scores:
    country: float = 0.0
    organisation: float = 0.0
    type: float = 0.0
    date: float = 0.0
    invented: int = 0
    negatives: float = 0.0
    name: float = 0.0
    title: float = 0.0
    topics_precision: float = 0.0
    topics_recall: float = 0.0
    topics_f1: float = 0.0
    silent: float = 0.0
    silent_count: int = 0
    events_precision: float = 0.0
    events_recall: float = 0.0
    event_pairs: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)


def meeting_countries(meeting: dict) -> list[str]:
    """Every partner country of one meetings row, first the main one."""
    listed = [c for c in (meeting.get("partner_countries_iso3") or "").split(";") if c]
    main = meeting.get("partner_country_iso3") or ""
    return list(dict.fromkeys(([main] if main else []) + listed))


def counterpart(meeting: dict) -> tuple[str, str]:
    """(name, title) of the coalition's counterpart: the host on a visit abroad, else the visitor."""
    role = events.counterpart_role(meeting.get("event_type") or "")
    return meeting.get(f"{role}_name_ar") or "", meeting.get(f"{role}_title_ar") or ""


def _same_text(a: str | None, b: str | None) -> bool:
    return " ".join(normalize(a or "").split()) == " ".join(normalize(b or "").split())


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def _evidence(rows: dict, meeting_id: str, field_name: str) -> str:
    for item in rows["evidence"]:
        if item["meeting_id"] == meeting_id and item["field"] == field_name:
            return item["sentence"]
    return ""


def run_corpus(corpus: Path) -> dict[str, dict]:
    """file name -> the pipeline's rows for that article (as ``process_article`` returns them)."""
    folder = corpus / "articles"
    files = list_article_files(folder)
    metadata, _ = read_metadata(corpus, [p.name for p in files])
    return {p.name: process_article(p.read_bytes(), p.name, metadata.get(p.name, {})) for p in files}


def load_gold(corpus: Path) -> list[dict]:
    with (corpus / "gold.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(gold: list[dict], results: dict[str, dict]) -> Scores:
    """Per-field scores and misses of ``results`` against ``gold`` (see the module docstring)."""
    s = Scores()
    hits = Counter()
    totals = Counter()
    tp = fp = fn = 0
    silent = scored = 0
    for record in gold:
        name = record["file"]
        rows = results.get(name) or {"meetings": [], "evidence": [], "meeting_topics": []}
        meetings = rows["meetings"]
        first = meetings[0] if meetings else {}
        first_id = first.get("meeting_id", "")
        found_types = [m["event_type"] for m in meetings]
        gold_type = record["event_type"]
        s.confusion[(gold_type, found_types[0] if found_types else "none")] += 1
        flagged = any(m.get("needs_review") for m in meetings)
        if gold_type == "negative":
            scored += 1
            totals["negatives"] += 1
            right = all(t == "other" for t in found_types)
            hits["negatives"] += right
            if not right:
                s.misses.append(Miss(name, "negative", "no meeting", ", ".join(found_types),
                                     _evidence(rows, first_id, "event_type")))
                silent += not flagged
            continue
        if gold_type not in SCORED_TYPES:
            continue
        scored += 1
        wrong = False

        def miss(field_name: str, expected, found, evidence_field: str) -> None:
            s.misses.append(Miss(name, field_name, str(expected), str(found),
                                 _evidence(rows, first_id, evidence_field)))

        # Partner.
        found_countries = sorted({c for m in meetings for c in meeting_countries(m)})
        found_orgs = [m.get("partner_org_en") or "" for m in meetings if m.get("partner_org_en")]
        gold_countries = sorted(record["partner_countries"])
        totals["country"] += 1
        if gold_countries:
            right = found_countries == gold_countries
        else:
            right = not found_countries and bool(found_orgs)
        hits["country"] += right
        if not right:
            wrong = True
            miss("country", gold_countries or record["partner_orgs"], found_countries or found_orgs,
                 "partner_country_iso3")
        if record["partner_orgs"]:
            totals["organisation"] += 1
            right = any(fuzz.token_set_ratio(g.lower(), f.lower()) >= ORG_MATCH_RATIO
                        for g in record["partner_orgs"] for f in found_orgs)
            hits["organisation"] += right
            if not right:
                miss("organisation", record["partner_orgs"], found_orgs, "partner_org_ar")
        # Event type.
        totals["type"] += 1
        right = gold_type in found_types
        hits["type"] += right
        if not right:
            wrong = True
            miss("type", gold_type, found_types or "no meeting", "event_type")
        # Date.
        found_dates = [m.get("date") or "" for m in meetings]
        if record["date"]:
            totals["date"] += 1
            right = record["date"] in found_dates
            hits["date"] += right
            if not right:
                wrong = True
                miss("date", f"{record['date']} ({record['date_text']})",
                     f"{first.get('date') or '-'} ({first.get('date_basis', '')}: {first.get('date_text') or ''})",
                     "date")
        elif not record["published_date"] and any(found_dates):
            s.invented += 1
            wrong = True
            miss("date (invented)", f"none ({record['date_text'] or 'no cue'})",
                 f"{first.get('date')} ({first.get('date_basis')}: {first.get('date_text') or ''})", "date")
        # Counterpart.
        found_name, found_title = counterpart(first)
        if record["visitor_name_ar"]:
            totals["name"] += 1
            right = _same_text(record["visitor_name_ar"], found_name)
            hits["name"] += right
            if not right:
                wrong = True
                miss("name", record["visitor_name_ar"], found_name or "-", "visitor_name_ar")
        if record["visitor_title_ar"]:
            totals["title"] += 1
            right = _same_text(record["visitor_title_ar"], found_title)
            hits["title"] += right
            if not right:
                miss("title", record["visitor_title_ar"], found_title or "-", "visitor_title_ar")
        # Topics.
        gold_topics = set(record["topics"])
        found_topics = {t["topic_id"] for t in rows["meeting_topics"] if t["in_account"]}
        tp += len(gold_topics & found_topics)
        fp += len(found_topics - gold_topics)
        fn += len(gold_topics - found_topics)
        if gold_topics != found_topics:
            miss("topics", "+".join(sorted(gold_topics - found_topics)) or "-",
                 "+".join(sorted(found_topics - gold_topics)) or "-", "")
        silent += wrong and not flagged

    s.country = _ratio(hits["country"], totals["country"])
    s.organisation = _ratio(hits["organisation"], totals["organisation"])
    s.type = _ratio(hits["type"], totals["type"])
    s.date = _ratio(hits["date"], totals["date"])
    s.negatives = _ratio(hits["negatives"], totals["negatives"])
    s.name = _ratio(hits["name"], totals["name"])
    s.title = _ratio(hits["title"], totals["title"])
    s.topics_precision = _ratio(tp, tp + fp)
    s.topics_recall = _ratio(tp, tp + fn)
    p, r = s.topics_precision, s.topics_recall
    s.topics_f1 = 2 * p * r / (p + r) if p + r else 0.0
    s.silent_count = silent
    s.silent = silent / scored if scored else 0.0
    s.counts = dict(totals) | {"scored": scored}
    _score_events(s, gold, results)
    return s


def event_of_files(results: dict[str, dict]) -> dict[str, str]:
    """file -> the event of the file's first meeting, grouping the whole collection as the pipeline does."""
    meetings = pd.DataFrame([m for rows in results.values() for m in rows["meetings"]])
    if meetings.empty:
        return {}
    articles = pd.DataFrame([a for rows in results.values() for a in rows.get("articles", [])],
                            columns=["article_id", "published_date"])
    texts = {t["article_id"]: t["text"] for rows in results.values() for t in rows.get("article_texts", [])}
    signatures = pd.Series({a: events.text_signature(text) for a, text in texts.items()}, dtype="string")
    for column in ("visitor_name_ar", "visitor_title_ar", "host_name_ar", "host_title_ar", "partner_org_en",
                   "partner_country_iso3", "date", "date_basis"):
        if column not in meetings:
            meetings[column] = ""
    for column in ("article_id", "event_type"):
        if column not in meetings:
            meetings[column] = meetings["meeting_id"] if column == "article_id" else ""
    assigned = events.group_meetings(meetings.fillna(""), articles, signatures).set_index("meeting_id")["event_id"]
    return {name: assigned[rows["meetings"][0]["meeting_id"]] for name, rows in results.items() if rows["meetings"]}


def _score_events(s: Scores, gold: list[dict], results: dict[str, dict]) -> None:
    predicted = event_of_files(results)
    records = [r for r in gold if r["event_type"] != "negative" and r["file"] in predicted]
    tp = fp = fn = 0
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            same_gold = a["event_id"] == b["event_id"]
            same_found = predicted[a["file"]] == predicted[b["file"]]
            tp += same_gold and same_found
            fp += same_found and not same_gold
            fn += same_gold and not same_found
            if same_gold != same_found:
                s.misses.append(Miss(f"{a['file']}+{b['file']}", "same event", str(same_gold), str(same_found), ""))
    s.events_precision = _ratio(tp, tp + fp)
    s.events_recall = _ratio(tp, tp + fn)
    s.event_pairs = tp + fn


def report(s: Scores, misses: bool = True) -> str:
    """The scores as a plain-text table, the confusion matrix, then (optionally) every miss."""
    c = s.counts
    lines = [
        "field          score   over",
        f"country        {s.country:6.3f}  {c.get('country', 0)}",
        f"organisation   {s.organisation:6.3f}  {c.get('organisation', 0)}",
        f"event type     {s.type:6.3f}  {c.get('type', 0)}",
        f"date           {s.date:6.3f}  {c.get('date', 0)}   invented: {s.invented}",
        f"visitor name   {s.name:6.3f}  {c.get('name', 0)}   (exact)",
        f"visitor title  {s.title:6.3f}  {c.get('title', 0)}   (exact)",
        f"topics         P {s.topics_precision:.3f}  R {s.topics_recall:.3f}  F1 {s.topics_f1:.3f}",
        f"negatives      {s.negatives:6.3f}  {c.get('negatives', 0)}   (rejected)",
        f"silent errors  {s.silent:6.3f}  {s.silent_count} of {c.get('scored', 0)} scored records",
        f"same event     P {s.events_precision:.3f}  R {s.events_recall:.3f}   over {s.event_pairs} same-event pairs",
        "",
        "event type confusion (gold -> first extracted):",
    ]
    found_types = schema.EVENT_TYPES + ("none",)
    lines.append("  " + " " * 15 + "".join(f"{t[:12]:>13}" for t in found_types))
    for gold_type in GOLD_TYPES:
        row = [s.confusion.get((gold_type, t), 0) for t in found_types]
        if any(row):
            lines.append(f"  {gold_type:<15}" + "".join(f"{n:>13}" for n in row))
    if misses and s.misses:
        lines += ["", f"misses ({len(s.misses)}):"]
        for m in s.misses:
            lines.append(f"  {m.file}  {m.field}: expected {m.expected} | found {m.found}")
            if m.evidence:
                lines.append(f"      evidence: {m.evidence[:200]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "corpus",
                        help="folder with articles/, gold.jsonl and metadata.csv (default: tests/corpus)")
    parser.add_argument("--no-misses", action="store_true", help="print the scores only")
    for name in FLOOR_FIELDS + ("silent",):
        parser.add_argument(f"--min-{name.replace('_', '-')}" if name != "silent" else "--max-silent",
                            type=float, default=None, dest=name)
    args = parser.parse_args(argv)
    s = score(load_gold(args.corpus), run_corpus(args.corpus))
    print(report(s, misses=not args.no_misses))
    failed = [f"{name} {getattr(s, name):.3f} < {getattr(args, name)}" for name in FLOOR_FIELDS
              if getattr(args, name) is not None and getattr(s, name) < getattr(args, name)]
    if args.silent is not None and s.silent > args.silent:
        failed.append(f"silent {s.silent:.3f} > {args.silent}")
    if failed:
        print("\nbelow the floor: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
