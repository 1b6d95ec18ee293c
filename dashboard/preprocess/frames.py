"""Who met whom, and who travelled: the verb frame of a sentence about the coalition.

The rules read normalised text (``normalize``) and the word tables in
``lexicon/``: a meeting verb or noun frame, the coalition's side (its
Secretary-General, commander, a delegation or centre of it, or its name as a
party), whether that side is the verb's subject, and where the meeting was held.
From those, ``event_type`` decides the event type; every decision says which
rule made it, so that a decision by fallback can be flagged for review.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dashboard.preprocess.lexicon import groups, markers, places, verbs
from dashboard.preprocess.normalize import normalize

_AR = "\u0621-\u064a"
_WORD_START = rf"(?<![{_AR}])"
_WORD_END = rf"(?![{_AR}])"


def _alternation(words) -> str:
    # Longest first, so "زيارة رسمية" wins over "زيارة".
    return "|".join(re.escape(normalize(w)) for w in sorted(set(words), key=len, reverse=True))


_FRAME_OF = {normalize(w): frame for w, frame in verbs.VERBS + verbs.NOUN_FRAMES}
# A meeting verb of lexicon.verbs (group 1), after و، كما or ثم: used by every rule that looks for one.
VERB_RE = re.compile(
    rf"{_WORD_START}(?:و|كما |ثم )?({_alternation(w for w, _ in verbs.VERBS)}){_WORD_END}"
)
_NOUN_FRAME_RE = re.compile(rf"{_WORD_START}(?:و|ب|ل)?({_alternation(w for w, _ in verbs.NOUN_FRAMES)}){_WORD_END}")
_NOT_AFTER = {normalize(k): tuple(normalize(w) for w in v) for k, v in verbs.NOT_A_MEETING_AFTER.items()}
_AGREEMENT_DOC_RE = re.compile(rf"{_WORD_START}(?:و|ب|ل|ال)?(?:{_alternation(verbs.AGREEMENT_DOCUMENTS)})")
_ABROAD_RE = re.compile(_alternation(verbs.ABROAD_PHRASES))

# The coalition's side: its officials, delegations, centres, or its own name.
_COALITION_NAME = (
    r"(?:ال)?تحالف (?:ال)?اسلامي(?: (?:ال)?عسكري)?(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
    r"|(?:ال)?تحالف (?:ال)?عسكري (?:ال)?اسلامي(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
)
_COALITION_NAME_RE = re.compile(rf"{_WORD_START}(?:[وبل]|لل)?(?:{_COALITION_NAME})|imctc", re.IGNORECASE)
COALITION_PARTY_PATTERN = (
    rf"(?:"
    rf"(?:نائب )?(?:ال)?امين (?:ال)?عام(?: المكلف| بالانابه)? (?:لل|ل|ال)?تحالف(?: (?:{_COALITION_NAME}))?"
    rf"(?: (?:ال)?اسلامي)?(?: (?:ال)?عسكري)?(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
    rf"|(?:ال)?قايد (?:ال)?عسكري (?:لل|ل)?تحالف(?: (?:ال)?اسلامي)?(?: (?:ال)?عسكري)?(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
    rf"|وفدا?(?: [^ ,.]+){{0,2}} (?:من |عن )?(?:ال)?تحالف(?: (?:ال)?اسلامي)?(?: (?:ال)?عسكري)?(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
    rf"|(?:ال)?وفد (?:ال)?زائر"
    # An office of the coalition other than its head: "مدير إدارة التدريب في التحالف".
    rf"|(?:مدير|رييس|قايد|نايب|مساعد|ممثل)(?:ه)? (?:[^ ,.]+ ){{0,5}}(?:في (?:ال)?|ب(?:ال)?|لل)تحالف(?: (?:ال)?اسلامي)?(?: (?:ال)?عسكري)?"
    rf"(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
    rf"|{_COALITION_NAME}"
    rf")"
)
_COALITION_PARTY_RE = re.compile(rf"{_WORD_START}(?:و|ف)?" + COALITION_PARTY_PATTERN)
_PASSING_RE = re.compile(rf"(?:{_alternation(markers.PASSING_BEFORE)})\s+(?:\S+\s+){{0,4}}$")
_OTHER_COALITION_RE = re.compile(_alternation(markers.OTHER_COALITIONS))

_CITY_ISO3 = {normalize(city): iso3 for city, iso3 in places.CITIES}
_CITY_RE = re.compile(rf"{_WORD_START}(?:و|ف)?(?:ب|ل|في )?({_alternation(c for c, _ in places.CITIES)}){_WORD_END}")
_SEAT_RE = re.compile(rf"(?:في |ب|ل|الي |إلى )?(?:{_alternation(places.COALITION_SEATS)})")
HOST_COUNTRY = "SAU"  # the coalition's seat: a meeting there is a visit received
# "تتخذ من الكويت مقراً لها": the place a body sits, not where a meeting was.
SEAT_OF_RE = re.compile(rf"\s*{normalize('مقرا')}")
_TO = (normalize("إلى "), normalize("إلى ال"))
# Words that may stand between a verb and its subject: time adverbs, weekdays, dates.
ADVERB_PATTERN = (
    r"(?:\s|,|\(|\)|-|\d|"
    + "|".join(normalize(w) for w in ("اليوم", "امس", "الاول", "صباح", "مساء", "يوم", "الاحد", "الاثنين",
                                       "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الماضي", "امس"))
    + ")*"
)
_ADVERB_RE = re.compile(ADVERB_PATTERN)


@dataclass(frozen=True)
class Frame:
    """The meeting frame of one sentence.

    ``verb``: the word that tells of the meeting; ``kind``: its frame (see
    ``lexicon.verbs``); ``coalition_subject``: True when the coalition's side is
    the subject, False when another party is, None when the sentence does not say;
    ``coalition``: span of the coalition's side; ``place_iso3``: the country of the
    place where the meeting was held, when a city or destination says so.
    """

    verb: str
    kind: str
    verb_span: tuple[int, int]
    coalition_subject: bool | None
    coalition: tuple[int, int] | None
    place_iso3: str
    place_span: tuple[int, int] | None
    at_seat: bool
    abroad_phrase: bool


@functools.lru_cache(maxsize=4096)
def coalition_parties(norm: str) -> tuple[re.Match, ...]:
    """The coalition's side as a party in ``norm``: officials, delegations, its name; not named in passing."""
    found = []
    for match in _COALITION_PARTY_RE.finditer(norm):
        if _PASSING_RE.search(norm, max(0, match.start() - 60), match.start()):
            continue
        found.append(match)
    return tuple(found)


