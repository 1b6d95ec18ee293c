"""The overview's headline numbers."""

from __future__ import annotations

import samples
from dashboard import analytics
from samples import country, meeting


def test_headline_figures():
    h = analytics.headline_figures(samples.meetings(), samples.topics())
    assert h["meetings"] == 6
    assert h["partner_countries"] == 4
    assert h["organisations"] == 1
    assert h["topics"] == 3
    assert h["undated"] == 1
    assert h["latest_date"] == "2025-11-25"
    assert (h["latest_partner_ar"], h["latest_partner_en"]) == ("المالديف", "Maldives")


def test_empty_input_has_no_latest_meeting():
    assert analytics.headline_figures(samples.meetings().iloc[:0], samples.topics().iloc[:0])["latest_date"] is None


def test_partners_are_counted_as_the_map_and_the_filters_count_them():
    m = samples.multilateral_and_bilateral()
    assert analytics.headline_figures(m, samples.topics().iloc[:0])["partner_countries"] == 3  # PAK, EGY, MDV
    two_spellings = samples.meetings_table([
        meeting("u1-m1", partner_org_ar="مكتب الأمم المتحدة لمكافحة الإرهاب", partner_org_en="UNOCT"),
        meeting("u2-m1", partner_org_ar="مكتب مكافحة الإرهاب الأممي", partner_org_en="UNOCT"),
        meeting("e1-m1", **country("EGY", "مصر", "Egypt")),
    ])
    h = analytics.headline_figures(two_spellings, samples.topics().iloc[:0])
    assert (h["organisations"], h["partner_countries"]) == (1, 1)
