"""The extractor on articles it was not written against: other countries, calendars and kinds of meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.preprocess.extract import extract_article, split_sentences
from dashboard.preprocess.normalize import normalize

SG = "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي"


def _only(text: str, published: dt.date | None = None):
    result = extract_article(text, published)
    assert len(result.meetings) == 1, [m.values for m in result.meetings]
    return result.meetings[0]


def test_hijri_date_with_pakistani_minister():
    meeting = _only(
        f"{SG}، في مقر التحالف بالرياض يوم 5 جمادى الآخرة 1447هـ، وزير الدفاع الباكستاني خواجة آصف، "
        "وبحث الجانبان التعاون في مجال تبادل المعلومات الاستخبارية.")
    v = meeting.values
    assert (v["partner_country_iso3"], v["date"], v["date_basis"]) == ("PAK", "2025-11-26", "explicit")
    assert v["visitor_name_ar"] == "خواجة آصف"
    assert v["visitor_title_ar"] == "وزير الدفاع الباكستاني"
    assert {t.topic_id for t in meeting.topics} == {"intelligence_sharing"}


def test_levantine_month_and_jordanian_chief_of_staff():
    meeting = _only(
        "التقى الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب، في 12 تشرين الثاني 2024، "
        "رئيس هيئة الأركان المشتركة الأردني اللواء الركن يوسف الحنيطي، وناقشا سبل مكافحة التطرف الفكري.")
    v = meeting.values
    assert (v["partner_country_iso3"], v["date"]) == ("JOR", "2024-11-12")
    assert v["visitor_name_ar"] == "يوسف الحنيطي"
    assert "ideology" in {t.topic_id for t in meeting.topics}


def test_organisation_visitor_has_no_country():
    meeting = _only(
        f"{SG}، اليوم، وفداً من منظمة التعاون الإسلامي برئاسة الأمين العام المساعد، في مقر التحالف بالرياض.",
        dt.date(2024, 3, 5))
    v = meeting.values
    assert v.get("partner_country_iso3", "") == ""
    assert v["partner_org_en"] == "Organisation of Islamic Cooperation"
    assert (v["date"], v["date_basis"]) == ("2024-03-05", "relative")


def test_visit_abroad_makes_the_host_country_the_partner():
    meeting = _only(
        "زار الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي "
        "جمهورية إندونيسيا، حيث التقى وزير الدفاع الإندونيسي سجافري سجمسوالدين في جاكرتا أمس.",
        dt.date(2025, 2, 11))
    v = meeting.values
    assert v["event_type"] == "visit_abroad"
    assert v["partner_country_iso3"] == "IDN"
    assert (v["visitor_name_ar"], v["host_title_ar"], v["host_name_ar"]) == (
        "محمد بن سعيد المغيدي", "وزير الدفاع الإندونيسي", "سجافري سجمسوالدين")
    assert (v["date"], v["date_basis"]) == ("2025-02-10", "relative")


def test_agreement_signing():
    meeting = _only(
        "وقع التحالف الإسلامي العسكري لمحاربة الإرهاب مذكرة تفاهم مع مكتب الأمم المتحدة المعني بالمخدرات والجريمة "
        "في الرياض يوم 3 مارس 2025، لتعزيز التعاون في مكافحة تمويل الإرهاب وغسل الأموال.")
    v = meeting.values
    assert v["event_type"] == "agreement"
    assert v["partner_org_en"].startswith("UN Office on Drugs and Crime")
    assert v["date"] == "2025-03-03"
    assert {"partnership_mou", "terror_financing"} <= {t.topic_id for t in meeting.topics}


def test_side_meeting_is_a_second_meeting():
    result = extract_article(
        f"{SG}، اليوم، سفير جمهورية نيجيريا الاتحادية لدى المملكة، في مقر التحالف بالرياض.\n"
        "وعلى هامش اللقاء، التقى الأمين العام الملحق العسكري التشادي العقيد محمد صالح.",
        dt.date(2025, 1, 20))
    partners = [m.values.get("partner_country_iso3") for m in result.meetings]
    assert partners == ["NGA", "TCD"]
    assert all(m.values["date"] == "2025-01-20" for m in result.meetings)


def test_weekday_resolves_against_published_date():
    meeting = _only(f"{SG} يوم الاثنين سفير مملكة البحرين لدى المملكة.", dt.date(2025, 11, 23))
    assert (meeting.values["partner_country_iso3"], meeting.values["date"]) == ("BHR", "2025-11-17")


def test_article_about_something_else_has_no_meeting():
    result = extract_article("ارتفعت أسعار النفط اليوم في الأسواق العالمية بسبب المخاوف من تراجع الإمدادات.")
    assert result.meetings == []
    assert result.messages and "no meeting" in result.messages[0]


def test_no_partner_and_no_date_are_flagged():
    meeting = _only(f"{SG} وفداً رفيع المستوى وبحث معه سبل التعاون.")
    assert {"no_partner", "unknown_date"} <= set(meeting.review_reasons)


def test_two_candidate_countries_are_flagged():
    meeting = _only(f"{SG} اليوم وزير الدفاع التونسي ووزير الدفاع الليبي.", dt.date(2025, 5, 1))
    assert meeting.values["partner_country_iso3"] == "TUN"
    assert "several_partner_countries" in meeting.review_reasons


@pytest.mark.parametrize("text", [
    "وُقِّعَتْ مذكرةُ التفاهم",
    "وقعت مذكرة التفاهم",
], ids=["with diacritics", "without"])
def test_diacritics_do_not_change_sentences(text):
    assert [s.norm for s in split_sentences(normalize(text))] == [normalize("وقعت مذكرة التفاهم")]


def test_english_text_is_read_but_has_no_arabic_meeting():
    result = extract_article("The Secretary-General received the ambassador of Denmark today.")
    assert result.meetings == []
    assert "DNK" in result.mentioned