def names_coalition(norm: str) -> bool:
    """True when the text names the IMCTC itself (not only "التحالف")."""
    return bool(_COALITION_NAME_RE.search(norm))


def names_other_coalition(norm: str) -> bool:
    """True when the text names an alliance that is not the IMCTC (the Yemen coalition, the Global Coalition...)."""
    return bool(_OTHER_COALITION_RE.search(norm))


def find_verb(norm: str) -> re.Match | None:
    """The first meeting verb of ``norm``, else its first noun frame (group 1 is the word itself)."""
    for pattern in (VERB_RE, _NOUN_FRAME_RE):
        for match in pattern.finditer(norm):
            blocked = _NOT_AFTER.get(match.group(1))
            if blocked and norm[match.end():].lstrip().startswith(blocked):
                continue
            return match
    return None


def cities(norm: str) -> list[tuple[str, int, int]]:
    """(ISO3, start, end) of every city in ``norm`` that names its country, where something happens.

    "تتخذ من الكويت مقراً لها" names where a body sits, not a place of the meeting: left out.
    """
    return [(_CITY_ISO3[m.group(1)], m.start(1), m.end(1)) for m in _CITY_RE.finditer(norm)
            if not SEAT_OF_RE.match(norm, m.end())]


def dateline_iso3(norm_body: str) -> str:
    """Country of the dateline city that opens an article body (``نواكشوط –``, ``دكا - واس``), or ""."""
    head = norm_body.lstrip()[:60]
    match = _CITY_RE.match(head)
    if not match:
        return ""
    rest = head[match.end():].lstrip()
    if not rest or rest[0] in "-–—(:" or rest.startswith("\n") or rest[:1].isdigit():
        return _CITY_ISO3[match.group(1)]
    return ""


