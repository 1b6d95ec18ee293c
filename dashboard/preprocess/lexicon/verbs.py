"""Meeting verbs and their frames: which words tell that a meeting happened, and who moved where.

Each entry is (word as written, frame). The extractor matches every form with an
optional و/ف/كما in front, as a whole word, on normalised text. The frame says how
to read the sentence the word anchors:

- ``receive``: the subject hosts, the object came (استقبل X Y: Y visited X).
- ``visit``: the subject travelled to the object or place (زار X مقر Y).
- ``arrive``: the subject travelled; the place follows (وصل X إلى Y).
- ``meet``: both sides met; where they met says who travelled (التقى، بحث مع).
- ``sign``: an agreement was signed (with a document word in the sentence).
- ``host``: the subject hosted a group or an event (استضاف، نظم).
- ``close``: an event (course, meeting) opened or closed; participants follow.
"""

VERBS: tuple[tuple[str, str], ...] = (
    ("أبرم", "sign"),
    ("أبرما", "sign"),
    ("أجرى", "meet"),
    ("أدى", "visit"),
    ("أجرت", "meet"),
    ("اجتمع", "meet"),
    ("اجتمعت", "meet"),
    ("اختتم", "close"),
    ("اختتمت", "close"),
    ("استضاف", "host"),
    ("استضافت", "host"),
    ("استعرض", "meet"),
    ("استعرضا", "meet"),
    ("استقبل", "receive"),
    ("استقبلت", "receive"),
    ("افتتح", "close"),
    ("افتتحت", "close"),
    ("التقى", "meet"),
    ("التقت", "meet"),
    ("انطلقت", "close"),
    ("بحث", "meet"),
    ("بحثا", "meet"),
    ("بحثت", "meet"),
    ("تباحث", "meet"),
    ("ترأس", "meet"),
    ("تسلم", "meet"),
    ("توجه", "arrive"),
    ("حل", "visit"),
    ("زار", "visit"),
    ("زارت", "visit"),
    ("شارك", "meet"),
    ("شاركت", "meet"),
    ("صادق", "sign"),
    ("عقد", "meet"),
    ("عقدت", "meet"),
    ("قام", "visit"),
    ("ناقش", "meet"),
    ("ناقشا", "meet"),
    ("نظم", "host"),
    ("نظمت", "host"),
    ("وصل", "arrive"),
    ("وصلت", "arrive"),
    ("وقع", "sign"),
    ("وقعا", "sign"),
    ("وقعت", "sign"),
    ("يبحث", "meet"),
    ("يجتمع", "meet"),
    ("يزور", "visit"),
    ("يستقبل", "receive"),
    ("يشارك", "meet"),
    ("يصل", "arrive"),
    ("يلتقي", "meet"),
    ("يوقع", "sign"),
    ("يوقعان", "sign"),
    ("يبرمان", "sign"),
)

# A meeting told by a noun or a passive, with no active verb of its own (جرى خلال اللقاء،
# ضيفاً على، لدى استقباله). Matched like the verbs; their frame reads the same way.
NOUN_FRAMES: tuple[tuple[str, str], ...] = (
    ("جلسة مباحثات", "meet"),
    ("جولته", "visit"),
    ("زيارة رسمية", "visit"),
    ("زيارته", "visit"),
    ("ضيفا على", "visit"),
    ("لدى استقباله", "receive"),
    ("لقاء", "meet"),
    ("لقائه", "meet"),
    ("مباحثات", "meet"),
    ("مراسم التوقيع", "sign"),
)

# Words after which a verb's subject is not a person (وقع الاختيار، قام بدور): the word is
# then no meeting verb.
NOT_A_MEETING_AFTER: dict[str, tuple[str, ...]] = {
    "قام": ("بدور", "بجهود", "على"),
}

# Documents whose signing makes a meeting an agreement.
AGREEMENT_DOCUMENTS: tuple[str, ...] = (
    "اتفاق",
    "اتفاقية",
    "برنامج تعاون",
    "برنامج تنفيذي",
    "برنامج عمل",
    "برنامج عمل مشترك",
    "برنامجا للعمل",
    "برنامجا تنفيذيا",
    "البرنامج التنفيذي",
    "خطة عمل مشتركة",
    "مذكرة تعاون",
    "مذكرة تفاهم",
    "ميثاق تعاون",
)

# Travel phrases that say the coalition's side went abroad, wherever they stand in the sentence.
ABROAD_PHRASES: tuple[str, ...] = (
    "خلال زيارته",
    "خلال زيارتهم",
    "خلال زيارة الوفد",
    "في إطار جولته",
    "في إطار جولة",
    "في إطار زيارته",
    "ضمن جولته",
    "زيارة رسمية إلى",
    "زيارة عمل إلى",
    "يزور حاليا",
    "الذي يزور",
    "التي يزور",
)
