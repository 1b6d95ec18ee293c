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


# --- frames: who travelled, what kind of meeting, whether the coalition is a party at all ---------------


def test_foreign_host_as_subject_is_a_visit_abroad_with_the_host_as_counterpart():
    meeting = _only(
        "استقبل وزير الدفاع الغاني كوفي مينساه، أمس، في مكتبه بالعاصمة أكرا، الأمين العام للتحالف الإسلامي "
        "العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي والوفد المرافق له.",
        dt.date(2025, 3, 4))
    v = meeting.values
    assert (v["event_type"], v["partner_country_iso3"]) == ("visit_abroad", "GHA")
    assert (v["host_title_ar"], v["host_name_ar"]) == ("وزير الدفاع الغاني", "كوفي مينساه")
    assert v["visitor_name_ar"] == "محمد بن سعيد المغيدي"
    assert (v["date"], v["date_basis"]) == ("2025-03-03", "relative")


def test_a_delegation_arriving_abroad_takes_the_country_of_its_destination():
    meeting = _only(
        "وصل وفد من التحالف الإسلامي العسكري لمحاربة الإرهاب، يوم الأحد، إلى العاصمة الأوغندية كمبالا "
        "في زيارة رسمية، والتقى قائد قوات الدفاع الأوغندية الجنرال موهوزي كاينيروغابا.")
    assert (meeting.values["event_type"], meeting.values["partner_country_iso3"]) == ("visit_abroad", "UGA")


def test_signing_a_memorandum_is_an_agreement():
    meeting = _only(
        "وقّع التحالف الإسلامي العسكري لمحاربة الإرهاب، يوم الاثنين 3 مارس 2025 في مقره بالرياض، "
        "مذكرة تفاهم مع وزارة الدفاع في جمهورية أذربيجان.")
    assert (meeting.values["event_type"], meeting.values["partner_country_iso3"]) == ("agreement", "AZE")
    assert meeting.values["date"] == "2025-03-03"


def test_officers_of_several_named_states_make_a_multilateral_meeting_listing_each():
    meeting = _only(
        "اختتمت في مقر التحالف الإسلامي العسكري لمحاربة الإرهاب بالرياض دورة تدريبية بمشاركة ضباط "
        "من تشاد والنيجر وتوغو وبنين.")
    assert meeting.values["event_type"] == "multilateral"
    assert set(meeting.values["partner_countries_iso3"].split(";")) == {"TCD", "NER", "TGO", "BEN"}


def test_a_delegation_head_is_the_counterpart_not_the_delegation():
    meeting = _only(
        "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي، "
        "في مقر التحالف بالرياض، وفداً من الجامعة الإسلامية في النيجر برئاسة رئيس الجامعة عبدو موموني.")
    assert (meeting.values["visitor_title_ar"], meeting.values["visitor_name_ar"]) == ("رئيس الجامعة", "عبدو موموني")


@pytest.mark.parametrize("text", [
    pytest.param("استقبل قائد القوات المشتركة لتحالف دعم الشرعية في اليمن، أمس، محافظ مأرب، وبحث معه "
                 "الأوضاع الميدانية ودعم التحالف للجيش الوطني.", id="تحالف_دعم_الشرعية"),
    pytest.param("استقبل وزير الدفاع في الرياض اليوم وزير الدفاع التشادي، وبحثا مكافحة الإرهاب.",
                 id="وزير_سعودي_بلا_التحالف"),
    pytest.param("استقبل وزير الداخلية وفد البرلمان العربي، وأشاد بمبادرة المملكة بتأسيس التحالف الإسلامي "
                 "العسكري لمحاربة الإرهاب.", id="ذكر_عابر"),
])
def test_reports_where_the_coalition_is_no_party_yield_nothing(text):
    result = extract_article(text)
    assert result.meetings == []
    assert any("not about a coalition meeting" in m for m in result.messages)


# --- people: where a name starts and ends ----------------------------------------------------------------

_HQ = "في مقر التحالف بالرياض"


@pytest.mark.parametrize("text, title, name", [
    pytest.param(f"{SG}، {_HQ}، كوفي أمواه، رئيس أركان الجيش الغاني، والوفد المرافق له.",
                 "رئيس أركان الجيش الغاني", "كوفي أمواه", id="الاسم_ثم_المنصب"),
    pytest.param(f"{SG}، {_HQ}، قائد القوات الجوية الأردنية العميد محمد حياصات علي والوفد المرافق له.",
                 "قائد القوات الجوية الأردنية", "محمد حياصات علي", id="علي_في_آخر_الاسم"),
    pytest.param(f"{SG}، {_HQ}، وفداً من منظمة الصحة العالمية برئاسة مدير الطوارئ في المنظمة، الكندي جون سميث.",
                 "مدير الطوارئ في المنظمة", "جون سميث", id="الجنسية_قبل_الاسم"),
    pytest.param(f"{SG}، {_HQ}، الفريق أول صالح أحمد، رئيس هيئة الأركان المشتركة السودانية.",
                 "رئيس هيئة الأركان المشتركة السودانية", "صالح أحمد", id="الرتبة_ثم_الاسم_ثم_المنصب"),
    pytest.param(f"{SG}، {_HQ}، نائب وزير الدفاع الماليزي داتو سري أحمد زاهد.",
                 "نائب وزير الدفاع الماليزي", "أحمد زاهد", id="لقب_ماليزي"),
])
def test_counterpart_title_and_name(text, title, name):
    v = _only(text).values
    assert (v["visitor_title_ar"], v["visitor_name_ar"]) == (title, name)


