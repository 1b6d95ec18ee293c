"""Where a person is in a phrase: the title, the ranks and the name, and where the name ends.

A counterpart phrase reads ``[title] [ranks] name [، title]`` or ``name، title``. The
word tables are ``lexicon.people``; this module compiles them once and holds the
rules that every reader of a person calls (``parse_person``, ``name_run``...).
Tokens are ``(normalised token, start, end)`` triples, ``start``/``end`` in the
article's normalised text.
"""

from __future__ import annotations

import re

from dashboard.preprocess.gazetteer import Mention
from dashboard.preprocess.lexicon import people
from dashboard.preprocess.normalize import normalize

_AR = r"\u0621-\u064a"
_TOKEN_RE = re.compile(rf"[\w{_AR}]+|[^\s\w]")


def _normalised(words) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


RANKS = _normalised(people.RANKS)
_RANK_PREFIXES = _normalised(people.RANK_PREFIXES)
_TITLE_WORDS = _normalised(people.TITLE_WORDS)
_TITLE_PAIRS = frozenset((normalize(a), normalize(b)) for a, b in people.TITLE_PAIRS)
NAME_STOPS = _normalised(people.NAME_STOPS)
CLAUSE_OPENERS = _normalised(people.CLAUSE_OPENERS)
SKIP_BEFORE_COUNTERPART = frozenset(normalize(w) for w in ("اليوم", "أمس", "مع", "صباح", "مساء", ","))
LEAD_WORDS = _normalised(people.LEAD_WORDS)
PHRASE_ENDS = _normalised(people.PHRASE_ENDS)
_TITLE_OPENERS = _normalised(people.TITLE_OPENERS)
_NAME_LINKS = _normalised(people.NAME_LINKS)
ALI = normalize("على")  # also the name علي
_PAIR_FIRSTS = frozenset(a for a, _ in _TITLE_PAIRS)


def tokens_of(text: str, offset: int) -> list[tuple[str, int, int]]:
    """The words and signs of ``text``, with spans shifted by ``offset``."""
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN_RE.finditer(text)]


def covered(start: int, mentions: list[Mention]) -> bool:
    return any(m.start <= start < m.end for m in mentions)


