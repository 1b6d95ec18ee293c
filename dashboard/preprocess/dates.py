"""Find and resolve date phrases in normalised Arabic news text.

Everything here works on text already passed through
:func:`dashboard.preprocess.normalize.normalize` (alef forms folded, ة -> ه,
ى -> ي, diacritics and tatweel removed, Arabic-Indic digits -> ASCII). The
month tables below are written in natural Arabic for review and normalised when
the regexes are built, so ``أيار`` in the table matches ``ايار`` in the text.

We locate phrases with a handful of precompiled regexes and parse them
ourselves instead of calling a general date parser: the press formats are few,
and one reviewed month table is shared with the charts' tick labels.

Kinds of phrase:

* ``gregorian``  -- day + month name + year (``25 نوفمبر 2025``)
* ``hijri``      -- day + Hijri month + year (``5 جمادى الآخرة 1447هـ``),
  converted to Gregorian with the Umm al-Qura calendar (``hijridate``)
* ``numeric``    -- ``25/11/2025``, ``2025-11-25`` (a ``هـ`` suffix makes it Hijri)
* ``month_year`` -- ``نوفمبر 2025``; no day, so ``date`` is None
* ``relative``   -- اليوم / أمس / أمس الأول / غداً; needs the publication date
* ``weekday``    -- الاثنين ... ; needs the publication date
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from hijridate import Hijri

from dashboard.preprocess.normalize import normalize

__all__ = [
    "DatePhrase",
    "HIJRI_MONTHS_AR",
    "MONTHS_AR",
    "MONTH_LABELS_AR",
    "WEEKDAYS_AR",
    "find_date_phrases",
    "format_date_ar",
    "parse_published_date",
    "resolve_relative",
]


@dataclass(frozen=True)
class DatePhrase:
    """A date expression located in normalised text.

    Attributes:
        start: start of the span in the (normalised) text that was searched.
        end: end of the span (exclusive).
        text: the matched text, ``norm_text[start:end]``.
        kind: ``"gregorian"``, ``"hijri"``, ``"numeric"``, ``"relative"``,
            ``"weekday"`` or ``"month_year"``.
        date: the resolved Gregorian date; None for ``relative`` and
            ``weekday`` (see :func:`resolve_relative`) and for ``month_year``.
        month: Gregorian month (of ``date`` for full dates; as written for
            ``month_year``).
        year: Gregorian year, as ``month``.
        offset_days: for ``relative``: days from the publication date
            (0 today, -1 yesterday, -2 the day before, +1 tomorrow).
        weekday: ``datetime.date.weekday()`` number (Monday = 0) of a named
            weekday, for ``weekday`` phrases and for a weekday attached to a
            relative or full date (``اليوم الاثنين``, ``الثلاثاء 25 نوفمبر 2025``).
    """

    start: int
    end: int
    text: str
    kind: str
    date: datetime.date | None
    month: int | None = None
    year: int | None = None
    offset_days: int | None = None
    weekday: int | None = None


# --------------------------------------------------------------------------
# Reviewed tables (natural spelling; normalised when the regexes are built)
# --------------------------------------------------------------------------

#: Gregorian months. The first name is the Modern Standard (Egyptian/Gulf)
#: name used for display; then Levantine/Iraqi (Syriac) names, then Maghrebi
#: (Algerian/Tunisian French-derived, Moroccan) names.
MONTHS_AR: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "اغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر"),
}

#: Display names for chart ticks and formatted dates (first table entry).
MONTH_LABELS_AR: dict[int, str] = {m: names[0] for m, names in MONTHS_AR.items()}

#: Hijri (Umm al-Qura) months; first name is the display name.
HIJRI_MONTHS_AR: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع الاول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني"),
    5: ("جمادى الأولى", "جمادى الاولى", "جمادى الأول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}

#: Weekdays keyed by ``datetime.date.weekday()`` (Monday = 0).
WEEKDAYS_AR: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين"),
    1: ("الثلاثاء",),
    2: ("الأربعاء",),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}

_GREGORIAN_YEARS = range(1900, 2101)
_HIJRI_YEARS = range(1300, 1501)

# --------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------

# Arabic letters (after normalisation) and Latin letters: a word boundary in
# Arabic is "no letter right before / right after"; \b is useless because
# digits and letters are both \w, and "25نوفمبر" must still match.
_LETTER = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3A-Za-z"
_NOT_AFTER = f"(?![{_LETTER}])"
# A word start: no letter before, or only the conjunction و/ف glued on
# ("واليوم", "ويوم الاثنين"); the proclitic stays outside the span.
_WORD_START = f"(?:(?<![{_LETTER}])|(?<=(?<![{_LETTER}])[\u0648\u0641]))"
# Spaces inside one phrase: never a newline, a date does not span lines.
_SP = "[ \\t]"


def _key(name: str) -> str:
    """Lookup key of a month/weekday name: normalised, single-spaced."""
    return " ".join(normalize(name).split())


def _alternation(names: list[str]) -> str:
    """Regex alternation of normalised names, longest first.

    Longest first so that e.g. ``مايو`` is tried before ``ماي`` and
    ``جمادى الآخرة`` before ``جمادى الآخر``; inner spaces match any run of
    blanks.
    """
    keys = sorted({_key(n) for n in names}, key=len, reverse=True)
    return "|".join((_SP + "+").join(re.escape(w) for w in k.split(" ")) for k in keys)


_GREG_LOOKUP: dict[str, int] = {_key(n): m for m, ns in MONTHS_AR.items() for n in ns}
_HIJRI_LOOKUP: dict[str, int] = {_key(n): m for m, ns in HIJRI_MONTHS_AR.items() for n in ns}
_WEEKDAY_LOOKUP: dict[str, int] = {_key(n): d for d, ns in WEEKDAYS_AR.items() for n in ns}

_GREG_MONTH = f"(?:{_alternation(list(_GREG_LOOKUP))}){_NOT_AFTER}"
_HIJRI_MONTH = f"(?:{_alternation(list(_HIJRI_LOOKUP))}){_NOT_AFTER}"
# "الأحد عشر" is the number eleven, not Sunday.
_WEEKDAY = (
    f"(?:(?:{_alternation([n for n in _WEEKDAY_LOOKUP if n != _key('الأحد')])})"
    f"|{re.escape(_key('الأحد'))}(?!{_SP}+{re.escape(_key('عشر'))}{_NOT_AFTER})){_NOT_AFTER}"
)

_YOM = re.escape(_key("يوم"))
# "[يوم] الثلاثاء[،] [الموافق] " in front of a full date: part of that phrase.
_WEEKDAY_PREFIX = (
    f"(?:{_WORD_START}(?:{_YOM}{_SP}+)?(?P<wd>{_WEEKDAY}){_SP}*,?{_SP}*"
    f"(?:{re.escape(_key('الموافق'))}{_SP}+)?)?"
)
# Era suffixes: م / ميلادي / للميلاد and هـ / هجري / للهجرة. The letter
# lookahead keeps "2025 من" from losing its "م".
_ERA = (
    f"(?:{_SP}?(?:(?P<greg_era>{_alternation(['ميلادية', 'ميلادي', 'للميلاد', 'م'])})"
    f"|(?P<hijri_era>{_alternation(['هجرية', 'هجري', 'للهجرة', 'هـ'])})){_NOT_AFTER})?"
)
_DAY = "(?<![0-9])(?P<day>[0-9]{1,2})"
# "من 12 إلى 15 نوفمبر 2018", "12-15 نوفمبر": a range of days; the meeting began on the first.
_RANGE_END = (f"(?:{_SP}*(?:{re.escape(_key('إلى'))}|{re.escape(_key('حتى'))}|-|–|و){_SP}*[0-9]{{1,2}}(?![0-9]))?")
_YEAR = "(?P<year>[0-9]{4})(?![0-9])"
# "تشرين الثاني/نوفمبر" or "نوفمبر (تشرين الثاني)": Levantine papers give both.
_SECOND_MONTH = f"(?:{_SP}*[/(]{_SP}*{_GREG_MONTH}{_SP}*\\)?)?"

_GREGORIAN_RE = re.compile(
    _WEEKDAY_PREFIX
    + _DAY
    + _RANGE_END
    + f"{_SP}*(?:{re.escape(_key('من'))}{_SP}+)?"
    + f"(?P<month>{_GREG_MONTH})"
    + _SECOND_MONTH
    + f"{_SP}*,?{_SP}*"
    + _YEAR
    + _ERA
)
_HIJRI_RE = re.compile(
    _WEEKDAY_PREFIX
    + _DAY
    + _RANGE_END
    + f"{_SP}*(?:{re.escape(_key('من'))}{_SP}+)?"
    + f"(?P<month>{_HIJRI_MONTH})"
    + f"{_SP}*,?{_SP}*"
    + _YEAR
    + _ERA
)
# Separators must repeat (backreference): "25/11-2025" is not a date.
_NUMERIC_RE = re.compile(
    _WEEKDAY_PREFIX
    + "(?<![0-9])(?<![0-9][/.-])"
    + "(?:(?P<d1>[0-9]{1,2})(?P<s1>[/-])(?P<m1>[0-9]{1,2})(?P=s1)(?P<y1>[0-9]{4})"
    + "|(?P<y2>[0-9]{4})(?P<s2>[/-])(?P<m2>[0-9]{1,2})(?P=s2)(?P<d2>[0-9]{1,2}))"
    + "(?![0-9])(?![/-][0-9])"
    + _ERA
)
_MONTH_YEAR_RE = re.compile(
    f"(?<![{_LETTER}])(?P<month>{_GREG_MONTH})"
    + _SECOND_MONTH
    + f"{_SP}*,?{_SP}*"
    + _YEAR
    + _ERA
)

# Relative words, longest first so "أمس الأول" beats "أمس".
_RELATIVE_WORDS: dict[str, int] = {
    "أول من أمس": -2,
    "أول أمس": -2,
    "أمس الأول": -2,
    "يوم أمس": -1,
    "بالأمس": -1,
    "البارحة": -1,
    "أمس": -1,
    "اليوم": 0,
    "غداً": 1,
    "بعد غد": 2,
}
_RELATIVE_LOOKUP: dict[str, int] = {_key(k): v for k, v in _RELATIVE_WORDS.items()}
# "اليوم" that is not "today": national/international/first/next day, study
# day, and the Saudi newspaper "اليوم".
_NOT_TODAY_NEXT = [
    "الوطني", "العالمي", "الدولي", "الأول", "الثاني", "الثالث", "الرابع",
    "الخامس", "السادس", "السابع", "الأخير", "الختامي", "التالي", "السابق",
    "الافتتاحي", "الدراسي", "المفتوح",
]
_TODAY = re.escape(_key("اليوم"))
_RELATIVE_RE = re.compile(
    f"{_WORD_START}(?P<rel>{_alternation(list(_RELATIVE_LOOKUP))}){_NOT_AFTER}"
    f"(?<!{re.escape(_key('صحيفة'))} {_TODAY})(?<!{re.escape(_key('جريدة'))} {_TODAY})"
    f"(?!(?<={_TODAY}){_SP}+(?:{_alternation(_NOT_TODAY_NEXT)}){_NOT_AFTER})"
    # "اليوم الاثنين", "أمس الأحد": the weekday belongs to the relative phrase.
    f"(?:{_SP}*,?{_SP}*(?:{_YOM}{_SP}+)?(?P<wd>{_WEEKDAY}))?"
)
_WEEKDAY_RE = re.compile(f"{_WORD_START}(?:{_YOM}{_SP}+)?(?P<wd>{_WEEKDAY})")

# Metadata dates: ISO or day-first, optionally with a time part after them.
_PUBLISHED_YMD_RE = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T ].*)?")
_PUBLISHED_DMY_RE = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?:[T ].*)?")


# --------------------------------------------------------------------------
# Conversion helpers
# --------------------------------------------------------------------------


def _gregorian(year: int, month: int, day: int) -> datetime.date | None:
    """A Gregorian date in the accepted year range, or None if impossible."""
    if year not in _GREGORIAN_YEARS:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _hijri(year: int, month: int, day: int) -> datetime.date | None:
    """Umm al-Qura Hijri date -> Gregorian, or None if impossible/out of range."""
    if year not in _HIJRI_YEARS:
        return None
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        # hijridate raises ValueError for a bad day/month and OverflowError
        # outside the Umm al-Qura table (1343-1500 AH).
        return None
    # hijridate returns its own Gregorian class; callers compare with and
    # store plain datetime.date values.
    return datetime.date(g.year, g.month, g.day)


def _weekday_of(match: re.Match[str]) -> int | None:
    """Weekday number of the ``wd`` group, if it took part in the match."""
    wd = match.group("wd")
    return _WEEKDAY_LOOKUP[_key(wd)] if wd else None


def _full(match: re.Match[str], kind: str, d: datetime.date | None) -> DatePhrase | None:
    """A full-date phrase, or None (the span is still claimed) if ``d`` is None."""
    if d is None:
        return None
    return DatePhrase(
        match.start(), match.end(), match.group(0), kind, d,
        month=d.month, year=d.year, weekday=_weekday_of(match),
    )


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def find_date_phrases(norm_text: str) -> list[DatePhrase]:
    """Find date phrases in normalised text.

    Every pattern proposes candidates; overlapping candidates are settled
    longest first (then leftmost), so ``الثلاثاء 25 نوفمبر 2025م`` is one
    phrase, not a weekday plus a date plus a month-year. An impossible date
    (``31 فبراير 2025``, a year out of range) still claims its span, so no
    shorter piece of it (``فبراير 2025``) is reported instead.

    Args:
        norm_text: text already passed through ``normalize()``.
    Returns:
        Non-overlapping phrases ordered by ``start``.
    """
    # (start, end, phrase or None for a claimed-but-invalid span)
    candidates: list[tuple[int, int, DatePhrase | None]] = []

    def add(match: re.Match[str], phrase: DatePhrase | None) -> None:
        candidates.append((match.start(), match.end(), phrase))

    for m in _GREGORIAN_RE.finditer(norm_text):
        if m.group("hijri_era"):
            # A Gregorian month name with a Hijri year is self-contradictory.
            add(m, None)
            continue
        month = _GREG_LOOKUP[_key(m.group("month"))]
        add(m, _full(m, "gregorian", _gregorian(int(m.group("year")), month, int(m.group("day")))))

    for m in _HIJRI_RE.finditer(norm_text):
        if m.group("greg_era"):
            add(m, None)
            continue
        month = _HIJRI_LOOKUP[_key(m.group("month"))]
        add(m, _full(m, "hijri", _hijri(int(m.group("year")), month, int(m.group("day")))))

    for m in _NUMERIC_RE.finditer(norm_text):
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if m.group("hijri_era"):
            add(m, _full(m, "hijri", _hijri(y, mo, d)))
        else:
            add(m, _full(m, "numeric", _gregorian(y, mo, d)))

    for m in _MONTH_YEAR_RE.finditer(norm_text):
        year = int(m.group("year"))
        if m.group("hijri_era") or year not in _GREGORIAN_YEARS:
            add(m, None)
            continue
        month = _GREG_LOOKUP[_key(m.group("month"))]
        add(m, DatePhrase(m.start(), m.end(), m.group(0), "month_year", None, month=month, year=year))

    for m in _RELATIVE_RE.finditer(norm_text):
        offset = _RELATIVE_LOOKUP[_key(m.group("rel"))]
        add(m, DatePhrase(m.start(), m.end(), m.group(0), "relative", None,
                          offset_days=offset, weekday=_weekday_of(m)))

    for m in _WEEKDAY_RE.finditer(norm_text):
        add(m, DatePhrase(m.start(), m.end(), m.group(0), "weekday", None, weekday=_weekday_of(m)))

    if not candidates:
        return []
    # Longest wins; among equals the leftmost. Candidate counts are small
    # (a handful per article), so a linear overlap check is fine.
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, DatePhrase | None]] = []
    for cand in candidates:
        s, e, _ = cand
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append(cand)
    return sorted((p for _, _, p in taken if p is not None), key=lambda p: p.start)


def resolve_relative(phrase: DatePhrase, published: datetime.date | None) -> datetime.date | None:
    """Resolve a phrase to a Gregorian date using the publication date.

    Args:
        phrase: a phrase from :func:`find_date_phrases`.
        published: the article's publication date, if known.
    Returns:
        For full dates, ``phrase.date`` (``published`` is not needed). For
        ``relative``: ``published`` plus ``offset_days``. For ``weekday``: the
        latest date on or before ``published`` with that weekday (``published``
        itself if it is that weekday). None for ``month_year``, or when
        ``published`` is needed but None.
    """
    if phrase.date is not None:
        return phrase.date
    if published is None:
        return None
    if phrase.kind == "relative" and phrase.offset_days is not None:
        return published + datetime.timedelta(days=phrase.offset_days)
    if phrase.kind == "weekday" and phrase.weekday is not None:
        back = (published.weekday() - phrase.weekday) % 7
        return published - datetime.timedelta(days=back)
    return None


def parse_published_date(value: str) -> datetime.date | None:
    """Parse a metadata publication date.

    Accepts ``2025-11-23``, ``2025/11/23``, ``23/11/2025``, ``23-11-2025``
    (optionally followed by a time), Arabic-Indic digits, and a written date
    such as ``23 نوفمبر 2025`` or ``1 جمادى الآخرة 1447هـ``.

    Args:
        value: the raw field; non-strings (e.g. a pandas NaN) are tolerated.
    Returns:
        The date, or None when empty, unparseable or impossible
        (``31/02/2025``, ``31 فبراير 2025``). Never raises.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    text = normalize(value).strip()
    if not text:
        return None
    m = _PUBLISHED_YMD_RE.fullmatch(text)
    if m:
        return _gregorian(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _PUBLISHED_DMY_RE.fullmatch(text)
    if m:
        return _gregorian(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for phrase in find_date_phrases(text):
        if phrase.date is not None:
            return phrase.date
    return None


def format_date_ar(d: datetime.date) -> str:
    """Format a date for display, e.g. ``25 نوفمبر 2025``.

    Args:
        d: the date.
    Returns:
        Day, display month name and year in logical order with ASCII digits
        and no direction marks (the renderer handles bidi).
    """
    return f"{d.day} {MONTH_LABELS_AR[d.month]} {d.year}"
