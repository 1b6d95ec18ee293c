"""The dashboard counts events: one row per real meeting, however many outlets reported it."""

from __future__ import annotations

import pandas as pd

from dashboard import analytics
from dashboard.analytics.events import event_reports, event_view


def _tables():
    meetings = pd.DataFrame({
        "meeting_id": ["a-m1", "b-m1", "c-m1"], "article_id": ["a", "b", "c"], "event_id": ["e1", "e1", "e2"],
        "event_type": ["visit_received"] * 3, "date": ["2025-02-20", "2025-02-18", "2025-03-01"],
        "date_basis": ["published", "explicit", "explicit"], "date_text": ["", "18 فبراير", ""],
        "partner_country_iso3": ["MYS", "MYS", "PAK"], "partner_country_ar": ["ماليزيا", "ماليزيا", "باكستان"],
        "partner_country_en": ["Malaysia", "Malaysia", "Pakistan"], "partner_countries_iso3": ["MYS", "MYS", "PAK"],
        "partner_org_ar": ["", "", ""], "partner_org_en": ["", "", ""], "location_ar": ["", "الرياض", ""],
        "visitor_name_ar": ["عزمان بن حسن", "", "خواجة آصف"], "visitor_title_ar": ["وزير الدفاع"] * 3,
        "host_name_ar": [""] * 3, "host_title_ar": [""] * 3, "needs_review": [False] * 3,
        "review_reasons": ["", "", ""],
    }).astype({"needs_review": "boolean"})
    topics = pd.DataFrame({"meeting_id": ["a-m1", "b-m1", "c-m1"], "topic_id": ["cyber", "cyber", "military"],
                           "topic_ar": ["س", "س", "ع"], "topic_en": ["Cyber", "Cyber", "Military"],
                           "in_account": [True, True, True], "evidence": ["جملة أ", "جملة ب", "جملة ج"]})
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "file": ["a.txt", "b.txt", "c.txt"],
                             "outlet": ["spa.gov.sa", "bernama.com", "dawn.com"],
                             "published_date": ["2025-02-20", "2025-02-19", "2025-03-02"], "source_url": ""})
    return meetings, topics, articles


def test_every_count_is_of_events_with_their_reports_and_outlets():
    meetings, topics, articles = _tables()
    rows, event_topics = event_view(meetings, topics, articles)
    assert len(rows) == 2
    malaysia = rows.set_index("event_id").loc["e1"]
    assert (malaysia["meeting_id"], malaysia["date"], malaysia["date_basis"]) == ("b-m1", "2025-02-18", "explicit")
    assert malaysia["visitor_name_ar"] == "عزمان بن حسن"
    assert (malaysia["reports"], malaysia["outlets"]) == (2, 2)
    assert event_topics[["meeting_id", "topic_id"]].values.tolist() == [["b-m1", "cyber"], ["c-m1", "military"]]
    assert event_topics.set_index("topic_id").loc["cyber", "evidence"] == "جملة ب"
    assert analytics.country_counts(rows).set_index("iso3")["meetings"].to_dict() == {"MYS": 1, "PAK": 1}


def test_tables_without_events_count_each_report_once():
    meetings, topics, articles = _tables()
    rows, _ = event_view(meetings.drop(columns="event_id"), topics, articles)
    assert len(rows) == 3 and rows["reports"].tolist() == [1, 1, 1]


def test_the_reports_of_an_event_side_by_side_best_grounded_first():
    meetings, _, articles = _tables()
    reports = event_reports(meetings, articles, "e1")
    assert reports["file"].tolist() == ["b.txt", "a.txt"]
    assert reports["outlet"].tolist() == ["bernama.com", "spa.gov.sa"]