def test_the_signatory_for_the_other_side_is_read_from_the_next_sentence():
    v = _only(
        "وقّع التحالف الإسلامي العسكري لمحاربة الإرهاب، يوم الأحد، مذكرة تفاهم مع جامعة الملك عبدالعزيز. "
        "ووقع المذكرة عن التحالف أمينه العام اللواء الطيار الركن محمد بن سعيد المغيدي، وعن الجامعة "
        "نائب رئيس الجامعة للدراسات العليا الدكتور سامي الحربي.").values
    assert v["event_type"] == "agreement"
    assert (v["visitor_title_ar"], v["visitor_name_ar"]) == ("نائب رئيس الجامعة للدراسات العليا", "سامي الحربي")


def test_a_long_headline_line_in_the_body_is_not_the_meeting():
    result = extract_article(
        "رئيس أركان القوات المسلحة السنغالية يلتقي أمين عام التحالف الإسلامي العسكري لمحاربة الإرهاب في داكار\n\n"
        "التقى الفريق مباي سيسي رئيس أركان القوات المسلحة السنغالية، أمس، في داكار، الأمين العام للتحالف "
        "الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي.", dt.date(2025, 1, 9))
    assert len(result.meetings) == 1
    v = result.meetings[0].values
    assert (v["event_type"], v["partner_country_iso3"]) == ("visit_abroad", "SEN")
    assert (v["host_title_ar"], v["host_name_ar"]) == ("رئيس أركان القوات المسلحة السنغالية", "مباي سيسي")


@pytest.mark.parametrize("text, role, title, name", [
    pytest.param("بحث الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
                 "المغيدي مع وزير الدفاع الأوغندي فنسنت أوغالا سبل التعاون في مكافحة الإرهاب.",
                 "visitor", "وزير الدفاع الأوغندي", "فنسنت أوغالا", id="الاسم_لا_يمتد_إلى_سبل"),
    pytest.param(f"{SG}، في مقر التحالف، سفير جمهورية إندونيسيا لدى المملكة عبدالعزيز أحمد والوفد المرافق له.",
                 "visitor", "سفير جمهورية إندونيسيا لدى المملكة", "عبدالعزيز أحمد", id="المنصب_لا_يلتصق_بالاسم"),
    pytest.param("استقبل وزير الدفاع التشادي داود يوسف وفداً عسكرياً من التحالف الإسلامي العسكري لمحاربة الإرهاب.",
                 "host", "وزير الدفاع التشادي", "داود يوسف", id="المضيف_لا_يبتلع_الوفد"),
    pytest.param(f"{SG}، في مقر التحالف، سفير جمهورية إندونيسيا <script>alert(1)</script> عبدالعزيز أحمد.",
                 "visitor", "سفير جمهورية إندونيسيا", "", id="لا_وسوم_في_المنصب"),
])
def test_names_end_at_the_title_the_verb_or_the_clause(text, role, title, name):
    v = _only(text).values
    assert (v.get(f"{role}_title_ar", ""), v.get(f"{role}_name_ar", "")) == (title, name)
    assert "المغيدي" not in v.get(f"{role}_name_ar", "")


# --- patterns found on reports the rules were not written against ---------------------------------------


def test_secretary_general_written_without_the_article_is_still_the_coalition():
    v = _only("استقبل أمين عام التحالف الإسلامي العسكري لمحاربة الإرهاب، يوم الأحد، في مقر التحالف بالرياض، "
              "سفير جمهورية السنغال لدى المملكة عبدالله ديوب.", dt.date(2025, 6, 3)).values
    assert (v["event_type"], v["partner_country_iso3"], v["visitor_name_ar"]) == ("visit_received", "SEN", "عبدالله ديوب")


def test_a_less_known_capital_names_the_host_country():
    v = _only("التقى الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد "
              "المغيدي، أمس، في بندر سري بكاوان، وزير الدفاع الثاني داتو حلمي يحيى.", dt.date(2025, 6, 3)).values
    assert (v["event_type"], v["partner_country_iso3"]) == ("visit_abroad", "BRN")


