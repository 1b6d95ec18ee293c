"""Who each meeting was with: one rule for the map, the filters, the counts, the tables and the slides."""

from __future__ import annotations

import pandas as pd
import pytest

import samples
from dashboard import analytics, presentation, tables
from dashboard.analytics import Filters, apply_filters
from dashboard.preprocess import schema
from samples import NATO_AR, NATO_EN, country, meeting


def test_organisations_are_listed_with_their_meetings(meetings):
    orgs = analytics.organisation_counts(meetings, "en")
    assert orgs["organisation"].tolist() == [NATO_EN]
    assert orgs["meetings"].tolist() == [1]
    assert orgs["last_date"].tolist() == ["2025-09-03"]
    assert analytics.organisation_counts(meetings, "ar")["organisation"].tolist() == [NATO_AR]


def test_country_counts_last_date_ignores_undated(meetings):
    cc = analytics.country_counts(meetings, "en").set_index("iso3")
    assert cc.loc["EGY", "last_date"] == "2025-05-20"
    assert cc.loc["DNK", "last_date"] == ""  # counted, but never dated
    assert cc.loc["DNK", "meetings"] == 1


def test_the_country_counts_count_a_multilateral_meeting_under_each_of_its_states():
    counts = analytics.country_counts(samples.multilateral_and_bilateral(), "en").set_index("iso3")
    assert counts["meetings"].to_dict() == {"MDV": 2, "EGY": 1, "PAK": 1}
    assert counts.loc["MDV", "last_date"] == "2025-05-01"
    assert counts.loc["EGY", "name"] == "Egypt"


def test_empty_input_gives_empty_counts(meetings):
    assert analytics.organisation_counts(meetings.iloc[:0]).empty
    assert analytics.country_counts(meetings.iloc[:0]).empty


@pytest.fixture
def one_organisation_two_spellings() -> pd.DataFrame:
    """UNOCT written two ways in Arabic, a UN body known only in Arabic, and a ministry of Egypt."""
    return samples.meetings_table([
        meeting("u1-m1", date="2025-03-01", partner_org_ar="مكتب الأمم المتحدة لمكافحة الإرهاب",
                partner_org_en="UNOCT"),
        meeting("u2-m1", date="2025-04-01", partner_org_ar="مكتب مكافحة الإرهاب الأممي", partner_org_en="UNOCT"),
        meeting("u3-m1", date="", partner_org_ar="هيئة أممية"),
        meeting("e1-m1", date="2025-05-01", **country("EGY", "مصر", "Egypt"),
                partner_org_ar="وزارة الدفاع المصرية", partner_org_en="Ministry of Defence of Egypt"),
    ])


def test_an_organisation_is_counted_by_its_english_name_the_filters_key(one_organisation_two_spellings):
    m = one_organisation_two_spellings
    counts = analytics.organisation_counts(m, "en").set_index("key")
    assert counts.loc["UNOCT", "meetings"] == 2  # one organisation, however its Arabic name was written
    assert counts.loc["UNOCT", "last_date"] == "2025-04-01"
    assert counts.loc["هيئة أممية", "organisation"] == "هيئة أممية"  # no English name: the Arabic one stands in
    arabic = analytics.organisation_counts(m, "ar").set_index("key")
    assert arabic.loc["UNOCT", "organisation"] == "مكتب الأمم المتحدة لمكافحة الإرهاب"  # shown in the page's language
    # The filter's options are the same keys, and choosing one keeps what the count counted.
    names = analytics.organisation_names(m, "ar")
    assert set(names) == set(counts.index) and names["UNOCT"] == arabic.loc["UNOCT", "organisation"]
    for key, row in counts.iterrows():
        kept = apply_filters(m, schema.empty_frame(schema.MEETING_TOPICS), Filters(organisations=(key,)))
        assert len(kept) == row["meetings"], key


def test_one_display_name_per_meeting(one_organisation_two_spellings, meetings):
    m = pd.concat([meetings, one_organisation_two_spellings], ignore_index=True)
    m.loc[m["meeting_id"] == "a4-m1", "partner_country_en"] = pd.NA  # Malaysia known only in Arabic
    m = pd.concat([m, samples.meetings_table([meeting("x1-m1", date="2025-06-01")])], ignore_index=True)
    en = dict(zip(m["meeting_id"], analytics.partner_labels(m, "en")))
    assert en["a1-m1"] == "Maldives" and en["a6-m1"] == NATO_EN and en["u1-m1"] == "UNOCT"
    assert en["e1-m1"] == "Egypt"  # the country first, as on the map
    assert en["a4-m1"] == "ماليزيا"  # the other language fills a gap
    assert en["x1-m1"] == "Unidentified partner"
    assert analytics.partner_labels(m, "ar")[0] == "المالديف"
    # Tables, where there is room, name the organisation beside its country.
    tabled = dict(zip(m["meeting_id"], analytics.partner_labels(m, "ar", with_organisation=True)))
    assert tabled["e1-m1"] == "مصر / وزارة الدفاع المصرية" and tabled["a1-m1"] == "المالديف"
    shown = tables.meetings_for_display(m, "en")
    assert "Egypt / Ministry of Defence of Egypt" in shown["Partner"].tolist()


def test_the_country_filter_options_are_the_countries_on_the_map():
    m = samples.multilateral_and_bilateral()
    assert analytics.country_names(m, "en") == {"EGY": "Egypt", "MDV": "Maldives", "PAK": "Pakistan"}
    assert list(analytics.country_names(m, "ar")) == ["MDV", "PAK", "EGY"]  # sorted by the Arabic name


def test_a_partner_slide_has_every_meeting_the_map_counts_for_that_country():
    m = samples.multilateral_and_bilateral()
    deck = presentation.slides(m, "en")
    assert [s.iso3 for s in deck if s.kind == "partner"] == ["MDV", "EGY", "PAK"]
    assert presentation.partner_meetings(m, "EGY")["meeting_id"].tolist() == ["m1"]
    assert presentation.partner_meetings(m, "mdv")["meeting_id"].tolist() == ["m1", "m2"]