def read_frame(norm: str, country_spans: list[tuple[str, int, int]] = ()) -> Frame | None:
    """The meeting frame of one normalised sentence, or None when it tells of no meeting.

    Args:
        norm: the sentence, normalised.
        country_spans: (ISO3, start, end) of the countries the gazetteer found in it, so
            that "زيارة رسمية إلى بنغلاديش" gives the place.
    """
    verb = find_verb(norm)
    if verb is None:
        return None
    parties = coalition_parties(norm)
    party = None
    subject = None
    if parties:
        # The party nearest the verb: a subject right after it, else the first one.
        after = [p for p in parties if p.start() >= verb.end()]
        before = [p for p in parties if p.end() <= verb.start()]
        if after and _ADVERB_RE.fullmatch(norm, verb.end(), after[0].start()) is not None:
            party, subject = after[0], True
        elif before and verb.start() - before[-1].end() <= 3:
            party, subject = before[-1], True  # headline order: "الأمين العام ... يلتقي ..."
        else:
            party = after[0] if after else before[-1]
            subject = False
    place_iso3, place_span = "", None
    for iso3, start, end in cities(norm):
        place_iso3, place_span = iso3, (start, end)
        if iso3 != HOST_COUNTRY:
            break
    if not place_iso3 or place_iso3 == HOST_COUNTRY:
        for iso3, start, end in country_spans:
            if iso3 != HOST_COUNTRY and norm[:start].endswith(_TO):
                place_iso3, place_span = iso3, (start, end)
                break
    seat = _SEAT_RE.search(norm)
    abroad = _ABROAD_RE.search(norm)
    abroad_phrase = bool(abroad) and not (seat and 0 <= seat.start() - abroad.end() <= 12)
    return Frame(
        verb=verb.group(1), kind=_FRAME_OF.get(verb.group(1), "meet"), verb_span=verb.span(1),
        coalition_subject=subject, coalition=party.span() if party else None,
        place_iso3=place_iso3, place_span=place_span, at_seat=bool(seat), abroad_phrase=abroad_phrase,
    )


def is_agreement(norm: str) -> bool:
    """A signing verb or ceremony and a document word in the same text."""
    frame_words = VERB_RE.finditer(norm)
    signed = any(_FRAME_OF.get(m.group(1)) == "sign" for m in frame_words) or \
        normalize("توقيع") in norm
    return signed and bool(_AGREEMENT_DOC_RE.search(norm))


def event_type(frame: Frame, norm: str, headline: str, dateline: str, group: bool) -> tuple[str, str]:
    """(event type, the rule that decided it) for a sentence's frame.

    Args:
        frame: the anchor sentence's frame.
        norm: the anchor sentence.
        headline: the article's headline, normalised (a signing may be told only there).
        dateline: ISO3 of the dateline city, or "".
        group: True when the counterpart is a group of states or a group body.
    Returns:
        The type and a short rule name; rule names starting with ``fallback`` mean
        no positive cue decided it.
    """
    if is_agreement(norm) or (frame.kind in ("sign", "meet", "host") and is_agreement(headline)):
        return "agreement", "signing"
    if group:
        return "multilateral", "group"
    foreign_place = bool(frame.place_iso3) and frame.place_iso3 != HOST_COUNTRY
    saudi_place = frame.at_seat or frame.place_iso3 == HOST_COUNTRY
    if frame.kind == "receive" and frame.coalition_subject is False:
        return "visit_abroad", "received_by_host"
    if frame.kind in ("visit", "arrive") and frame.coalition_subject and not frame.at_seat:
        return "visit_abroad", "coalition_travelled"
    if frame.abroad_phrase and frame.coalition_subject is not False:
        return "visit_abroad", "travel_phrase"
    if foreign_place and not saudi_place:
        return "visit_abroad", "foreign_place"
    if saudi_place:
        return "visit_received", "coalition_seat"
    if frame.kind in ("visit", "arrive") and frame.coalition_subject is False:
        return "visit_received", "visitor_travelled"
    if frame.kind == "receive" and frame.coalition_subject:
        if dateline and dateline != HOST_COUNTRY:
            return "visit_abroad", "foreign_dateline"
        return "visit_received", "coalition_received"
    if frame.kind == "meet" and frame.coalition_subject is False:
        return "visit_abroad", "fallback_host_speaks"
    if dateline and dateline != HOST_COUNTRY:
        return "visit_abroad", "foreign_dateline"
    return "visit_received", "fallback"


_GROUP_LABEL = {normalize(ar): en for ar, en in groups.GROUP_BODIES}
_GROUP_RE = re.compile(_alternation(ar for ar, _ in groups.GROUP_BODIES))


def group_label(norm: str) -> tuple[str, str, int, int] | None:
    """(Arabic phrase, English label, start, end) of the first group body named in ``norm``, or None."""
    match = _GROUP_RE.search(norm)
    if not match:
        return None
    return match.group(), _GROUP_LABEL[match.group()], match.start(), match.end()


def place_of(norm: str) -> tuple[str, bool]:
    """(country of the first city named, whether the coalition's seat is named) in ``norm``."""
    found = cities(norm)
    foreign = [iso3 for iso3, _, _ in found if iso3 != HOST_COUNTRY]
    return (foreign[0] if foreign else found[0][0] if found else ""), bool(_SEAT_RE.search(norm))