def test_a_signatory_named_before_his_title_without_a_rank():
    v = _only("وقّع التحالف الإسلامي العسكري لمحاربة الإرهاب، يوم الاثنين، برنامجاً تنفيذياً للتعاون مع الهيئة "
              "الوطنية لمكافحة الإرهاب في جمهورية باكستان الإسلامية. ووقّع البرنامج عن التحالف أمينه العام، فيما "
              "وقّعه عن الجانب الباكستاني طارق محمود، المنسق الوطني للهيئة.").values
    assert (v["event_type"], v["partner_country_iso3"]) == ("agreement", "PAK")
    assert (v["visitor_name_ar"], v["visitor_title_ar"]) == ("طارق محمود", "المنسق الوطني للهيئة")


def test_the_coalition_named_in_an_aside_is_no_party():
    result = extract_article(
        "استقبل رئيس المفوضية الأفريقية، أمس، وزير خارجية تشاد، وأكد أن المفوضية تتعاون مع عدد من الهيئات "
        "الإقليمية، ومنها التحالف الإسلامي العسكري لمحاربة الإرهاب، في مواجهة التطرف.")
    assert result.meetings == []


def test_a_group_body_is_named_as_the_title():
    v = _only("عقد رؤساء هيئات الأركان في الدول الأعضاء في التحالف الإسلامي العسكري لمحاربة الإرهاب، اليوم، "
              "اجتماعهم الدوري في الرياض.", dt.date(2025, 3, 1)).values
    assert v["event_type"] == "multilateral"
    assert v["partner_org_en"] == "IMCTC member states' chiefs of staff"
    assert v["visitor_title_ar"] == "رؤساء هيئات الأركان في الدول الأعضاء في التحالف الإسلامي العسكري لمحاربة الإرهاب"


def test_a_coalition_office_other_than_its_head_receives_a_visit():
    v = _only("استقبل مدير إدارة التدريب في التحالف الإسلامي العسكري لمحاربة الإرهاب، يوم الخميس، في مقر التحالف "
              "بالرياض، وفداً من جامعة نايف العربية للعلوم الأمنية برئاسة عميدة كلية العلوم الاستراتيجية "
              "الدكتورة هيفاء الدوسري.").values
    assert v["event_type"] == "visit_received"
    assert (v["visitor_title_ar"], v["visitor_name_ar"]) == ("عميدة كلية العلوم الاستراتيجية", "هيفاء الدوسري")


def test_a_date_something_is_planned_for_is_not_the_meeting_date():
    v = _only("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب أمس سفير تونس لدى المملكة هشام "
              "الفوراتي، وبحثا التحضير للاجتماع المقرر عقده يوم 15 ديسمبر 2025.", dt.date(2025, 10, 2)).values
    assert (v["date"], v["date_basis"]) == ("2025-10-01", "relative")


def test_stops_still_to_come_on_a_tour_are_not_meetings():
    result = extract_article(
        "التقى الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب أمس في جاكرتا وزير الدفاع الإندونيسي "
        "سجافري سجمسوالدين. ويزور الأمين العام ماليزيا وبروناي ضمن الجولة نفسها.", dt.date(2025, 3, 2))
    assert [m.values["partner_country_iso3"] for m in result.meetings] == ["IDN"]


def test_a_name_before_its_title_loses_its_honorific_in_either_gender():
    v = _only("استقبلت الدكتورة سلوى بن عمار، وزيرة الشؤون الدينية، يوم الثلاثاء بمقر الوزارة في تونس، الأمين "
              "العام للتحالف الإسلامي العسكري لمحاربة الإرهاب.").values
    assert (v["host_name_ar"], v["host_title_ar"]) == ("سلوى بن عمار", "وزيرة الشؤون الدينية")


def test_mali_after_a_preposition_is_the_country_and_an_organisations_name_raises_no_topic():
    meeting = _only("اختتم التحالف الإسلامي العسكري لمحاربة الإرهاب في مقره بالرياض دورة لفائدة ضباط من مالي "
                    "والنيجر وتشاد، بالتعاون مع مكتب الأمم المتحدة المعني بالمخدرات والجريمة.")
    assert set(meeting.values["partner_countries_iso3"].split(";")) == {"MLI", "NER", "TCD"}
    assert "organized_crime" not in {t.topic_id for t in meeting.topics}


def test_the_two_sides_going_on_about_the_meeting_is_not_another_meeting():
    result = extract_article(
        "استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اليوم سفير تشاد لدى المملكة محمد "
        "علي. وناقش الجانبان سبل التعاون بين مكتب الأمم المتحدة لمكافحة الإرهاب والتحالف الإسلامي.",
        dt.date(2025, 3, 1))
    assert [m.values.get("partner_country_iso3") for m in result.meetings] == ["TCD"]
