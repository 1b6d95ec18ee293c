"""Small hand-made meetings and topic tables shared by the chart and analytics tests.

Six meetings: the Maldives (November), Egypt twice (May: a visit abroad and an
agreement), Malaysia (July), Denmark (undated) and the NATO Parliamentary
Assembly (September, an organisation with no country). ``dense`` is eleven
meetings of two partners in early 2025, for the timeline's paging and grouping.
"""

from __future__ import annotations

import pandas as pd

from dashboard.preprocess import schema

NATO_AR = "الجمعية البرلمانية لحلف الناتو (NATO)"
NATO_EN = "NATO Parliamentary Assembly"


def meeting(meeting_id: str, **values) -> dict:
    """A meetings row with every schema column, text columns defaulting to ""."""
    row = {c.name: ("" if c.kind in ("str", "date") else pd.NA) for c in schema.MEETINGS.columns}
    row.update(meeting_id=meeting_id, article_id=meeting_id.split("-")[0], event_type="visit_received",
               date_basis="explicit", needs_review=False)
    row.update(values)
    return row


def country(iso3: str, ar: str, en: str) -> dict:
    return dict(partner_country_iso3=iso3, partner_country_ar=ar, partner_country_en=en)


def meetings_table(rows: list[dict]) -> pd.DataFrame:
    """Rows as a valid ``meetings`` table."""
    frame = pd.concat([schema.empty_frame(schema.MEETINGS), pd.DataFrame(rows)], ignore_index=True)
    out = schema.conform(schema.MEETINGS, frame)
    schema.validate(schema.MEETINGS, out)
    return out


def meetings() -> pd.DataFrame:
    return meetings_table([
        meeting("a1-m1", date="2025-11-25", **country("MDV", "المالديف", "Maldives"),
                visitor_name_ar="محمد غسان مأمون", visitor_title_ar="وزير الدفاع"),
        meeting("a2-m1", date="2025-05-10", event_type="visit_abroad", **country("EGY", "مصر", "Egypt")),
        meeting("a3-m1", date="2025-05-20", event_type="agreement", **country("EGY", "مصر", "Egypt")),
        meeting("a4-m1", date="2025-07-01", **country("MYS", "ماليزيا", "Malaysia")),
        meeting("a5-m1", date="", date_basis="unknown", needs_review=True, review_reasons="unknown_date",
                **country("DNK", "الدنمارك", "Denmark")),
        meeting("a6-m1", date="2025-09-03", event_type="multilateral",
                partner_org_ar=NATO_AR, partner_org_en=NATO_EN),
    ])


def topics() -> pd.DataFrame:
    military = ("military", "المجال العسكري", "Military")
    media = ("media", "المجال الإعلامي", "Media")
    ideology = ("ideology", "المجال الفكري", "Ideology")
    rows = [
        ("a1-m1", *military, True),
        ("a2-m1", *military, True),
        ("a3-m1", *military, False),  # only in the background paragraph
        ("a3-m1", *media, True),
        ("a4-m1", *media, True),
        ("a6-m1", *ideology, False),  # background only
        ("a5-m1", *ideology, True),  # the undated meeting
    ]
    frame = pd.DataFrame(rows, columns=["meeting_id", "topic_id", "topic_ar", "topic_en", "in_account"])
    frame["evidence"] = "…"
    out = schema.conform(schema.MEETING_TOPICS, frame)
    schema.validate(schema.MEETING_TOPICS, out)
    return out


def _dense(meetings_per_partner: dict[tuple[str, str, str], list[str]]) -> pd.DataFrame:
    """Meetings from {(iso3, name_ar, event_type): [dates]}, visitor "زائر <n>" in date order."""
    rows, n = [], 0
    for (iso3, name_ar, event_type), dates in meetings_per_partner.items():
        for date in dates:
            n += 1
            rows.append(meeting(f"d{n}-m1", date=date, event_type=event_type, visitor_name_ar=f"زائر {n}",
                                **country(iso3, name_ar, {"MDV": "Maldives", "BHR": "Bahrain"}[iso3])))
    frame = pd.concat([schema.empty_frame(schema.MEETINGS), pd.DataFrame(rows)], ignore_index=True)
    return schema.conform(schema.MEETINGS, frame)


def dense() -> pd.DataFrame:
    return _dense({
        ("MDV", "المالديف", "visit_received"): ["2025-01-05", "2025-01-09", "2025-01-20", "2025-01-21",
                                                "2025-01-30", "2025-01-31", "2025-02-02", "2025-02-27"],
        ("BHR", "البحرين", "agreement"): ["2025-01-02", "2025-01-15", "2025-03-03"],
    })


def multilateral_and_bilateral() -> pd.DataFrame:
    """Pakistan's multilateral meeting listing Egypt and the Maldives too, and a Maldives visit."""
    return pd.DataFrame({
        "meeting_id": ["m1", "m2"], "date": ["2025-04-24", "2025-05-01"],
        "event_type": ["multilateral", "visit_received"],
        "partner_country_iso3": ["PAK", "MDV"], "partner_country_ar": ["باكستان", "المالديف"],
        "partner_country_en": ["Pakistan", "Maldives"],
        "partner_countries_iso3": ["PAK;EGY;MDV", "MDV"],
        "partner_org_en": ["", ""],
    }).astype("string")
