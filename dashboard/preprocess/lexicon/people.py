"""Words that delimit a person in a report: ranks and honorifics, office words, and where a name ends.

Each table is a tuple of words as written; the extractor normalises them and matches
whole tokens. A counterpart phrase is read as ``[title] [ranks] name`` or
``name، title``: ``RANKS`` stand between the title and the name and belong to
neither; ``TITLE_OPENERS`` are the words a title starts with; a name is at most six
words and ends at a ``NAME_STOPS`` word, punctuation, a place, or a new title.
"""

# Military ranks and honorifics: never part of the name or of the title (الفريق أول، معالي، داتو سري).
RANKS: tuple[str, ...] = (
    "أول", "الأستاذ", "الأمير", "الأميرال", "البحري", "البروفيسور", "الجنرال", "الدكتور", "الرائد", "الركن",
    "السفير", "السفيرة", "السيد", "السيدة", "الشيخ", "الطيار", "العقيد", "العميد", "الفريق", "اللواء",
    "المارشال", "المتقاعد", "المقدم", "المهندس", "النقيب", "تان", "تون", "د", "داتو", "داتوك", "ركن",
    "سري", "سعادة", "سمو", "فخامة", "معالي", "الأدميرال", "الدكتورة", "الأستاذة", "المهندسة", "الشيخة",
    "الأميرة", "العقيدة",
)
# A rank word right after these is part of a name (محمد ولد الشيخ أحمدو، عبدالله بن الأمير).
NAME_LINKS: tuple[str, ...] = ("ابن", "بن", "بنت", "ولد")
# A word that is a rank only right before another rank (نائب الأدميرال، وكيل أول).
RANK_PREFIXES: tuple[str, ...] = ("نائب",)

# Words a title is made of: a phrase's title runs up to the last of them (or the last country or
# organisation) before the name.
TITLE_WORDS: tuple[str, ...] = (
    "أركان", "أعضاء", "الأركان", "الدفاع", "السابق", "السعودية", "السياسية", "العربية", "العسكري",
    "القوات", "المسلحة", "المكلف", "الملحق", "المملكة", "برلمان", "البرلمان", "بالإنابة", "رئيس",
    "رئيسة", "سفير", "سفيرة", "عضو", "عميد", "عميدة", "قائد", "لدى", "للشؤون", "مجلس", "مدير", "مديرة", "مساعد",
    "مستشار", "ملحق", "من", "نائب", "هيئة", "وزير", "وزيرة", "وفد", "وفدا", "وفداً", "وكيل",
)

# Two-word offices whose words are also names or plain words on their own (محمد الأمين، العام الماضي).
TITLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("أمين", "عام"),
    ("الأمين", "العام"),
    ("الأمين", "المساعد"),
    ("العام", "المساعد"),
    ("العام", "المكلف"),
)

# A counterpart phrase opens with one of these (or a rank): an office, a delegation, an envoy.
TITLE_OPENERS: tuple[str, ...] = (
    "آمر", "أعضاء", "أمين", "الأمين", "الرئيس", "السفير", "السكرتير", "القائد", "القنصل", "المبعوث",
    "المدير", "المفوض", "الملحق", "المنسق", "الوزير", "حاكم", "رئيس", "رئيسة", "سفير", "سفيرة",
    "سكرتير", "عضو", "عميد", "عميدة", "قائد", "قنصل", "كبير", "محافظ", "مبعوث", "مدير", "مديرة", "مساعد", "مستشار",
    "مفوض", "ملحق", "ممثل", "منسق", "نائب", "نائبة", "وزير", "وزيرة", "وفد", "وفدا", "وكيل",
    # definite and feminine forms
    "الرئيسة", "السفيرة", "المديرة", "المستشار", "المستشارة", "الممثل", "الممثلة", "المنسقة", "الوزيرة",
    "مستشارة", "ممثلة", "منسقة", "وكيلة",
)

# A name ends before these: time, place, purpose and clause words. ``على`` is normalised like
# the name ``علي``: the extractor keeps it as a name when it ends the phrase.
NAME_STOPS: tuple[str, ...] = (
    "<", ">", "آفاق", "أمس", "أوجه", "إلى", "الى", "التعاون", "التي", "الذي", "العلاقات", "اليوم",
    "بمقر", "تطوير", "تعزيز", "حيث", "خلال", "سبل", "على", "عن", "في", "كما", "لبحث", "لمناقشة", "مجالات",
    "مع", "مقر", "و", "والوفد", "وذلك", "وقد",
)

# A comma then one of these opens a new clause: the counterpart phrase has ended.
CLAUSE_OPENERS: tuple[str, ...] = (
    "بينما", "فيما", "وعن", "ومثل", "حيث", "بهدف", "لاستعراض", "لتعزيز", "للتباحث", "لمتابعة", "لتنسيق",
    "لتبادل", "لتوقيع", "ضمن", "كما", "لبحث", "لمناقشة", "واستعرض", "واستعرضا", "واطلع", "وأشاد", "وأعرب", "وأكد", "وبحث",
    "وبحثا", "وتم", "وتناول", "وتناولا", "وجرى", "وذلك", "وقد", "وناقش", "وناقشا", "يرافقه", "ويرافقه",
)

# Words that end a counterpart phrase: what follows is the purpose or the circumstance.
PHRASE_ENDS: tuple[str, ...] = (
    "<", ">", "إلى", "الى", "الذي", "التي", "بحضور", "برئاسة", "بشأن", "حول", "حيث", "خلال", "ضمن", "على",
    "عن", "لبحث", "لمناقشة", "وبحث", "وذلك", "وناقش", "يرافقه", "ويرافقه",
)

# Words that may stand between a verb and its counterpart: time words and weekdays.
LEAD_WORDS: tuple[str, ...] = (
    "(", ")", "-", "الأحد", "الأربعاء", "الأول", "الاثنين", "الثلاثاء", "الجمعة", "الخميس", "السبت",
    "الماضي", "حاليا", "حالياً", "في", "يوم",
)

# "وفداً من ... برئاسة فلان": the words that introduce a delegation's head.
DELEGATION_HEAD: tuple[str, ...] = (
    "برئاسة", "بقيادة", "ترأسه", "يتقدمه", "يترأسه", "يرأسه", "يقوده",
)

# "فيما وقعها عن الجانب الآخر وزير ...", "وعن الجامعة مدير ...", "ومثّل المركز في التوقيع ...": the words
# that introduce who signed or spoke for a side, read only in a sentence about the signing.
OTHER_SIDE: tuple[str, ...] = (
    "عن", "فيما مثل", "مثل", "ومثل", "وعن",
)
SIGNING_WORDS: tuple[str, ...] = (
    "التوقيع", "المذكرة", "الاتفاقية", "البرنامج", "وقع", "وقعت", "وقعها", "وقعه", "ووقع", "ووقعت", "مثل",
    "ومثل", "ومثلت",
)
# The coalition's own secretary-general, named without the coalition in a later sentence.
OWN_OFFICIAL: tuple[str, ...] = (
    "الأمين العام", "أمين عام", "أمينه العام", "القائد العسكري",
)
