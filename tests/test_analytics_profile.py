"""A partner's record (``analytics.profile``): values a staff member reads before a visit."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import pandas as pd
import pytest

from dashboard import analytics
from dashboard.analytics import Filters, Partner
from dashboard.preprocess import schema
from tests.samples import country, meeting, meetings_table

PAK = country("PAK", "باكستان", "Pakistan")
EGY = country("EGY", "مصر", "Egypt")


def _pakistan() -> pd.DataFrame:
    """Pakistan over two years: a defence minister met twice (his name spelt two ways), his successor
    once, the army chief abroad, an undated title-only visit, an agreement; Egypt and a multilateral
    meeting listing both for comparison."""
    return meetings_table([
        meeting("p1-m1", date="2024-03-10", **PAK, visitor_name_ar="خواجة محمد آصف", visitor_title_ar="وزير الدفاع الباكستاني"),
        meeting("p2-m1", date="2024-09-02", **PAK, visitor_name_ar="خواجه محمد اصف", visitor_title_ar="وزير الدفاع"),
        meeting("p3-m1", date="2025-10-12", **PAK, visitor_name_ar="رانا شهباز أختر", visitor_title_ar="وزير الدفاع الباكستاني"),
        meeting("p4-m1", date="2025-06-01", event_type="visit_abroad", **PAK, visitor_name_ar="محمد بن سعيد المغيدي",
                visitor_title_ar="الأمين العام للتحالف", host_name_ar="عاصم منير", host_title_ar="قائد الجيش الباكستاني",
                location_ar="راولبندي"),
        meeting("p5-m1", date="", date_basis="unknown", **PAK, visitor_title_ar="وفد إعلامي باكستاني"),
        meeting("p6-m1", date="2025-06-03", event_type="agreement", **PAK, visitor_name_ar="رانا شهباز أختر",
                visitor_title_ar="وزير الدفاع"),
        meeting("e1-m1", date="2025-06-02", **EGY, visitor_name_ar="عبد المجيد صقر"),
        meeting("e2-m1", date="2023-01-05", **EGY),
        meeting("m1-m1", date="2025-10-20", event_type="multilateral", **EGY, partner_countries_iso3="EGY;PAK"),
    ])


def _topics(pairs: list[tuple[str, str]]) -> pd.DataFrame:
    names = {"military": ("المجال العسكري", "Military"), "media": ("المجال الإعلامي", "Media"),
             "cyber": ("الأمن السيبراني", "Cyber security"), "partnership_mou": ("الشراكات ومذكرات التفاهم", "MoUs")}
    frame = pd.DataFrame([(m, tid, *names[tid], True, "…") for m, tid in pairs],
                         columns=["meeting_id", "topic_id", "topic_ar", "topic_en", "in_account", "evidence"])
    return schema.conform(schema.MEETING_TOPICS, frame)


TOPICS = [("p1-m1", "military"), ("p3-m1", "military"), ("p3-m1", "cyber"), ("p4-m1", "military"),
          ("p6-m1", "partnership_mou"), ("e1-m1", "media"), ("e1-m1", "military"), ("e2-m1", "media"),
          ("m1-m1", "cyber")]


@pytest.fixture
def rows() -> pd.DataFrame:
    return _pakistan()


@pytest.fixture
def topics() -> pd.DataFrame:
    return _topics(TOPICS)


def _of(rows: pd.DataFrame, partner: Partner) -> pd.DataFrame:
    return rows[analytics.partner_mask(rows, partner)]


def test_a_partner_is_found_by_code_or_by_name_in_either_language(rows):
    directory = analytics.partner_directory(rows, "ar")
    pakistan = Partner("country", "PAK")
    for typed in ("PAK", "pak", "Pakistan", "pakistan", "باكستان", "الباكستان", "Pakistn"):
        assert analytics.find_partner(typed, directory) == pakistan, typed
    assert analytics.find_partner("Peru", directory) is None
    assert analytics.find_partner("", directory) is None
    assert directory.set_index("key").loc["PAK", "label"] == "باكستان · Pakistan"
    # The multilateral meeting counts for Pakistan too: seven meetings.
    assert directory.set_index("key").loc["PAK", "meetings"] == 7


def test_the_partner_is_the_single_country_or_organisation_of_the_filters():
    assert analytics.partner_from_filters(Filters(countries=("pak",))) == Partner("country", "PAK")
    assert analytics.partner_from_filters(Filters(organisations=("INTERPOL",))) == Partner("org", "INTERPOL")
    assert analytics.partner_from_filters(Filters(countries=("PAK", "EGY"))) is None
    assert analytics.partner_from_filters(Filters()) is None


def test_profile_links_keep_the_other_filters_and_replace_the_partner():
    filters = Filters(countries=("EGY",), date_from=dt.date(2025, 1, 1), lang="en", count="reports")
    url = analytics.profile_url(Partner("org", "NATO Parliamentary Assembly"), filters)
    assert url == "partner?lang=en&from=2025-01-01&count=reports&org=NATO+Parliamentary+Assembly"
    links = analytics.profile_links(_pakistan(), Filters())
    assert links.iloc[0] == "partner?country=PAK" and links.iloc[-1] == "partner?country=EGY"


def test_headline_counts_meetings_types_and_the_last_agreement(rows):
    figures = analytics.partner_headline(_of(rows, Partner("country", "PAK")))
    assert figures["meetings"] == 7 and figures["undated"] == 1
    assert figures["first_date"] == "2024-03-10" and figures["last_date"] == "2025-10-20"
    assert figures["last_agreement"] == "2025-06-03"
    assert figures["types"] == {"visit_received": 4, "visit_abroad": 1, "agreement": 1, "multilateral": 1}


def test_history_is_newest_first_keeps_undated_and_names_the_partners_side(rows, topics):
    history = analytics.partner_history(_of(rows, Partner("country", "PAK")), topics, "ar")
    assert history["meeting_id"].tolist() == ["m1-m1", "p3-m1", "p6-m1", "p4-m1", "p2-m1", "p1-m1", "p5-m1"]
    abroad = history.set_index("meeting_id").loc["p4-m1"]
    # Abroad, the counterpart is the host; the coalition's side is the visitor.
    assert abroad["counterpart_name"] == "عاصم منير" and abroad["coalition_name"] == "محمد بن سعيد المغيدي"
    assert abroad["location"] == "راولبندي"
    assert history.set_index("meeting_id").loc["p3-m1", "topics"] == "المجال العسكري، الأمن السيبراني"
    assert history.iloc[-1]["date"] == "" and history.iloc[-1]["counterpart_title"] == "وفد إعلامي باكستاني"


def test_history_pages_clamp_to_the_last_page():
    history = pd.DataFrame({"n": range(60)})
    shown, page, pages = analytics.history_page(history, 9, 25)
    assert (page, pages, shown["n"].tolist()) == (3, 3, list(range(50, 60)))
    assert analytics.history_page(history.iloc[:0], 1, 25)[1:] == (1, 1)


def test_people_merge_spelling_variants_and_show_a_change_of_minister(rows, topics):
    history = analytics.partner_history(_of(rows, Partner("country", "PAK")), topics, "ar")
    people = analytics.partner_people(history).set_index("name")
    # خواجة محمد آصف and خواجه محمد اصف are one person, met twice; his successor comes first (met last).
    assert people.index[0] == "رانا شهباز أختر"
    asif = people.loc["خواجة محمد آصف"] if "خواجة محمد آصف" in people.index else people.loc["خواجه محمد اصف"]
    assert asif["meetings"] == 2 and asif["first_date"] == "2024-03-10" and asif["last_date"] == "2024-09-02"
    assert asif["variants"] in ("خواجه محمد اصف", "خواجة محمد آصف")
    assert people.loc["رانا شهباز أختر", "dates"] == "2025-10-12; 2025-06-03"
    # A visit that gives only a title is listed, under its title.
    assert "وفد إعلامي باكستاني" in people["title"].tolist()


def test_topics_against_the_other_partners(rows, topics):
    pakistan = Partner("country", "PAK")
    mine = _of(rows, pakistan)
    comparison = analytics.topic_comparison(mine, topics[analytics.member(topics["meeting_id"], mine["meeting_id"])],
                                            rows, topics, "en").set_index("topic_id")
    # Military: 3 of Pakistan's 7 meetings; 1 of the 2 other (Egypt-only) meetings.
    assert comparison.loc["military", "partner_share"] == pytest.approx(3 / 7)
    assert comparison.loc["military", "others_share"] == pytest.approx(1 / 2)
    assert comparison.loc["media", "partner_share"] == 0 and comparison.loc["media", "others_share"] == 1
    assert comparison.index[-1] == "media"  # raised with others far more than with Pakistan
    assert comparison.loc["cyber", "topic"] == "Cyber security"


def test_agreements_come_with_their_sentence(rows, topics):
    history = analytics.partner_history(_of(rows, Partner("country", "PAK")), topics, "ar")
    evidence = pd.DataFrame({"meeting_id": ["p6-m1", "p3-m1"], "field": ["event_type", "event_type"],
                             "value": ["وقّع", "استقبل"], "start": [0, 0], "end": [1, 1],
                             "sentence": ["ووقّع الجانبان مذكرة تفاهم في مجال التدريب.", "استقبل الأمين العام"]})
    signed = analytics.partner_agreements(history, evidence)
    assert signed["meeting_id"].tolist() == ["p6-m1"]
    assert signed.iloc[0]["date"] == "2025-06-03"
    assert signed.iloc[0]["sentence"] == "ووقّع الجانبان مذكرة تفاهم في مجال التدريب."


def test_related_partners_met_in_the_same_months_on_the_same_topics(rows, topics):
    related = analytics.related_partners(rows, topics, Partner("country", "PAK"), "en")
    # Egypt: military in June 2025, as with Pakistan. The October multilateral meeting lists both, so it is
    # Pakistan's own, not a relation; Egypt's January 2023 meeting is too far from any of Pakistan's.
    assert related["key"].tolist() == ["EGY"]
    egypt = related.iloc[0]
    assert (egypt["meetings"], egypt["topics"], egypt["last_date"]) == (1, "Military", "2025-06-02")
    moved = rows.assign(date=rows["date"].where(rows["meeting_id"] != "e1-m1", "2025-08-02"))
    assert analytics.related_partners(moved, topics, Partner("country", "PAK"), window_months=1).empty
    assert analytics.related_partners(moved, topics, Partner("country", "PAK"), window_months=2)["key"].tolist() == ["EGY"]
    assert analytics.related_partners(rows.iloc[:0], topics, Partner("country", "PAK")).empty


def test_sources_list_every_report_of_each_meeting(rows, topics):
    pakistan = _of(rows, Partner("country", "PAK"))
    history = analytics.partner_history(pakistan.assign(event_id="e-" + pakistan["meeting_id"]), topics, "ar")
    reports = rows.assign(event_id="e-" + rows["meeting_id"])
    second = reports["meeting_id"] == "e2-m1"  # a second report of p3, dated by "yesterday"
    reports.loc[second, "event_id"] = "e-p3-m1"
    reports.loc[second, "date_basis"] = "relative"
    articles = pd.DataFrame({"article_id": rows["article_id"], "file": rows["article_id"] + ".txt", "title": "",
                             "outlet": "واس", "published_date": "", "source_url": ""})
    sources = analytics.history_sources(history, reports, articles)
    assert sources[sources["event_id"] == "e-p3-m1"]["file"].tolist() == ["p3.txt", "e2.txt"]
    assert sources["event_id"].drop_duplicates().tolist() == history["event_id"].tolist()


@pytest.mark.parametrize("a, b, same", [
    ("خواجة محمد آصف", "خواجه محمد اصف", True),  # a spelling variant
    ("قمر جاويد باجوا", "قمر باجوا", True),  # the middle name left out
    ("نديم شودري", "نديم تشودري", True),  # a transliteration's extra letter
    ("عزمان بن حسن", "عزمان حسن", True),
    ("خالد بن سلمان", "خالد بن سلطان", False),  # two men, one letter apart
    ("فهد بن تركي", "تركي بن فهد", False),  # the same words, another man
    ("محمد بن عبد الله", "عبد الله بن محمد", False),
    ("أحمد خان", "محمد خان", False),
])
def test_people_are_one_person_only_when_their_names_agree_word_by_word(a, b, same):
    history = pd.DataFrame({"counterpart_name": [a, b], "counterpart_title": ["وزير الدفاع", "وزير الدفاع"],
                            "date": ["2025-06-01", "2021-02-01"]})
    people = analytics.partner_people(history)
    assert len(people) == (1 if same else 2)
    if same:
        assert people.iloc[0]["meetings"] == 2 and people.iloc[0]["variants"] == b
        assert people.iloc[0]["dates"] == "2025-06-01; 2021-02-01"


def test_a_multilateral_meeting_does_not_name_another_states_official_as_this_partners(rows, topics):
    multilateral = rows.assign(visitor_name_ar=rows["visitor_name_ar"].where(rows["meeting_id"] != "m1-m1",
                                                                             "عبد المجيد صقر"))
    pakistan = Partner("country", "PAK")
    history = analytics.partner_history(_of(multilateral, pakistan), topics, "ar", pakistan).set_index("meeting_id")
    assert history.loc["m1-m1", "counterpart_name"] == "" and history.loc["p3-m1", "counterpart_name"] == "رانا شهباز أختر"
    assert "عبد المجيد صقر" not in analytics.partner_people(history.reset_index())["name"].tolist()
    egypt = Partner("country", "EGY")
    assert "عبد المجيد صقر" in analytics.partner_history(_of(multilateral, egypt), topics, "ar", egypt)[
        "counterpart_name"].tolist()


def test_a_loosely_typed_name_never_finds_another_partner():
    rows = meetings_table([meeting(f"c{i}-m1", date="2025-01-01", **country(code, ar, en)) for i, (code, ar, en) in
                           enumerate([("ROU", "رومانيا", "Romania"), ("SOM", "الصومال", "Somalia"),
                                      ("SSD", "جنوب السودان", "South Sudan"), ("PNG", "بابوا غينيا الجديدة",
                                                                               "Papua New Guinea")])])
    directory = analytics.partner_directory(rows, "en")
    for typed in ("Oman", "Mali", "Sudan", "السودان", "Guinea"):
        assert analytics.find_partner(typed, directory) is None, typed
    assert analytics.find_partner("Somalya", directory) == Partner("country", "SOM")


def test_an_organisation_with_a_comma_in_its_name_survives_the_link():
    unesco = Partner("org", "UN Educational, Scientific and Cultural Organization")
    url = analytics.profile_url(unesco, Filters(organisations=("NATO",), lang="en"))
    query = dict(urllib.parse.parse_qsl(url.split("?", 1)[1]))
    assert analytics.partner_from_filters(analytics.filters_from_query(query)) == unesco
    both = analytics.filters_from_query({"org": "NATO," + unesco.key})
    assert both.organisations == ("NATO", unesco.key)
