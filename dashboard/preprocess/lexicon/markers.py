"""Phrases that set a sentence or a mention apart from the account of the meeting, each with why.

Matched as substrings of normalised text. ``BACKGROUND`` marks a sentence as background
(not the meeting: history, forecasts, the coalition's standing description);
``PASSING_BEFORE`` marks a coalition name as named in passing, not as a party to a
meeting, when one of these words stands just before it; ``OTHER_COALITIONS`` are
alliances called "التحالف" that are not the IMCTC.
"""

BACKGROUND: tuple[str, ...] = (
    "أنشئ",  # the coalition's founding
    "بحسب تقارير",  # sourced commentary, not the meeting
    "تأسس",
    "تأسيس التحالف",
    "الجدير بالذكر",
    "جدير بالذكر",
    "في سياق منفصل",  # another story
    "كان قد",  # past perfect: an earlier event
    "من المتوقع",  # forecasts
    "ومن المتوقع",
    "من المنتظر",
    "ومن المنتظر",
    "وتشير التوقعات",
    "وفقا لبيانات",
    "وفقاً لبيانات",
    "وبحسب تقارير",
    "يؤكد الخبراء",
    "ويؤكد الخبراء",
    "يذكر أن",  # the closing "it is worth noting" paragraph
    "يُذكر أن",
    "يشار إلى أن",
    "يُشار إلى أن",
    "يضم التحالف",  # membership count
    "ويضم التحالف",
    "يضم في عضويته",
)

# "وكان البنك قد شارك": كان, one or two words, then قد: the past perfect of an earlier event.
PAST_PERFECT_PATTERN = r"(?<![\u0621-\u064a])و?كان(?:ت)?(?: [\u0621-\u064a]+){1,3} قد "

# Headings of background sections.
BACKGROUND_HEADINGS: tuple[str, ...] = (
    "توقعات مستقبلية",
    "جهود التحالف",
    "خلفية",
    "الخطوات المستقبلية",
    "دور التحالف",
    "السياق الاقتصادي",
    "عن التحالف",
    "لعمل التحالف",
    "المجالات الرئيسية",
)

# A date shortly after one of these is when something is planned, not when the meeting was
# ("الاجتماع المقرر عقده يوم 15 ديسمبر").
FUTURE_BEFORE_DATE: tuple[str, ...] = (
    "المرتقب",
    "المزمع",
    "المقرر",
    "المقبل",
    "القادم",
    "ستعقد",
    "سيعقد",
    "ستنطلق",
    "سينطلق",
)

# A coalition name right after one of these is the coalition talked about, not met.
PASSING_BEFORE: tuple[str, ...] = (
    "بما فيها",  # "... and other bodies, among them the IMCTC": an aside, not a party
    "بما في ذلك",
    "ومن بينها",
    "من بينها",
    "ومنها",
    "منها",
    "انضمام",
    "انضمامه",
    "انضمامها",
    "بتأسيس",
    "تأسيس",
    "لتأسيس",
    "مبادرة",
    "بمبادرة",
    "ندوة نظمها",
    "مؤتمر نظمه",
)

# Alliances that Arabic reports also call "التحالف". An article about one of them, with no
# IMCTC party, reports no coalition meeting.
OTHER_COALITIONS: tuple[str, ...] = (
    "تحالف دعم الشرعية",
    "قوات التحالف",
    "التحالف الدولي",
    "التحالف العالمي",
    "التحالف ضد",
    "تحالف دول الساحل",
    "التحالف العسكري لدول الساحل",
    "دول تحالف الساحل",
)
