"""Read the meetings an article reports: who, from where, when, about what, and where it says so.

Everything here is a pure function of (article text, published date): no files,
no globals beyond compiled patterns and the cached gazetteer, so the per-article
step can run in any worker of any engine.

How an article is read:
1. The body is split into paragraphs and sentences; offsets are kept.
2. Each sentence gets a role: ``account`` (it tells of the meeting) or
   ``background`` (the coalition's founding, its 41 members, ``يذكر أن``,
   forecasts, a "background" section).
3. The first sentence with a meeting verb (استقبل، التقى، زار، بحث، وقع...) anchors
   the main meeting; later anchors with another partner (``على هامش``, ``كما
   استقبل``) are meetings too.
4. For each meeting: event type, partner (country and/or organisation, never
   the host or a country named as context), people, place, date, topics, and
   evidence for each value.
"""

from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.preprocess import dates, frames, topics
from dashboard.preprocess.lexicon import groups, markers, people
from dashboard.preprocess.names import (
    ALI, CLAUSE_OPENERS, LEAD_WORDS, PHRASE_ENDS, RANKS, SKIP_BEFORE_COUNTERPART, covered, looks_named,
    name_run, name_then_title, opens_title, parse_person, tokens_of,
)
from dashboard.preprocess.gazetteer import Gazetteer, Mention, load_gazetteer
from dashboard.preprocess.normalize import NormalizedText, normalize, normalize_with_offsets

HOST_COUNTRY = frames.HOST_COUNTRY
COALITION_ORG = "IMCTC"

_AR = r"\u0621-\u064a"


def _words(*words: str) -> str:
    return "|".join(normalize(w) for w in words)


_SENTENCE_END_RE = re.compile(r"(?<=[.!?\u061f])\s+")
_PARAGRAPH_RE = re.compile(r"[^\n]+")

_SIDE_MEETING_RE = re.compile(normalize("على هامش"))
_LOCATION_RE = re.compile(
    rf"(?<![{_AR}])(?:في |ب)?(?:مقر|مدينه|العاصمه)(?![{_AR}])[^,.;\n]*|(?<![{_AR}])ومقره ([^,.;\n]+)"
)
_TRAILING_TIME_RE = re.compile(rf"\s*(?:{_words('اليوم', 'أمس', 'الأمس')})\s*$")
# A place phrase ends where the time begins ("بالرياض يوم 5 مارس").
_TIME_IN_PLACE_RE = re.compile(
    rf"\s(?:{_words('يوم', 'اليوم', 'أمس', 'مساء', 'صباح', 'خلال', 'حيث', 'لبحث', 'لمناقشة')}|\d"
    rf"|{_words('في زيارة', 'في إطار', 'ضمن')}(?![{_AR}]))")
_MINISTRY_RE = re.compile(
    rf"(?<![{_AR}])(?:[وب]|ل)?(وزاره (?:ال)?(?:دفاع|خارجيه|داخليه|عدل|اعلام|شؤون (?:ال)?اسلاميه))(?![{_AR}])"
)
_MINISTRY_EN = {
    "دفاع": "Ministry of Defence", "خارجيه": "Ministry of Foreign Affairs", "داخليه": "Ministry of Interior",
    "عدل": "Ministry of Justice", "اعلام": "Ministry of Information", "شؤون": "Ministry of Islamic Affairs",
}

# Sentence roles.
_BACKGROUND_MARK_RE = re.compile(
    "|".join(re.escape(normalize(p)) for p in markers.BACKGROUND)
    + r"|(?<![\u0621-\u064a])\d+ دوله|" + markers.PAST_PERFECT_PATTERN
)
# "ووقع المذكرة / الاتفاقية / البرنامج": the document already told of, signed by its parties.
_SAME_DOCUMENT_RE = re.compile(r"\s+(?:[^ ]+ ){0,1}?ال(?:مذكره|اتفاقيه|اتفاق|برنامج|وثيقه)(?![\u0621-\u064a])")
# "وناقش الجانبان ...": the two sides of the meeting already told of.
_BOTH_SIDES_RE = re.compile(r"\s+(?:ال)?(?:جانبان|طرفان|جانبين|طرفين)(?![\u0621-\u064a])")
_FUTURE_RE = re.compile("|".join(re.escape(normalize(p)) for p in markers.FUTURE_BEFORE_DATE))
_BACKGROUND_HEADING_RE = re.compile("|".join(re.escape(normalize(p)) for p in markers.BACKGROUND_HEADINGS))
_MEETING_REF_RE = re.compile(
    rf"(?<![{_AR}])(?:[وفب]|ل|خلال )?(?:{_words('اللقاء', 'الاجتماع', 'الزيارة', 'الطرفان', 'الطرفين', 'الجانبان', 'الجانبين', 'المباحثات', 'المحادثات', 'المناقشات', 'مباحثات', 'ناقش', 'بحث', 'استقبل', 'التقى', 'الوفد', 'استقبله', 'المرافق')})(?![{_AR}])"
)

_RELATIVE_KINDS = ("relative", "weekday")
_EXPLICIT_KINDS = ("gregorian", "hijri", "numeric")