def parse_person(tokens: list[tuple[str, int, int]], mentions: list[Mention]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Split a phrase such as ``رئيس ... اللواء الركن إبراهيم حلمي`` into title and name spans.

    Reads ``[title] [ranks] name [، title]`` and ``name، title``: ranks belong to neither
    part; without a rank the title runs to its last title word, country or organisation.

    Args:
        tokens: (normalised token, start, end) of the phrase, commas included.
        mentions: gazetteer mentions, so that a country or organisation ends a title.
    Returns:
        (title span, name span), each None when absent.
    """
    words = [t for t in tokens if t[0] not in {",", "(", ")", "."}]
    if not words:
        return None, None
    ranks = _rank_run(tokens)
    if ranks:
        first, after = ranks
        title_tokens = [t for t in tokens[:first] if t[0] not in {",", "(", ")"}]
        name_tokens = name_run(tokens[after:], mentions)
        if not title_tokens and name_tokens:
            # "الفريق أول فلان، رئيس أركان الجيش": the title follows the name.
            title_tokens = _apposition(tokens[after + len(name_tokens):])
        return _span(title_tokens), _span(name_tokens)
    chunks: list[list[tuple[str, int, int]]] = [[]]
    for token in tokens:
        if token[0] == ",":
            chunks.append([])
        else:
            chunks[-1].append(token)
    chunks = [c for c in chunks if c]
    if len(chunks) >= 2 and opens_title(chunks[0][0][0]):
        # "مدير ... في الإنتربول، البرازيلي لويس كوستا": a nationality before the name is neither.
        named = [t for i, t in enumerate(chunks[1]) if not (covered(t[1], mentions) and
                                                            all(covered(u[1], mentions) for u in chunks[1][:i + 1]))]
        if _looks_like_name(named):
            return _span(chunks[0]), _span(named)
    first = [t for t in chunks[0] if t[0] not in RANKS] if chunks else []
    if len(chunks) >= 2 and _looks_like_name(first) and opens_title(chunks[1][0][0]):
        # "عمر عوده، الرئيس الجديد للبعثة ...": the name (after any rank), then its title.
        return _span(chunks[1]), _span(first)
    title_flags = _title_flags(words)
    boundary = -1
    for i, token in enumerate(words):
        if title_flags[i] or covered(token[1], mentions) or token[0] in {"(", ")"}:
            boundary = i
    # "رئيس الجامعة عبدو موموني": definite words right after the title complete it (إضافة), as long as
    # two words are left for the name ("... الجزائري السعيد شنقريحة" keeps السعيد in the name).
    while boundary >= 0 and boundary + 1 < len(words) and words[boundary + 1][0].startswith(("ال", "لل")) \
            and len(name_run(words[boundary + 2:])) >= 2:
        boundary += 1
    name_tokens = name_run(words[boundary + 1:], mentions)
    rest = words[boundary + 1 + len(name_tokens):]
    # The name must end the phrase, or be followed by a stop word ("في جاكرتا", "أمس") that the phrase
    # ran on into; anything else after it means we did not find where the title ends.
    if boundary < 0 or not name_tokens or (rest and rest[0][0] not in NAME_STOPS):
        return _span(words), None
    return _span(words[: boundary + 1]), _span(name_tokens)


def _rank_run(tokens: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """(first index, index after) of the first run of ranks in ``tokens`` (commas and نائب before a rank included)."""
    for i, token in enumerate(tokens):
        word = token[0]
        prefix = word in _RANK_PREFIXES and i + 1 < len(tokens) and tokens[i + 1][0] in RANKS
        if i and tokens[i - 1][0] in _NAME_LINKS:
            continue  # "محمد ولد الشيخ أحمدو": after ولد/بن, الشيخ is part of the name
        if word in RANKS or prefix:
            j = i
            while j < len(tokens) and (tokens[j][0] in RANKS or tokens[j][0] in {",", "(", ")"} or (
                    tokens[j][0] in _RANK_PREFIXES and j + 1 < len(tokens) and tokens[j + 1][0] in RANKS)):
                j += 1
            return i, j
    return None


def name_then_title(phrase: list[tuple[str, int, int]]) -> bool:
    """"عمر عوده، الرئيس الجديد للبعثة ...": two to five name words, a comma, then a title."""
    comma = next((i for i, t in enumerate(phrase) if t[0] == ","), -1)
    return 2 <= comma <= 5 and comma + 1 < len(phrase) and opens_title(phrase[comma + 1][0]) and \
        not any(opens_title(t[0]) or t[0] in NAME_STOPS for t in phrase[:comma])


def _apposition(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The title in ``، رئيس أركان الجيش ...،`` right after a name (comma or not): up to the next comma."""
    if tokens and tokens[0][0] == ",":
        tokens = tokens[1:]
    run = []
    for token in tokens:
        if token[0] in {",", ".", ";"}:
            break
        run.append(token)
    return run if run and opens_title(run[0][0]) else []


def _title_flags(words: list[tuple[str, int, int]]) -> list[bool]:
    """Which words are title words; a pair such as الأمين العام counts only as a pair."""
    # An office word that opens a title is a title word too ("المدير التنفيذي للمركز ماجد الكعبي"), but
    # not أمين / الأمين, which are also given names ("محمد الأمين ولد سيدي") unless paired (الأمين العام).
    flags = [w[0] in _TITLE_WORDS or (opens_title(w[0]) and w[0] not in _PAIR_FIRSTS) for w in words]
    for i in range(len(words) - 1):
        if (words[i][0], words[i + 1][0]) in _TITLE_PAIRS:
            flags[i] = flags[i + 1] = True
    return flags


def _looks_like_name(chunk: list[tuple[str, int, int]]) -> bool:
    return 1 < len(chunk) <= 6 and not any(t[0] in _TITLE_WORDS or t[0] in NAME_STOPS for t in chunk) \
        and not opens_title(chunk[0][0]) and not any(t[0] in RANKS for t in chunk)


def name_run(tokens: list[tuple[str, int, int]], mentions: list[Mention] = ()) -> list[tuple[str, int, int]]:
    """The name at the start of ``tokens``: up to six words, ending at punctuation, a stop word, a place or a title."""
    run = []
    for position, token in enumerate(tokens):
        word = token[0]
        following = tokens[position + 1][0] if position + 1 < len(tokens) else ""
        # "عبدالرحمن إسماعيل علي،": علي ends the phrase, so it is the name, not the preposition على.
        ali_name = word == ALI and run and (following in {"", ",", ".", ";", ")"} or following.startswith("و"))
        if (word in NAME_STOPS and not ali_name) or covered(token[1], mentions) or \
                word in {",", ".", "(", ")", ";"} or word.startswith(normalize("والوفد")):
            break
        # "راحيل شريف رئيس الوزراء": a new title ends the name (but محمد الأمين ولد ... is a name).
        if len(run) >= 2 and opens_title(word) and (word not in _PAIR_FIRSTS or (word, following) in _TITLE_PAIRS):
            break
        run.append(token)
        if len(run) == 6:
            break
    return run if len(run) >= 2 else []


def _span(tokens: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    return (tokens[0][1], tokens[-1][2]) if tokens else None


def opens_title(word: str) -> bool:
    return word in _TITLE_OPENERS or (word.startswith("و") and word[1:] in _TITLE_OPENERS)


# A travel phrase and its destination ("خلال زيارته إلى نواكشوط"), up to the next comma.
def looks_named(phrase: list[tuple[str, int, int]]) -> bool:
    """A phrase that goes on past its title words: a name may be in it that we could not delimit."""
    words = [t for t in phrase if t[0] not in {",", "(", ")"}]
    # A delegation is named by where it comes from, not by a person.
    return len(words) >= 5 and not words[0][0].startswith((normalize("وفد"), normalize("ووفد")))


