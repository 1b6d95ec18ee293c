"""The topic taxonomy and how each topic is recognised in normalised Arabic text.

Patterns are written in normalised form (see ``normalize``: no hamza on alef,
taa marbuta as heh, alef maqsura as yeh) and anchored on word boundaries, with
the usual proclitics (و، ف، ب، ل، ك) allowed in front. Variants such as
``الاستخباراتية``/``الاستخبارية`` are spelled out as alternatives, because a
stemmer would also merge words we must keep apart (``المالية`` and ``مالي``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from dashboard.preprocess.normalize import normalize


@dataclass(frozen=True)
class Topic:
    topic_id: str
    label_ar: str
    label_en: str
    patterns: tuple[str, ...]


TAXONOMY: tuple[Topic, ...] = (
    Topic("ideology", "المجال الفكري", "Ideology", (
        r"(?:ال)?فكر(?:ي|يه|يا)?", r"(?:ال)?ايديولوجي(?:ه|ات)?", r"(?:ال)?مفاهيم (?:ال)?خاطئه",
    )),
    Topic("media", "المجال الإعلامي", "Media", (
        r"(?:ال)?اعلام(?:ي|يه|يا)?", r"(?:ال)?دعايه", r"(?:ال)?رصد (?:ال)?اعلامي",
    )),
    Topic("terror_financing", "محاربة تمويل الإرهاب", "Terror financing", (
        r"(?:ال)?تمويل(?:ه|ها)?", r"غس(?:ل|يل) (?:ال)?اموال", r"(?:ال)?مجال (?:ال)?مالي",
        r"تجفيف (?:ال)?مصادر",
    )),
    Topic("military", "المجال العسكري", "Military", (
        r"(?:ال)?عسكري(?:ه|ين|ون|يا)?", r"(?:ال)?قوات (?:ال)?مسلحه", r"(?:ال)?اركان",
    )),
    Topic("intelligence_sharing", "تبادل المعلومات الاستخبارية", "Intelligence sharing", (
        r"(?:ال)?استخبار(?:اتي|تي|ي)(?:ه)?", r"(?:ال)?استخبارات", r"(?:ال)?مخابرات",
        r"تبادل (?:ال)?معلومات", r"(?:ال)?معلوماتي(?:ه)?",
    )),
    Topic("training_capacity", "التدريب وبناء القدرات", "Training and capacity building", (
        r"(?:ال)?تدريب(?:ي|يه|ات)?", r"(?:ال)?تاهيل", r"(?:بناء|تطوير|تعزيز|رفع) (?:ال)?قدرات",
        r"تبادل (?:ال)?خبرات",
    )),
    Topic("maritime_security", "الأمن البحري", "Maritime security", (
        r"(?:ال)?امن (?:ال)?بحري", r"(?:ال)?قرصنه", r"(?:ال)?ملاحه (?:ال)?بحريه",
    )),
    Topic("organized_crime", "الجريمة المنظمة", "Organised crime", (
        r"(?:ال)?جريمه (?:ال)?منظمه", r"(?:ال)?جرائم (?:ال)?منظمه", r"(?:ال)?تهريب",
        r"(?:ال)?مخدرات", r"(?:ال)?اتجار ب(?:ال)?بشر",
    )),
    Topic("cyber", "الأمن السيبراني", "Cyber", (
        r"(?:ال)?سيبراني(?:ه)?", r"(?:ال)?جرائم (?:ال)?الكترونيه", r"(?:ال)?الكتروني(?:ه)?",
        r"(?:ال)?انترنت", r"(?:ال)?فضاء (?:ال)?رقمي",
    )),
    Topic("hate_speech_moderation", "مكافحة خطاب الكراهية والاعتدال", "Hate speech, moderation and tolerance", (
        r"(?:ال)?كراهيه", r"(?:ال)?اعتدال", r"(?:ال)?تسامح", r"(?:ال)?تعايش", r"(?:ال)?وسطيه",
    )),
    Topic("partnership_mou", "الشراكات ومذكرات التفاهم", "Partnerships and MoUs", (
        r"مذكر(?:ه|ات) (?:ال)?تفاهم", r"(?:ال)?شراك(?:ه|ات)", r"(?:ال)?اتفاقي(?:ه|ات)",
    )),
    Topic("regional_security", "الأمن الإقليمي", "Regional security", (
        r"(?:ال)?اقليمي(?:ه|ين)?", r"(?:ال)?امن و(?:ال)?استقرار",
    )),
    Topic("root_causes", "معالجة الأسباب الجذرية", "Root causes", (
        r"(?:ال)?اسباب (?:ال)?جذريه", r"جذور (?:ال)?تطرف", r"(?:ال)?تهميش",
    )),
)
TOPICS_BY_ID = {t.topic_id: t for t in TAXONOMY}

# "Financial" alone is everywhere ("المساعدات الفنية والمالية"); it names the
# coalition's financial domain only beside its siblings, as in
# "مجالاته الأربعة: الفكري، والإعلامي، والمالي، والعسكري".
_FINANCIAL_ADJ = "_financial_adjective"
_DOMAIN_SIBLINGS = frozenset({"ideology", "media", "military"})
_RULE_PATTERNS = {_FINANCIAL_ADJ: (r"(?:ال)?مالي(?:ه)?",)}

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


@cache
def _automaton() -> ahocorasick.Automaton:
    """Every form of every topic (and of the two rule words) in one Aho-Corasick automaton.

    Measured: a single regex alternation took 3 ms on a 7 kB article; this takes a tenth of that.
    """
    automaton = ahocorasick.Automaton()
    sources = [(t.topic_id, t.patterns) for t in TAXONOMY] + list(_RULE_PATTERNS.items())
    for topic_id, patterns in sources:
        for pattern in patterns:
            for form in expand_pattern(pattern):
                assert "?" not in form and "(" not in form, pattern  # only the syntax expand_pattern knows
                automaton.add_word(normalize(form), (topic_id, normalize(form)))
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
            candidates.append((start, end, topic_id))
    # Longest-leftmost, without overlaps: "الجرائم الالكترونيه" is one cyber hit, not two.
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    hits, covered_to = [], 0
    for start, end, topic_id in candidates:
        if start >= covered_to:
            hits.append((topic_id, start, end))
            covered_to = end
    if _DOMAIN_SIBLINGS & {h[0] for h in hits}:
        hits = [("terror_financing", s, e) if t == _FINANCIAL_ADJ else (t, s, e) for t, s, e in hits]
    return [h for h in hits if not h[0].startswith("_")]
