"""Grouping reports into events: copies, independent reports, and look-alikes that must stay apart."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.preprocess import events

STORY = ("استقبل الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي "
         "في مقر التحالف بالرياض وزير الدفاع الماليزي عزمان بن حسن والوفد المرافق له، وبحث الجانبان سبل "
         "تعزيز التعاون في مكافحة القرصنة البحرية وتأمين الملاحة في مضيق ملقا وتبادل المعلومات الاستخبارية، "
         "وأكد الوزير حرص بلاده على الإسهام في مبادرات التحالف وبرامجه التدريبية.")


def _meeting(mid: str, article: str, iso3="MYS", date="2025-02-18", basis="explicit", name="عزمان بن حسن",
             title="وزير الدفاع الماليزي", event_type="visit_received", org="") -> dict:
    return {"meeting_id": mid, "article_id": article, "partner_country_iso3": iso3, "partner_org_en": org,
            "event_type": event_type, "date": date, "date_basis": basis, "visitor_name_ar": name,
            "visitor_title_ar": title, "host_name_ar": "محمد بن سعيد المغيدي", "host_title_ar": "الأمين العام"}


def _group(meetings: list[dict], texts: dict[str, str] | None = None, published: dict[str, str] | None = None,
           previous: pd.Series | None = None) -> dict[str, str]:
    frame = pd.DataFrame(meetings).astype("string")
    ids = frame["article_id"].unique().tolist()
    articles = pd.DataFrame({"article_id": ids, "published_date": [(published or {}).get(a, "") for a in ids]})
    texts = texts or {}
    signatures = pd.Series({a: events.text_signature(texts.get(a, f"نص مختلف تماما رقم {a} " * 3)) for a in ids},
                           dtype="string")
    assigned = events.group_meetings(frame, articles, signatures, previous)
    return dict(zip(assigned["meeting_id"], assigned["event_id"]))


def test_a_syndicated_copy_with_other_site_furniture_is_the_same_event():
    copy = "الرياض (واس)\n" + STORY + "\nاقرأ أيضاً\nشارك هذا الخبر"
    # The copy's extraction missed the name: only the text says it is the same story.
    got = _group([_meeting("a-m1", "a"), _meeting("b-m1", "b", name="", title="", date="", basis="unknown")],
                 texts={"a": STORY, "b": copy})
    assert got["a-m1"] == got["b-m1"]


def test_a_report_that_gives_only_the_title_joins_the_event():
    got = _group([_meeting("a-m1", "a"), _meeting("b-m1", "b", name="", date="2025-02-19", basis="relative")])
    assert got["a-m1"] == got["b-m1"]


def test_a_transliteration_variant_of_the_name_is_the_same_person():
    got = _group([_meeting("a-m1", "a", name="شفيق الرحمن شودري", iso3="BGD", title="رئيس أركان الجيش"),
                  _meeting("b-m1", "b", name="شفيق الرحمن تشودري", iso3="BGD", title="رئيس أركان جيش بنغلاديش")])
    assert got["a-m1"] == got["b-m1"]


@pytest.mark.parametrize("second", [
    pytest.param(_meeting("b-m1", "b", date="2025-03-04"), id="زيارة_ثانية_بعد_أسبوعين"),
    pytest.param(_meeting("b-m1", "b", name="عمر فاروق بن يعقوب", title="قائد قوات الدفاع الماليزية"),
                 id="مسؤول_آخر_في_اليوم_نفسه"),
    pytest.param(_meeting("b-m1", "b", iso3="IDN", title="وزير الدفاع الإندونيسي"), id="شريك_آخر"),
])
def test_look_alike_meetings_stay_apart(second):
    got = _group([_meeting("a-m1", "a"), second])
    assert got["a-m1"] != got["b-m1"]


def test_two_meetings_of_one_article_stay_two_events():
    got = _group([_meeting("a-m1", "a"), _meeting("a-m2", "a")])
    assert got["a-m1"] != got["a-m2"]


def test_a_weak_match_is_flagged_not_merged():
    # Only a title, no date, and one report says the minister came, the other that the coalition went.
    abroad = _meeting("b-m1", "b", name="", date="", basis="unknown", event_type="visit_abroad") | {
        "visitor_name_ar": "محمد بن سعيد المغيدي", "visitor_title_ar": "الأمين العام",
        "host_name_ar": "", "host_title_ar": "وزير الدفاع الماليزي"}
    frame = pd.DataFrame([_meeting("a-m1", "a", name="", date="", basis="unknown"), abroad])
    articles = pd.DataFrame({"article_id": ["a", "b"], "published_date": ["", ""]})
    signatures = pd.Series({"a": events.text_signature("نص أول عن لقاء"), "b": events.text_signature("خبر آخر")})
    assigned = events.group_meetings(frame.astype("string"), articles, signatures).set_index("meeting_id")
    assert assigned.loc["a-m1", "event_id"] != assigned.loc["b-m1", "event_id"]
    assert assigned.loc["a-m1", "possible_same_event"] == "b-m1"
    assert assigned.loc["b-m1", "possible_same_event"] == "a-m1"


def test_an_incremental_run_keeps_events_and_a_new_report_joins_one():
    previous = pd.Series({"a-m1": "e-a-m1", "c-m1": "e-c-m1"})
    got = _group([_meeting("a-m1", "a"), _meeting("c-m1", "c", iso3="PAK", name="خواجة آصف"),
                  _meeting("b-m1", "b", date="2025-02-19", basis="relative", name="عزمان حسن")], previous=previous)
    assert got == {"a-m1": "e-a-m1", "c-m1": "e-c-m1", "b-m1": "e-a-m1"}


def test_an_event_takes_the_best_grounded_report_and_counts_reports_and_outlets():
    meetings = pd.DataFrame([
        _meeting("a-m1", "a", date="2025-02-20", basis="published", name="") | {"event_id": "e1"},
        _meeting("b-m1", "b", date="2025-02-18", basis="explicit", name="") | {"event_id": "e1"},
        _meeting("c-m1", "c", date="2025-02-18", basis="relative", name="عزمان بن حسن") | {"event_id": "e1"},
        _meeting("d-m1", "d", iso3="PAK", name="خواجة آصف") | {"event_id": "e2"},
    ]).assign(date_text="", partner_country_ar="", partner_country_en="", partner_countries_iso3="",
              partner_org_ar="", location_ar="", review_reasons=["", "", "unknown_date", ""]).astype("string")
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "published_date": ["2025-02-20", "2025-02-19", "2025-02-19", "2025-02-19"],
                             "outlet": ["spa.gov.sa", "spa.gov.sa", "bernama.com", ""]})
    topics = pd.DataFrame({"meeting_id": ["a-m1", "b-m1", "c-m1"], "topic_id": ["maritime_security"] * 2 + ["cyber"],
                           "topic_ar": ["أ", "أ", "ب"], "topic_en": ["M", "M", "C"], "in_account": [True, False, True]})
    built, event_topics = events.build_events(meetings, articles, topics)
    e1 = built.set_index("event_id").loc["e1"]
    assert (e1["date"], e1["date_basis"]) == ("2025-02-18", "explicit")
    assert e1["visitor_name_ar"] == "عزمان بن حسن"  # filled from the report that names him
    assert (e1["reports"], e1["outlets"], e1["outlet_names"]) == (3, 2, "bernama.com;spa.gov.sa")
    assert e1["first_reported"] == "2025-02-19"
    assert e1["review_reasons"] == "unknown_date" and bool(e1["needs_review"])
    rows = event_topics.set_index(["event_id", "topic_id"])
    assert rows.loc[("e1", "maritime_security"), "reports"] == 2
    assert bool(rows.loc[("e1", "maritime_security"), "in_account"])
    assert rows.loc[("e1", "maritime_security"), "meeting_ids"] == "a-m1;b-m1"


def test_signatures_made_together_are_datasketch_minhashes_of_each_text():
    """``text_signatures`` permutes many texts' shingles at once in numpy: each result is the MinHash
    datasketch makes of that text's shingle hashes (same scheme, same permutations)."""
    import zlib

    import numpy as np

    from dashboard.preprocess import signature

    texts = [STORY, STORY[::-1], "كلمة", "", "ثلاث كلمات هنا", STORY[:400] + " نص آخر " * 30] * 130
    made = signature.text_signatures(texts)
    assert made == [signature.text_signature(t) for t in texts]
    for text, found in zip(texts[:6], made):
        hashes = signature._shingle_hashes(text)
        if not hashes:
            assert found == ""
            continue
        words = signature._WORD_RE.findall(signature.normalize(text[:signature.MAX_WORDS * 12]))[:signature.MAX_WORDS]
        shingles = {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}
        expected = signature.MinHash(num_perm=signature.NUM_PERM, permutations=signature._permutations(),
                                     scheme=signature.SCHEME, hashfunc=zlib.crc32)
        expected.update_batch(list(shingles))
        assert found == expected.hashvalues.astype(np.uint32).tobytes().hex()
