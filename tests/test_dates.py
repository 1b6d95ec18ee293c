"""Tests for dashboard.preprocess.dates: locating and resolving Arabic date phrases."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dashboard.preprocess.dates import (
    HIJRI_MONTHS_AR,
    MONTH_LABELS_AR,
    MONTHS_AR,
    DatePhrase,
    find_date_phrases,
    format_date_ar,
    parse_published_date,
    resolve_relative,
)
from dashboard.preprocess.normalize import normalize

D = datetime.date
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _phrases(text: str) -> list[DatePhrase]:
    return find_date_phrases(normalize(text))


# (id, text, expected kind, expected date) -- exactly one phrase expected.
FULL_DATES = [
    ("gregorian_msa", "الاجتماع الذي عقد في 25 نوفمبر 2025", "gregorian", D(2025, 11, 25)),
    ("arabic_indic_digits_and_era", "عقد في ٢٥ نوفمبر ٢٠٢٥م", "gregorian", D(2025, 11, 25)),
    ("era_with_space", "عقد في 25 نوفمبر 2025 م", "gregorian", D(2025, 11, 25)),
    ("arabic_comma_before_year", "25 نوفمبر، 2025", "gregorian", D(2025, 11, 25)),
    ("min_before_month", "25 من نوفمبر 2025", "gregorian", D(2025, 11, 25)),
    ("weekday_prefix", "الثلاثاء 25 نوفمبر 2025م", "gregorian", D(2025, 11, 25)),
    ("levant_tishreen_thani", "في 3 تشرين الثاني 2025", "gregorian", D(2025, 11, 3)),
    ("levant_ayyar", "15 أيار 2024", "gregorian", D(2024, 5, 15)),
    ("levant_aab", "1 آب 2023", "gregorian", D(2023, 8, 1)),
    ("levant_kanun_thani", "10 كانون الثاني 2024", "gregorian", D(2024, 1, 10)),
    ("levant_with_msa_gloss", "3 تشرين الثاني/نوفمبر 2025", "gregorian", D(2025, 11, 3)),
    ("msa_abril_no_hamza", "7 ابريل 2024", "gregorian", D(2024, 4, 7)),
    ("msa_yunyah", "9 يونيه 2024", "gregorian", D(2024, 6, 9)),
    ("maghreb_may", "15 ماي 2025", "gregorian", D(2025, 5, 15)),
    ("maghreb_juillet", "4 جويلية 2024", "gregorian", D(2024, 7, 4)),
    ("maghreb_aout", "20 أوت 2024", "gregorian", D(2024, 8, 20)),
    ("maghreb_fevrier", "2 فيفري 2025", "gregorian", D(2025, 2, 2)),
    ("bitarikh_glued", "بتاريخ 5 مايو 2024", "gregorian", D(2024, 5, 5)),
    ("hijri_attached_ha", "5 جمادى الآخرة 1447هـ", "hijri", D(2025, 11, 26)),
    ("hijri_spaced_ha", "5 جمادى الآخرة 1447 هـ", "hijri", D(2025, 11, 26)),
    ("hijri_arabic_indic", "١٤ رمضان ١٤٤٦ه", "hijri", D(2025, 3, 14)),
    ("hijri_no_suffix", "14 رمضان 1446", "hijri", D(2025, 3, 14)),
    ("hijri_numeric_with_ha", "05/06/1447هـ", "hijri", D(2025, 11, 26)),
    ("numeric_dmy_slash", "25/11/2025", "numeric", D(2025, 11, 25)),
    ("numeric_dmy_dash", "25-11-2025", "numeric", D(2025, 11, 25)),
    ("numeric_ymd_dash", "2025-11-25", "numeric", D(2025, 11, 25)),
    ("numeric_ymd_slash", "2025/11/25", "numeric", D(2025, 11, 25)),
    ("numeric_with_weekday", "يوم الثلاثاء الموافق 25/11/2025م", "numeric", D(2025, 11, 25)),
]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [pytest.param(t, k, e, id=i) for i, t, k, e in FULL_DATES],
)
def test_full_dates(text: str, kind: str, expected: datetime.date) -> None:
    phrases = _phrases(text)
    assert len(phrases) == 1, phrases
    (p,) = phrases
    assert p.kind == kind
    assert p.date == expected
    assert type(p.date) is datetime.date
    assert (p.month, p.year) == (expected.month, expected.year)


def test_weekday_prefix_is_part_of_the_phrase() -> None:
    norm = normalize("الثلاثاء 25 نوفمبر 2025م")
    (p,) = find_date_phrases(norm)
    assert (p.start, p.end) == (0, len(norm))
    assert p.text == norm[p.start:p.end]
    assert p.weekday == 1


# Texts that must produce no phrase at all.
NOTHING = [
    ("impossible_day_numeric", "31/02/2025"),
    ("impossible_day_named", "31 فبراير 2025"),
    ("daily_reports", "التقارير اليومية"),
    ("daily_masc", "الاجتماع اليومي"),
    ("national_day", "اليوم الوطني"),
    ("international_day", "اليوم العالمي لمكافحة الإرهاب"),
    ("first_day_of_event", "في اليوم الأول من المؤتمر"),
    ("may_without_day_or_year", "في مايو الماضي"),
    ("may_abbrev_inside_mayo", "مايو"),
    ("aab_inside_aabar", "حفر 3 آبار 2023"),
    ("assembly_not_friday", "الجمعية العامة للأمم المتحدة"),
    ("eleven_not_sunday", "الأحد عشر"),
    ("gregorian_year_out_of_range", "25 نوفمبر 1800"),
    ("hijri_year_out_of_range", "5 رمضان 1600هـ"),
    ("hijri_day_impossible", "31 رمضان 1446هـ"),
    ("evening_event_not_yesterday", "أمسية ثقافية"),
    ("min_not_era", "عام 2025 من"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOTHING])
def test_nothing_found(text: str) -> None:
    assert _phrases(text) == []


MONTH_YEAR = [
    ("founded_dec_2015", "تأسس في ديسمبر 2015", 12, 2015),
    ("fi_feb_2025", "في فبراير 2025", 2, 2025),
    ("nov_2025_comma", "نوفمبر، 2025", 11, 2025),
    ("maghreb_may", "ماي 2025", 5, 2025),
    ("levant_tishreen_awwal", "تشرين الأول 2024", 10, 2024),
]


@pytest.mark.parametrize(
    ("text", "month", "year"),
    [pytest.param(t, m, y, id=i) for i, t, m, y in MONTH_YEAR],
)
def test_month_year(text: str, month: int, year: int) -> None:
    (p,) = _phrases(text)
    assert p.kind == "month_year"
    assert p.date is None
    assert (p.month, p.year) == (month, year)


PUBLISHED = D(2025, 11, 23)  # a Sunday

# (id, text, kind, published, expected resolved date)
RELATIVE = [
    ("today", "التقى اليوم", "relative", PUBLISHED, D(2025, 11, 23)),
    ("today_with_weekday", "التقى اليوم الأحد", "relative", PUBLISHED, D(2025, 11, 23)),
    ("yesterday", "التقى أمس", "relative", PUBLISHED, D(2025, 11, 22)),
    ("yesterday_yawm", "التقى يوم أمس", "relative", PUBLISHED, D(2025, 11, 22)),
    ("yesterday_bil", "التقى بالأمس", "relative", PUBLISHED, D(2025, 11, 22)),
    ("day_before_yesterday", "التقى أمس الأول", "relative", PUBLISHED, D(2025, 11, 21)),
    ("awwal_ams", "التقى أول أمس", "relative", PUBLISHED, D(2025, 11, 21)),
    ("awwal_min_ams", "التقى أول من أمس", "relative", PUBLISHED, D(2025, 11, 21)),
    ("tomorrow", "يلتقي غداً", "relative", PUBLISHED, D(2025, 11, 24)),
    ("today_unknown_published", "التقى اليوم", "relative", None, None),
    ("monday_before_sunday", "يوم الاثنين", "weekday", PUBLISHED, D(2025, 11, 17)),
    ("sunday_is_published", "الأحد", "weekday", PUBLISHED, D(2025, 11, 23)),
    ("saturday", "السبت", "weekday", PUBLISHED, D(2025, 11, 22)),
    ("weekday_unknown_published", "الخميس", "weekday", None, None),
]


@pytest.mark.parametrize(
    ("text", "kind", "published", "expected"),
    [pytest.param(t, k, p, e, id=i) for i, t, k, p, e in RELATIVE],
)
def test_relative_and_weekday(
    text: str, kind: str, published: datetime.date | None, expected: datetime.date | None
) -> None:
    (p,) = _phrases(text)
    assert p.kind == kind
    assert p.date is None
    assert resolve_relative(p, published) == expected


def test_today_beats_weekday() -> None:
    (p,) = _phrases("اليوم الاثنين")
    assert p.kind == "relative"
    assert p.offset_days == 0
    assert p.weekday == 0


def test_resolve_full_date_ignores_published() -> None:
    (p,) = _phrases("25 نوفمبر 2025")
    assert resolve_relative(p, None) == D(2025, 11, 25)


def test_resolve_month_year_is_none() -> None:
    (p,) = _phrases("ديسمبر 2015")
    assert resolve_relative(p, PUBLISHED) is None


def test_several_phrases_left_to_right() -> None:
    text = "الثلاثاء 5 جمادى الآخرة 1447هـ الموافق 26 نوفمبر 2025م، وكان قد زار أمس"
    kinds = [(p.kind, p.date) for p in _phrases(text)]
    assert kinds == [
        ("hijri", D(2025, 11, 26)),
        ("gregorian", D(2025, 11, 26)),
        ("relative", None),
    ]


PUBLISHED_VALUES = [
    ("iso", "2025-11-23", D(2025, 11, 23)),
    ("dmy_slash", "23/11/2025", D(2025, 11, 23)),
    ("ymd_slash", "2025/11/23", D(2025, 11, 23)),
    ("dmy_dash", "23-11-2025", D(2025, 11, 23)),
    ("iso_with_time", "2025-11-23T08:30:00", D(2025, 11, 23)),
    ("arabic_indic", "٢٠٢٥-١١-٢٣", D(2025, 11, 23)),
    ("padded", "  2025-11-23 ", D(2025, 11, 23)),
    ("written", "23 نوفمبر 2025", D(2025, 11, 23)),
    ("empty", "", None),
    ("blank", "   ", None),
    ("garbage", "غير معروف", None),
    ("impossible_numeric", "2025-02-31", None),
    ("impossible_written", "31 فبراير 2025", None),
    ("not_a_string", float("nan"), None),
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [pytest.param(v, e, id=i) for i, v, e in PUBLISHED_VALUES],
)
def test_parse_published_date(value: str, expected: datetime.date | None) -> None:
    assert parse_published_date(value) == expected


def test_format_date_ar() -> None:
    assert format_date_ar(D(2025, 11, 25)) == "25 نوفمبر 2025"
    assert format_date_ar(D(2024, 5, 1)) == "1 مايو 2024"


def test_tables() -> None:
    assert set(MONTHS_AR) == set(range(1, 13)) == set(HIJRI_MONTHS_AR)
    assert MONTH_LABELS_AR[5] == "مايو"
    assert [MONTH_LABELS_AR[m] for m in range(1, 13)] == [MONTHS_AR[m][0] for m in range(1, 13)]


def test_seed_004() -> None:
    (path,) = SEEDS.glob("004_*.txt")
    phrases = find_date_phrases(normalize(path.read_text(encoding="utf-8")))
    full = [p for p in phrases if p.date is not None]
    assert [(p.kind, p.date) for p in full] == [("gregorian", D(2025, 11, 25))]
    month_years = [p for p in phrases if p.kind == "month_year"]
    assert [(p.month, p.year) for p in month_years] == [(12, 2015)]