@dataclass
class Sentence:
    start: int  # span in the normalised text
    end: int
    norm: str
    paragraph: int
    is_heading: bool
    role: str = "background"  # "account" | "background"
    background_marked: bool = False  # it carries a background marker (يذكر أن، تأسس، كان ... قد)


@dataclass
class Evidence:
    field: str
    value: str
    start: int  # span in the original text
    end: int
    sentence: str


@dataclass
class TopicHit:
    topic_id: str
    in_account: bool
    evidence: str
    start: int
    end: int


@dataclass
class Meeting:
    values: dict[str, str]
    review_reasons: list[str]
    evidence: list[Evidence]
    topics: list[TopicHit]
    partner_iso3: str = ""


@dataclass
class ArticleExtraction:
    meetings: list[Meeting] = field(default_factory=list)
    # iso3 -> (role, mentions)
    mentioned: dict[str, tuple[str, int]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


class _Article:
    """The text of one article in both forms, with helpers to go from one to the other."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nt: NormalizedText = normalize_with_offsets(text)
        self.norm = self.nt.text

    def original(self, start: int, end: int) -> tuple[str, int, int]:
        o_start, o_end = self.nt.original_span(start, end)
        return self.text[o_start:o_end], o_start, o_end

    def evidence(self, name: str, start: int, end: int, sentence: Sentence) -> Evidence:
        value, o_start, o_end = self.original(start, end)
        sentence_text = self.original(sentence.start, sentence.end)[0]
        return Evidence(name, value.strip(), o_start, o_end, sentence_text)


def split_sentences(norm_text: str) -> list[Sentence]:
    """Paragraphs (lines) and sentences of normalised text, with spans."""
    sentences: list[Sentence] = []
    for p_index, paragraph in enumerate(_PARAGRAPH_RE.finditer(norm_text)):
        body = paragraph.group()
        if not body.strip():
            continue
        words = len(body.split())
        # A line with no closing punctuation is a headline, a dateline or a section title, not the account
        # (a headline of a wire report runs to 20 words).
        heading = words <= 20 and not re.search(r"[.!?\u061f:]\s*$", body)
        cursor = 0
        for piece in _SENTENCE_END_RE.split(body):
            local = body.index(piece, cursor)
            cursor = local + len(piece)
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            start = paragraph.start() + local + lead
            sentences.append(Sentence(start, start + len(stripped), stripped, p_index, heading,
                                      background_marked=bool(_BACKGROUND_MARK_RE.search(stripped))))
    return sentences


def assign_roles(sentences: list[Sentence], anchor_index: int, partner_mentions: list[Mention]) -> None:
    """Mark each sentence ``account`` or ``background`` (in place).

    Precedence: an explicit background marker wins; then a sentence that
    refers to the meeting or names its partner is account; then a sentence in a
    background section is background; then the run of text from the anchor to
    the first heading is account; everything else is background.
    """
    partner_spans = [(m.start, m.end) for m in partner_mentions]
    in_background_section = False
    lead_run = True
    background_paragraph = -1
    for index, sentence in enumerate(sentences):
        if sentence.is_heading and index != anchor_index:
            in_background_section = bool(_BACKGROUND_HEADING_RE.search(sentence.norm))
            if index > anchor_index:
                lead_run = False
            sentence.role = "background"
            continue
        if sentence.background_marked or sentence.paragraph == background_paragraph:
            sentence.role = "background"
            background_paragraph = sentence.paragraph
            continue
        names_partner = any(sentence.start <= s < sentence.end for s, _ in partner_spans)
        if index == anchor_index or _MEETING_REF_RE.search(sentence.norm) or names_partner:
            sentence.role = "account" if index >= anchor_index else "background"
        elif in_background_section:
            sentence.role = "background"
        elif lead_run and index > anchor_index:
            sentence.role = "account"
        else:
            sentence.role = "background"


_PARTY_AT = re.compile(frames.COALITION_PARTY_PATTERN)
_OTHER_SIDE_RE = re.compile(rf"(?<![{_AR}])(?:" + "|".join(re.escape(normalize(w)) for w in people.OTHER_SIDE)
                            + rf")(?![{_AR}])")
_SIGNING_RE = re.compile(rf"(?<![{_AR}])(?:" + "|".join(re.escape(normalize(w)) for w in people.SIGNING_WORDS)
                         + rf")(?![{_AR}])")
# "ومثّل مركز هداية في التوقيع ...": the signatory follows the ceremony's name, a few words on.
_CEREMONY_RE = re.compile(r"(?: [^ ,.]+){1,8}? (?:" + "|".join(re.escape(normalize(w)) for w in (
    "في التوقيع", "في مراسم التوقيع", "في توقيع")) + ")")
_SIDE_WORDS = frozenset(normalize(w) for w in ("الجانب", "جانب", "الآخر", "الاخر", "الطرف"))
_OWN_OFFICIAL_RE = re.compile("|".join(re.escape(normalize(w)) for w in people.OWN_OFFICIAL))
# "في الجزائر"، "بالجزائر العاصمة": where the meeting was held.
_LOCATIVE_RE = re.compile(rf"(?:(?<![{_AR}])في |(?<![{_AR}])ب|(?<![{_AR}])الي )$")
_WITH_RE = re.compile(rf"(?:و)?مع(?![{_AR}])")
_ADVERBS_RE = re.compile(frames.ADVERB_PATTERN)


def _coalition_cut(phrase: list[tuple[str, int, int]], sentence: Sentence) -> int:
    """How many tokens of ``phrase`` come before the coalition's side starts in it."""
    if not phrase:
        return 0
    for match in frames.coalition_parties(sentence.norm):
        start = sentence.start + match.start()
        if start < phrase[0][1]:
            continue
        for i, token in enumerate(phrase):
            if token[1] >= start:
                return i
    return len(phrase)


@functools.lru_cache(maxsize=4096)
def _date_phrases(norm_sentence: str) -> tuple:
    """Date phrases of one sentence; a sentence is read for dates by several fields, so once is enough."""
    return tuple(dates.find_date_phrases(norm_sentence))


_GROUP_PHRASE_END_RE = re.compile(rf"[,.;:()]|\s(?:{_words('الذي', 'التي', 'الذين', 'بحضور', 'برئاسة', 'يوم', 'اليوم', 'أمس')})(?![{_AR}])")


def _group_phrase(norm: str, start: int) -> tuple[int, int]:
    """The noun phrase of a group body that starts in the word at ``start``, up to the clause's end."""
    word_start = norm.rfind(" ", 0, start) + 1
    end = _GROUP_PHRASE_END_RE.search(norm, start)
    return word_start, (end.start() if end else len(norm))


_TRAVEL_RE = re.compile("(?:" + "|".join(re.escape(normalize(p)) for p in (
    "خلال زيارته", "خلال زيارة", "في إطار جولته", "في إطار زيارته", "في إطار جولة", "في زيارة رسمية",
    "في زيارة", "بزيارة",
)) + r")(?: (?:الي|ل|لل)[^ ,]*(?: [^ ,]+)?)?")


_HEAD_RE = re.compile("(?<![\u0621-\u064a])(?:" + "|".join(re.escape(normalize(w)) for w in (
    "برئاسة", "يرأسه", "يترأسه", "ترأسه", "يقوده", "بقيادة", "يتقدمه",
)) + ")(?![\u0621-\u064a])")


def _names_coalition_unit(sentence: Sentence, phrase: list[tuple[str, int, int]]) -> bool:
    """The phrase names a unit of the coalition ("مدير مركز العمليات في التحالف")."""
    words = {t[0] for t in phrase}
    return bool(words & {normalize("التحالف"), normalize("بالتحالف"), normalize("للتحالف")})


class _MeetingReader:
    """Extracts one meeting around an anchor sentence."""

    def __init__(self, article: _Article, sentences: list[Sentence], mentions: list[Mention],
                 gazetteer: Gazetteer, published: dt.date | None, title: str) -> None:
        self.article = article
        self.sentences = sentences
        self.mentions = mentions
        self.gaz = gazetteer
        self.published = published
        self.title_norm = normalize(title)
        self.dateline = frames.dateline_iso3(article.norm)

    def mentions_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in self.mentions if sentence.start <= m.start < sentence.end]

    def partner_candidates(self, anchor: int) -> tuple[list[Mention], list[Mention], Sentence, bool]:
        """Countries and organisations of the anchor sentence, else the headline, else the rest of its paragraph.

        Returns (countries, organisations, the sentence they came from, weak): ``weak`` when
        they came from a later sentence rather than the anchor or the headline.
        """
        anchor_sentence = self.sentences[anchor]
        countries, orgs = self._partners_of(anchor_sentence)
        if countries or orgs:
            return countries, orgs, anchor_sentence, False
        window = [s for s in self.sentences[anchor + 1: anchor + 3] if s.paragraph == anchor_sentence.paragraph]
        for sentence in window:
            countries, orgs = self._partners_of(sentence)
            if countries or orgs:
                return countries, orgs, sentence, True
        return [], [], anchor_sentence, False

    def _partners_of(self, sentence: Sentence) -> tuple[list[Mention], list[Mention]]:
        found = self.mentions_in(sentence)
        local = sentence.norm
        coalition = [(sentence.start + m.start(), sentence.start + m.end()) for m in frames.coalition_parties(local)]
        countries = []
        for m in found:
            if m.kind != "country" or m.key == HOST_COUNTRY:
                continue
            # "سفير مصر لدى المملكة": the country after لدى is where the envoy serves.
            if self.article.norm[max(0, m.start - 4): m.start].strip().endswith(normalize("لدى")):
                continue
            if any(a <= m.start < b for a, b in coalition):
                continue
            countries.append(m)
        orgs = [m for m in found if m.kind == "org" and m.key != COALITION_ORG
                and getattr(self.gaz.organisation(m.key), "kind", "") != "coalition"]
        chosen = {m.key for m in orgs}
        parents = {self.gaz.organisation(k).parent_id for k in chosen}
        orgs = [m for m in orgs if m.key not in parents]
        # A university or centre named with its city ("جامعة محمد الخامس بالرباط"): its seat is no partner,
        # and neither is the nationality of an organisation's official ("مدير ... في الإنتربول البرازيلي").
        seats = {getattr(self.gaz.organisation(m.key), "country", None) for m in orgs}
        if orgs:
            # ... and a lone country named as the place ("بالجزائر العاصمة"), not in a list of states.
            alone = len({m.key for m in countries}) == 1
            countries = [m for m in countries if m.key not in seats and m.form != "adjective"
                         and not (alone and _LOCATIVE_RE.search(self.article.norm, max(0, m.start - 8), m.start))]
        # "التي تتخذ من الكويت مقراً لها": where a body sits, not who came.
        countries = [m for m in countries if not frames.SEAT_OF_RE.match(self.article.norm, m.end)]
        return countries, orgs

    def read(self, anchor: int, index: int) -> Meeting:
        article, sentence = self.article, self.sentences[anchor]
        values: dict[str, str] = {}
        evidence: list[Evidence] = []
        reasons: list[str] = []

        countries, orgs, partner_sentence, weak = self.partner_candidates(anchor)
        frame = frames.read_frame(sentence.norm, [(m.key, m.start - sentence.start, m.end - sentence.start)
                                                  for m in self.mentions_in(sentence) if m.kind == "country"])
        if frame and not frame.place_iso3 and not frame.at_seat:
            frame = self._place_from_lead(anchor, frame)
        group_label = frames.group_label(sentence.norm)
        distinct = list(dict.fromkeys(m.key for m in countries))
        group = bool(group_label) or len(distinct) >= groups.MIN_NAMED_STATES
        if frame is None:
            values["event_type"], rule = ("multilateral", "group") if group else ("visit_received", "fallback_no_verb")
        else:
            values["event_type"], rule = frames.event_type(frame, sentence.norm, self.title_norm, self.dateline, group)
            start, end = frame.verb_span
            evidence.append(article.evidence("event_type", sentence.start + start, sentence.start + end, sentence))
        if rule.startswith("fallback"):
            reasons.append("event_type_fallback")
        # Only the headline names the coalition as a party: the sentence itself may be about someone else.
        if index == 0 and (frame is None or frame.coalition is None):
            reasons.append("possibly_not_coalition")
        # On a visit abroad the host country is the partner, named as the place (or the dateline) when
        # nowhere else.
        if not countries and not orgs and frame:
            place = self._place_mention(sentence, frame) if values["event_type"] == "visit_abroad" else None
            if place:
                countries = [place]
                partner_sentence = sentence
            elif self.dateline and self.dateline != HOST_COUNTRY:
                countries = [Mention(0, 0, "country", self.dateline, "", "dateline")]
                reasons.append("partner_from_weak_cue")
            distinct = [m.key for m in countries]
        partner_iso3 = ""
        if countries:
            first = countries[0]
            partner_iso3 = first.key
            country = self.gaz.country(first.key)
            values |= {"partner_country_iso3": country.iso3, "partner_country_ar": country.name_ar,
                       "partner_country_en": country.name_en,
                       "partner_countries_iso3": ";".join(distinct or [first.key])}
            evidence.append(article.evidence("partner_country_iso3", first.start, first.end, partner_sentence))
            if len(distinct) > 1 and values["event_type"] != "multilateral":
                reasons.append("several_partner_countries")
            if weak:
                reasons.append("partner_from_weak_cue")
        if orgs:
            org = self.gaz.organisation(orgs[0].key)
            values |= {"partner_org_ar": org.name_ar, "partner_org_en": org.name_en}
            evidence.append(article.evidence("partner_org_ar", orgs[0].start, orgs[0].end, partner_sentence))
        elif group_label and values["event_type"] == "multilateral" and len(distinct) < groups.MIN_NAMED_STATES:
            _, label_en, start, end = group_label
            label_ar = article.original(sentence.start + start, sentence.start + end)[0]
            values |= {"partner_org_ar": label_ar, "partner_org_en": label_en}
            evidence.append(article.evidence("partner_org_ar", sentence.start + start, sentence.start + end, sentence))
            # Fewer named states than a group: the body is the partner, not the state that happens to be named.
            for key in ("partner_country_iso3", "partner_country_ar", "partner_country_en", "partner_countries_iso3"):
                values.pop(key, None)
            partner_iso3 = ""
            evidence = [e for e in evidence if e.field != "partner_country_iso3"]
        else:
            self._ministry(partner_sentence, countries, values, evidence)
        if not values.get("partner_country_iso3") and "partner_org_ar" not in values:
            reasons.append("no_partner")

        self._people(anchor, frame, values, evidence, reasons)
        if group_label and values["event_type"] == "multilateral" and not values.get("visitor_title_ar"):
            # A group body has no one principal: its own name ("رؤساء أركان جيوش الدول ...") is the title.
            start, end = _group_phrase(sentence.norm, group_label[2])
            self._put("visitor_title_ar", sentence.start + start, sentence.start + end, sentence, values, evidence)
        self._location(anchor, values, evidence)
        self._date(anchor, index, values, evidence, reasons)
        topic_hits = self._topics(anchor, index)
        return Meeting(values, reasons, evidence, topic_hits, partner_iso3)

    def _place_from_lead(self, anchor: int, frame: frames.Frame) -> frames.Frame:
        """The anchor's frame with the place taken from the next sentences of its paragraph
        ("وجرت المحادثات في مقر التحالف بالرياض"); their spans are not the anchor's, so none is kept."""
        sentence = self.sentences[anchor]
        for later in self.sentences[anchor + 1: anchor + 3]:
            if later.paragraph != sentence.paragraph:
                break
            place = frames.place_of(later.norm)
            if place[0] or place[1]:
                return dataclasses.replace(frame, place_iso3=place[0], at_seat=place[1])
        return frame

    def _place_mention(self, sentence: Sentence, frame: frames.Frame) -> Mention | None:
        if frame.place_span is None:
            return None
        start, end = frame.place_span
        return Mention(sentence.start + start, sentence.start + end, "country", frame.place_iso3, "", "city")

    def _ministry(self, sentence: Sentence, countries: list[Mention], values: dict, evidence: list) -> None:
        for match in _MINISTRY_RE.finditer(sentence.norm):
            start, end = sentence.start + match.start(1), sentence.start + match.end(1)
            follows = [m for m in countries if 0 <= m.start - end <= 1]
            if not follows:
                continue
            country = self.gaz.country(follows[0].key)
            text, o_start, o_end = self.article.original(start, follows[0].end)
            kind = match.group(1).split()[1].removeprefix("ال")
            values |= {"partner_org_ar": text, "partner_org_en": f"{_MINISTRY_EN.get(kind, 'Ministry')} of {country.name_en}"}
            evidence.append(Evidence("partner_org_ar", text, o_start, o_end, self.article.original(sentence.start, sentence.end)[0]))
            return

    def _people(self, anchor: int, frame: frames.Frame | None, values: dict, evidence: list,
                reasons: list) -> None:
        """The coalition's official and the counterpart, each with title and name.

        The counterpart is the host on a visit abroad and the visitor otherwise. Where
        the coalition's side is the subject, the counterpart follows it (or follows مع);
        where another party is the subject, that subject is the counterpart.
        """
        sentence = self.sentences[anchor]
        norm = sentence.norm
        abroad = values["event_type"] == "visit_abroad"
        own_role, other_role = ("visitor", "host") if abroad else ("host", "visitor")
        if frame is None:
            return
        verb_end = frame.verb_span[1]
        if frame.coalition is None:
            phrase = self._phrase_after(sentence, verb_end)
        elif frame.coalition_subject:
            side = _PARTY_AT.match(norm, frame.coalition[0]) if frame.coalition else None
            own_end = self._coalition_person(sentence, side, own_role, values, evidence) if side else frame.coalition[1]
            start = max(own_end, verb_end)
            with_word = _WITH_RE.match(norm, start + len(_ADVERBS_RE.match(norm, start).group()))
            if with_word:
                start = with_word.end()
            phrase = self._phrase_after(sentence, start)
            # "زار ... إندونيسيا، حيث التقى وزير الدفاع ...": the counterpart follows a second verb;
            # "عقد ... جلسة مباحثات مع وزير الدفاع": or مع further on.
            second = frames.VERB_RE.search(norm, start) if not phrase else None
            if second:
                after = second.end()
                with_word = _WITH_RE.match(norm, after + len(_ADVERBS_RE.match(norm, after).group()))
                phrase = self._phrase_after(sentence, with_word.end() if with_word else after)
            if not phrase:
                with_word = _WITH_RE.search(norm, start)
                phrase = self._phrase_after(sentence, with_word.end()) if with_word else []
        else:
            side = _PARTY_AT.match(norm, frame.coalition[0])
            if side:
                self._coalition_person(sentence, side, own_role, values, evidence)
            phrase = [t for t in self._phrase_after(sentence, verb_end) if t[1] < sentence.start + frame.coalition[0]]
            while phrase and phrase[-1][0] == ",":
                phrase.pop()
        # The counterpart is never the coalition's own official.
        phrase = phrase[: _coalition_cut(phrase, sentence)]
        # "وفداً من ... برئاسة رئيس الجامعة فلان": the delegation's head is the counterpart.
        if phrase and phrase[0][0].startswith((normalize("وفد"), normalize("ووفد"))):
            head = _HEAD_RE.search(norm, phrase[0][1] - sentence.start)
            if head:
                head_phrase = self._phrase_after(sentence, head.end())
                head_phrase = head_phrase[: _coalition_cut(head_phrase, sentence)]
                if head_phrase and not _names_coalition_unit(sentence, head_phrase):
                    phrase = head_phrase
        if phrase and parse_person(phrase, self.mentions)[1]:
            self._phrase_fields(sentence, phrase, other_role, values, evidence, reasons)
            return
        # Only a title, or nobody, in the meeting's sentence: the next sentences may name who spoke or
        # signed for the other side ("فيما وقعها عن الجانب الآخر وزير الدفاع فلان").
        later = self._later_counterpart(anchor)
        if later:
            later_sentence, later_phrase = later
            self._phrase_fields(later_sentence, later_phrase, other_role, values, evidence, reasons)
            return
        self._phrase_fields(sentence, phrase, other_role, values, evidence, reasons)

    def _later_counterpart(self, anchor: int) -> tuple[Sentence, list[tuple[str, int, int]]] | None:
        """A titled, named counterpart in the three sentences after the anchor, introduced by مع or by
        the other side's words (عن الجانب ...)."""
        for later in self.sentences[anchor + 1: anchor + 4]:
            if later.role != "account" or later.is_heading:
                continue
            # "والتقى الأمين العام يوم الثلاثاء وزير الدفاع فلان": the coalition's official meets someone.
            verb = frames.VERB_RE.match(later.norm)
            if verb:
                own = _OWN_OFFICIAL_RE.match(later.norm, verb.end() + len(_ADVERBS_RE.match(later.norm, verb.end()).group()))
                if own:
                    phrase = self._phrase_after(later, own.end())
                    if phrase and parse_person(phrase, self.mentions)[1]:
                        return later, phrase
            signing = bool(_SIGNING_RE.search(later.norm))
            for pattern in ((_OTHER_SIDE_RE, _WITH_RE) if signing else (_WITH_RE,)):
                for match in pattern.finditer(later.norm):
                    start = match.end()
                    if later.norm.startswith((" " + normalize("التحالف"), " " + normalize("الجانب السعودي")), start):
                        continue
                    if pattern is _OTHER_SIDE_RE:
                        start = self._after_side_words(later, start)
                        if start is None:
                            continue
                    phrase = self._phrase_after(later, start)
                    phrase = phrase[: _coalition_cut(phrase, later)]
                    if phrase and parse_person(phrase, self.mentions)[1] and not _names_coalition_unit(later, phrase):
                        return later, phrase
        return None

    def _after_side_words(self, sentence: Sentence, local_start: int) -> int | None:
        """Where the person starts after "عن الجانب الباكستاني" / "ومثّل المركز في التوقيع": past the
        side's own words, or None when no title, rank or name-then-title follows within three words."""
        ceremony = _CEREMONY_RE.match(sentence.norm, local_start)
        if ceremony:
            return ceremony.end()
        side = tokens_of(sentence.norm[local_start:], sentence.start + local_start)
        for position, token in enumerate(side[:4]):
            # "عن المكتب كاترينا هولمبرغ": the side named by a definite noun right after عن is not the person.
            side_noun = position == 0 and token[0].startswith("ال") and not (
                opens_title(token[0]) or token[0] in RANKS)
            if side_noun or token[0] in _SIDE_WORDS or covered(token[1], self.mentions):
                continue
            rest = self._phrase_after(sentence, token[1] - sentence.start)
            if rest and rest[0][1] == token[1]:
                return token[1] - sentence.start
        return None

    def _coalition_person(self, sentence: Sentence, side: re.Match, role: str, values: dict, evidence: list) -> int:
        """The coalition official's title and the name after their ranks, as ``role``; returns where they end."""
        title_start, title_end = sentence.start + side.start(), sentence.start + side.end()
        tokens = tokens_of(sentence.norm[side.end():], title_end)
        j = 0
        while j < len(tokens) and (tokens[j][0] in RANKS or tokens[j][0] == ","):
            j += 1
        had_rank = any(t[0] in RANKS for t in tokens[:j])
        run = name_run(tokens[j:], self.mentions) if had_rank else []
        self._put(f"{role}_title_ar", title_start, title_end, sentence, values, evidence)
        if run:
            self._put(f"{role}_name_ar", run[0][1], run[-1][2], sentence, values, evidence)
            return run[-1][2] - sentence.start
        return side.end()

    def _phrase_after(self, sentence: Sentence, local_start: int) -> list[tuple[str, int, int]]:
        """Tokens of the counterpart phrase after ``local_start``.

        Time words, dates, places and travel phrases before it are skipped; the phrase
        ends at a clause boundary, a date, a place, or the words that open what was
        discussed. A phrase that does not open with a title, rank or delegation word
        names nobody and is dropped.
        """
        tokens = tokens_of(sentence.norm[local_start:], sentence.start + local_start)
        skip = self._skip_spans(sentence)

        def skipped(token) -> bool:
            return any(a <= token[1] < b for a, b in skip)

        i = 0
        while i < len(tokens):
            word = tokens[i][0]
            if word in SKIP_BEFORE_COUNTERPART or word in LEAD_WORDS or skipped(tokens[i]):
                i += 1
                continue
            location = _LOCATION_RE.match(sentence.norm, tokens[i][1] - sentence.start)
            if location:
                end = sentence.start + location.end()
                while i < len(tokens) and tokens[i][1] < end:
                    i += 1
                continue
            break
        phrase = []
        for position, token in enumerate(tokens[i:], start=i):
            following = tokens[position + 1][0] if position + 1 < len(tokens) else ""
            if token[0] == "," and following in CLAUSE_OPENERS:
                break
            ali_name = token[0] == ALI and phrase and (following in {"", ",", ".", ";", ")"} or following.startswith("و"))
            if token[0] == "." or skipped(token) or _LOCATION_RE.match(sentence.norm, token[1] - sentence.start) or \
                    token[0].startswith(normalize("والوفد")) or (token[0] in PHRASE_ENDS and not ali_name):
                break
            if token[0] in {normalize("في")} and _LOCATION_RE.match(sentence.norm, token[2] - sentence.start + 1):
                break
            phrase.append(token)
        while phrase and phrase[-1][0] in {",", normalize("في"), normalize("يوم")}:
            phrase.pop()
        if phrase and not (opens_title(phrase[0][0]) or phrase[0][0] in RANKS or name_then_title(phrase)):
            return []
        return phrase

    def _skip_spans(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Spans of dates and travel phrases in ``sentence`` (article offsets): never part of a person."""
        spans = [(sentence.start + p.start, sentence.start + p.end) for p in _date_phrases(sentence.norm)]
        spans += [(sentence.start + m.start(), sentence.start + m.end()) for m in _TRAVEL_RE.finditer(sentence.norm)]
        return spans

    def _phrase_fields(self, sentence: Sentence, phrase: list, role: str, values: dict, evidence: list,
                       reasons: list | None = None) -> None:
        if not phrase:
            return
        title, name = parse_person(phrase, self.mentions)
        if reasons is not None and title and not name and looks_named(phrase):
            reasons.append("name_boundary_unsure")
        if title:
            self._put(f"{role}_title_ar", *title, sentence, values, evidence)
        if name:
            self._put(f"{role}_name_ar", *name, sentence, values, evidence)

    def _put(self, name: str, start: int, end: int, sentence: Sentence, values: dict, evidence: list) -> None:
        item = self.article.evidence(name, start, end, sentence)
        values[name] = item.value.strip(" ,\u060c")
        evidence.append(item)

    def _location(self, anchor: int, values: dict, evidence: list) -> None:
        sentence = self.sentences[anchor]
        window = [s for s in self.sentences[anchor: anchor + 3] if s.paragraph == sentence.paragraph]
        for candidate in window:
            match = _LOCATION_RE.search(candidate.norm)
            if not match:
                continue
            group = 1 if match.group(1) else 0
            start, end = match.span(group)
            text = candidate.norm[start:end]
            trimmed = _TRAILING_TIME_RE.sub("", _TIME_IN_PLACE_RE.split(text, maxsplit=1)[0])
            end = start + len(trimmed.rstrip())
            for prefix in ("في ", "ب"):
                if candidate.norm.startswith(prefix, start) and group == 0:
                    start += len(prefix)
                    break
            self._put("location_ar", candidate.start + start, candidate.start + end, candidate, values, evidence)
            return

    def _date(self, anchor: int, index: int, values: dict, evidence: list, reasons: list) -> None:
        sentence = self.sentences[anchor]
        account = [s for s in self.sentences if s.role == "account"] if index == 0 else [sentence]
        for candidate in account:
            for phrase in _date_phrases(candidate.norm):
                if _FUTURE_RE.search(candidate.norm, max(0, phrase.start - 40), phrase.start):
                    continue  # a date something is planned for
                if phrase.kind in _EXPLICIT_KINDS and phrase.date:
                    values |= {"date": phrase.date.isoformat(), "date_basis": "explicit"}
                    self._put_date(candidate, phrase, values, evidence)
                    return
        lead_window = [s for s in self.sentences[anchor: anchor + 3] if s.paragraph == sentence.paragraph]
        # A cue anywhere in the account of the meeting beats the published-date stand-in; the lead first.
        later = [s for s in account if s not in lead_window and s.start > sentence.start]
        for candidate in lead_window + later:
            for phrase in _date_phrases(candidate.norm):
                if phrase.kind in _RELATIVE_KINDS:
                    self._put_date(candidate, phrase, values, evidence)
                    resolved = dates.resolve_relative(phrase, self.published)
                    if resolved:
                        values |= {"date": resolved.isoformat(), "date_basis": "relative"}
                    else:
                        values |= {"date": "", "date_basis": "unknown"}
                        reasons.append("unknown_date")
                    return
        if self.published:
            values |= {"date": self.published.isoformat(), "date_basis": "published", "date_text": ""}
            return
        values |= {"date": "", "date_basis": "unknown", "date_text": ""}
        reasons.append("unknown_date")

    def _put_date(self, sentence: Sentence, phrase, values: dict, evidence: list) -> None:
        item = self.article.evidence("date", sentence.start + phrase.start, sentence.start + phrase.end, sentence)
        values["date_text"] = item.value
        evidence.append(item)

    def _without_org_names(self, sentence: Sentence) -> str:
        """The sentence with organisations' names blanked (same length): "مكتب الأمم المتحدة المعني
        بالمخدرات والجريمة" names a body, it does not raise organised crime."""
        text = sentence.norm
        for m in self.mentions_in(sentence):
            if m.kind == "org":
                start, end = m.start - sentence.start, m.end - sentence.start
                text = text[:start] + " " * (end - start) + text[end:]
        return text

    def _topics(self, anchor: int, index: int) -> list[TopicHit]:
        """Topics of the meeting: the whole article for the main meeting, the anchor for a side meeting."""
        pool = self.sentences if index == 0 else [self.sentences[anchor]]
        found: dict[str, TopicHit] = {}
        for sentence in pool:
            in_account = sentence.role == "account" or index > 0
            for topic_id, start, end in topics.find_topics(self._without_org_names(sentence)):
                previous = found.get(topic_id)
                if previous and (previous.in_account or not in_account):
                    continue
                sentence_text = self.article.original(sentence.start, sentence.end)[0]
                _, o_start, o_end = self.article.original(sentence.start + start, sentence.start + end)
                found[topic_id] = TopicHit(topic_id, in_account, sentence_text, o_start, o_end)
        return [found[t.topic_id] for t in topics.TAXONOMY if t.topic_id in found]


def _anchors(sentences: list[Sentence], title_norm: str) -> list[int]:
    """Sentences that tell of a meeting the coalition took part in: the main one first, then side meetings.

    A sentence anchors a meeting when it has a meeting verb or noun frame and the
    coalition's side is a party in it (not named in passing). When the headline
    names the coalition as a party, the first meeting sentence of the account may
    leave it implicit ("حلّ ... ضيفاً على مقر التحالف").
    """
    headline_party = bool(frames.coalition_parties(title_norm)) and frames.find_verb(title_norm) is not None
    anchors = []
    for index, sentence in enumerate(sentences):
        if sentence.background_marked:
            continue
        verb = frames.find_verb(sentence.norm)
        if not verb:
            continue
        party = bool(frames.coalition_parties(sentence.norm))
        if not anchors:
            if sentence.is_heading:
                continue
            if party or (headline_party and index <= 3):
                anchors.append(index)
            continue
        # A later meeting: a side meeting, or a sentence that opens with a meeting verb in the past
        # ("ويزور ماليزيا ضمن الجولة" is a stop still to come) with the coalition as a party ("وناقش
        # الطرفان ..." goes on about the same meeting), and not the signing of the same document again
        # ("ووقع المذكرة عن التحالف ...").
        if _SIDE_MEETING_RE.search(sentence.norm):
            anchors.append(index)
        elif party and verb.start() <= 4 and frames.VERB_RE.match(sentence.norm) \
                and not verb.group(1).startswith("ي") and not _SAME_DOCUMENT_RE.match(sentence.norm, verb.end()) \
                and not _BOTH_SIDES_RE.match(sentence.norm, verb.end()):
            anchors.append(index)
    return anchors


def _about_another_coalition(article_norm: str, title_norm: str) -> bool:
    """The report speaks of an alliance that is not the IMCTC and never names the IMCTC itself."""
    text = title_norm + "\n" + article_norm
    return frames.names_other_coalition(text) and not frames.names_coalition(text)


def extract_article(text: str, published: dt.date | None = None, title: str = "",
                    gazetteer: Gazetteer | None = None) -> ArticleExtraction:
    """Meetings, mentioned countries and messages for one article.

    Args:
        text: the cleaned body text (offsets in the result index it).
        published: the article's publication date, if known (resolves اليوم، أمس...).
        title: the headline, used only as a last resort for the partner.
        gazetteer: defaults to the shared cached gazetteer.
    Returns:
        ArticleExtraction with zero or more meetings.
    """
    gaz = gazetteer or load_gazetteer()
    article = _Article(text)
    result = ArticleExtraction()
    sentences = split_sentences(article.norm)
    mentions = gaz.find(article.norm)
    title_norm = normalize(title)
    anchors = [] if _about_another_coalition(article.norm, title_norm) else _anchors(sentences, title_norm)
    if not anchors:
        any_verb = any(frames.find_verb(s.norm) for s in sentences)
        result.messages.append(
            "not about a coalition meeting: the coalition is not a party to the meeting reported" if any_verb
            else "no meeting reported: no sentence says who met, received or visited whom")
    reader = _MeetingReader(article, sentences, mentions, gaz, published, title)
    partners_seen: set[tuple[str, str]] = set()
    for anchor in anchors:
        countries, orgs, _, _ = reader.partner_candidates(anchor)
        key = (countries[0].key if countries else "", orgs[0].key if orgs else "")
        if result.meetings and (key in partners_seen or key == ("", "")):
            continue
        if not result.meetings:
            assign_roles(sentences, anchor, countries + orgs)
        partners_seen.add(key)
        result.meetings.append(reader.read(anchor, len(result.meetings)))

    partner_codes = {m.partner_iso3 for m in result.meetings if m.partner_iso3}
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind == "country":
            counts[m.key] = counts.get(m.key, 0) + 1
    for iso3, n in counts.items():
        role = "partner" if iso3 in partner_codes else "host" if iso3 == HOST_COUNTRY else "context"
        result.mentioned[iso3] = (role, n)
    return result
