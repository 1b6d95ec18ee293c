"""The topic taxonomy and how each topic is recognised in normalised Arabic text.

The keywords are in ``lexicon.topics``. Each pattern is expanded to its word
forms, normalised (see ``normalize``: no hamza on alef, taa marbuta as heh,
alef maqsura as yeh) and matched on word boundaries, with the usual proclitics
(و، ف، ب، ل، ك، لل) allowed in front. Variants such as
``الاستخباراتية``/``الاستخبارية`` are spelled out as alternatives, because a
stemmer would also merge words we must keep apart (``المالية`` and ``مالي``).

All forms live in one Aho-Corasick automaton, built once. Overlapping matches
are resolved longest-leftmost, which is how the exclusions work: a job title or
a body's name (``مدير الاستخبارات العسكرية``) starts before the topic word in it
and is longer, so it takes the span and raises nothing.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from dashboard.preprocess.lexicon.topics import DOMAIN_SIBLINGS, FINANCIAL_ADJECTIVE, NOT_TOPICS, TAXONOMY, Topic
from dashboard.preprocess.normalize import normalize

__all__ = ["TAXONOMY", "TOPICS_BY_ID", "Topic", "expand_pattern", "find_topics", "mask_coalition_name"]

TOPICS_BY_ID = {t.topic_id: t for t in TAXONOMY}

# Pseudo-topics of the automaton; never returned.
_NOT_A_TOPIC = "_not_a_topic"
_FINANCIAL_ADJ = "_financial_adjective"

# The coalition's own name contains "العسكري": mask it before matching.
_COALITION_NAME_RE = re.compile(
    r"(?:ال)?تحالف (?:ال)?اسلامي(?: (?:ال)?عسكري)?(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
)

# Proclitics allowed in front of a form ("لل" is ل + the article, so it comes before article-less forms).
_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل"})
_GROUP_RE = re.compile(r"\(\?:([^()]*)\)(\?)?")


def expand_pattern(pattern: str) -> list[str]:
    """All strings a pattern of literals and ``(?:a|b)`` / ``(?:a|b)?`` groups (no nesting) stands for."""
    group = _GROUP_RE.search(pattern)
    if not group:
        return [pattern]
    options = group.group(1).split("|") + ([""] if group.group(2) else [])
    head, tail = pattern[: group.start()], pattern[group.end():]
    return [head + option + rest for option in options for rest in expand_pattern(tail)]


# Possessive pronouns a bare noun takes ("دعايتها": its propaganda); taa marbuta turns into ت before them.
_POSSESSIVES = ("ها", "هم", "هما", "ه", "نا")


def _possessive_forms(form: str) -> list[str]:
    """``دعايه`` -> ``دعايتها``, ``دعايتهم``...: only one-word forms without the article take a suffix."""
    if " " in form or form.startswith("ال") or len(form) < 4:
        return []
    stem = form[:-1] + "ت" if form.endswith("ه") else form
    return [stem + suffix for suffix in _POSSESSIVES]


def _forms(patterns: tuple[str, ...], possessives: bool = False) -> list[str]:
    forms = []
    for pattern in patterns:
        for form in expand_pattern(pattern):
            assert "?" not in form and "(" not in form, pattern  # only the syntax expand_pattern knows
            forms.append(normalize(form))
            if possessives:
                forms += _possessive_forms(normalize(form))
    return forms


_SIBLING_FORMS = frozenset(_forms(DOMAIN_SIBLINGS))


@cache
def _automaton() -> ahocorasick.Automaton:
    """Every form of every topic, exclusion and rule word in one Aho-Corasick automaton.

    Measured: a single regex alternation took 3 ms on a 7 kB article; this takes a tenth of that.
    A form listed twice keeps its first owner: topics come first, in taxonomy order.
    """
    automaton = ahocorasick.Automaton()
    sources = [(t.topic_id, t.patterns) for t in TAXONOMY]
    sources += [(_NOT_A_TOPIC, NOT_TOPICS), (_FINANCIAL_ADJ, FINANCIAL_ADJECTIVE)]
    for topic_id, patterns in sources:
        for form in _forms(patterns, possessives=topic_id in TOPICS_BY_ID):
            if form not in automaton:
                automaton.add_word(form, (topic_id, form))
    automaton.make_automaton()
    return automaton


def mask_coalition_name(norm_text: str) -> str:
    """Blank out the coalition's own name (same length, so offsets hold)."""
    return _COALITION_NAME_RE.sub(lambda m: " " * len(m.group()), norm_text)


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def find_topics(norm_text: str) -> list[tuple[str, int, int]]:
    """Topics raised in a piece of normalised text.

    Args:
        norm_text: normalised text, usually one sentence.
    Returns:
        (topic_id, start, end) for every match, in text order; spans index ``norm_text``.
    """
    masked = mask_coalition_name(norm_text)
    candidates = []
    for last, (topic_id, form) in _automaton().iter(masked):
        start, end = last + 1 - len(form), last + 1
        if end < len(masked) and _is_letter(masked[end]):
            continue
        word_start = start
        while word_start > 0 and _is_letter(masked[word_start - 1]):
            word_start -= 1
        if masked[word_start:start] in _PROCLITICS:
            candidates.append((start, end, topic_id, form))
    # Longest-leftmost, without overlaps: "الجرائم الالكترونيه" is one cyber hit, not two, and
    # "مدير الاستخبارات العسكريه" is one title, not intelligence plus military.
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    hits, covered_to = [], 0
    for start, end, topic_id, form in candidates:
        if start >= covered_to:
            hits.append((topic_id, start, end, form))
            covered_to = end
    # "المالية" is the financial domain only beside a sibling domain word (الفكرية، الإعلامية، العسكرية).
    financial = "terror_financing" if any(form in _SIBLING_FORMS for *_, form in hits) else _FINANCIAL_ADJ
    return [(financial if t == _FINANCIAL_ADJ else t, s, e) for t, s, e, _ in hits
            if t != _NOT_A_TOPIC and (t != _FINANCIAL_ADJ or financial != _FINANCIAL_ADJ)]
