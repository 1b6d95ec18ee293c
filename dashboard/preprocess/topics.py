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

from dashboard.preprocess.normalize import normalize


@dataclass(frozen=True)
class Topic:
    topic_id: str
    label_ar: str
    label_en: str
    patterns: tuple[str, ...]


# Optional proclitics (``لل`` is ل + the article), then the word, then no further Arabic letter.
_PRE = r"(?<![\u0621-\u064a])(?:[وف]?(?:لل|[بلك])?)"
_POST = r"(?![\u0621-\u064a])"

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
        r"(?:ال)?استخبار(?:ا?تي|ي)(?:ه)?", r"(?:ال)?استخبارات", r"(?:ال)?مخابرات",
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
_FINANCIAL_ADJ_RE = re.compile(_PRE + r"(?:ال)?مالي(?:ه)?" + _POST)
_DOMAIN_SIBLING_RE = re.compile(_PRE + r"(?:ال)?(?:فكري|اعلامي|عسكري)(?:ه)?" + _POST)

# The coalition's own name contains "العسكري": mask it before matching.
_COALITION_NAME_RE = re.compile(
    r"(?:ال)?تحالف (?:ال)?اسلامي(?: (?:ال)?عسكري)?(?: ل(?:محاربه|مكافحه) (?:ال)?ارهاب)?"
)

_TOPIC_RE = re.compile(
    "|".join(
        f"(?P<{topic.topic_id}>{_PRE}(?:{'|'.join(normalize(p) for p in topic.patterns)}){_POST})"
        for topic in TAXONOMY
    )
)


def mask_coalition_name(norm_text: str) -> str:
    """Blank out the coalition's own name (same length, so offsets hold)."""
    return _COALITION_NAME_RE.sub(lambda m: " " * len(m.group()), norm_text)


def find_topics(norm_text: str) -> list[tuple[str, int, int]]:
    """Topics raised in a piece of normalised text.

    Args:
        norm_text: normalised text, usually one sentence.
    Returns:
        (topic_id, start, end) for every match, in text order; spans index ``norm_text``.
    """
    masked = mask_coalition_name(norm_text)
    hits = [(m.lastgroup, m.start(), m.end()) for m in _TOPIC_RE.finditer(masked)]
    if _DOMAIN_SIBLING_RE.search(masked):
        hits += [("terror_financing", m.start(), m.end()) for m in _FINANCIAL_ADJ_RE.finditer(masked)]
        hits.sort(key=lambda h: h[1])
    return hits
