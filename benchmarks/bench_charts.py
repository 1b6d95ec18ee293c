"""Time every chart builder on 10,000 synthetic meetings.

Run with ``python -m benchmarks.bench_charts``. The data are random but
reproducible (``random.Random(42)`` and ``numpy.random.default_rng(42)``) and
conform to ``schema``: ~120 partner countries, a dozen organisations, 13
topics, 1-3 topics per meeting (a quarter of them background-only), 5% of
meetings undated, 5% with mixed Arabic/Latin names so the bidi path is
exercised.

The budget is 300 ms for a page's figures (a rerun of a page builds only its
own, and ``ui.shared`` keeps them for the next session opening the same view);
the sum over every builder is printed too. Each builder is run once to warm
caches (templates, the bidi character class) and then timed as the best of
seven repeats (the minimum is the least sensitive to other processes competing
for the CPU).
"""

from __future__ import annotations

import random
import time

import numpy as np
import pandas as pd

from dashboard import analytics, charts
from dashboard.centroids import CENTROIDS
from dashboard.preprocess import schema

N_MEETINGS = 10_000
BUDGET_MS = 300.0

_TOPICS = (
    ("ideology", "المجال الفكري", "Ideology"),
    ("media", "المجال الإعلامي", "Media"),
    ("terror_financing", "محاربة تمويل الإرهاب", "Terror financing"),
    ("military", "المجال العسكري", "Military"),
    ("intelligence_sharing", "تبادل المعلومات الاستخبارية", "Intelligence sharing"),
    ("training_capacity", "التدريب وبناء القدرات", "Training and capacity building"),
    ("maritime_security", "الأمن البحري", "Maritime security"),
    ("organized_crime", "الجريمة المنظمة", "Organised crime"),
    ("cyber", "الأمن السيبراني", "Cyber"),
    ("hate_speech_moderation", "مكافحة خطاب الكراهية والاعتدال", "Hate speech, moderation and tolerance"),
    ("partnership_mou", "الشراكات ومذكرات التفاهم", "Partnerships and MoUs"),
    ("regional_security", "الأمن الإقليمي", "Regional security"),
    ("root_causes", "معالجة الأسباب الجذرية", "Root causes"),
)
_ORGS = (
    ("الجمعية البرلمانية لحلف الناتو (NATO PA)", "NATO Parliamentary Assembly"),
    ("مكتب الأمم المتحدة لمكافحة الإرهاب", "UN Office of Counter-Terrorism"),
    ("الاتحاد الأوروبي", "European Union"),
    ("منظمة التعاون الإسلامي", "Organisation of Islamic Cooperation"),
    ("جامعة الدول العربية", "League of Arab States"),
    ("الاتحاد الأفريقي", "African Union"),
    ("الإنتربول", "INTERPOL"),
    ("مجلس التعاون لدول الخليج العربية", "Gulf Cooperation Council"),
    ("المنتدى العالمي لمكافحة الإرهاب (GCTF)", "Global Counterterrorism Forum"),
    ("حلف شمال الأطلسي", "NATO"),
    ("منظمة الأمن والتعاون في أوروبا", "OSCE"),
    ("مجموعة العمل المالي (FATF)", "FATF"),
)
_FIRST = ("محمد", "أحمد", "عبدالله", "خالد", "سلطان", "فهد", "عمر", "يوسف", "إبراهيم", "علي")
_LAST = ("العتيبي", "الشمري", "القحطاني", "المالكي", "الحربي", "الزهراني", "الدوسري", "الغامدي")
_TITLES = ("وزير الدفاع", "رئيس الأركان", "السفير", "الملحق العسكري", "نائب وزير الخارجية", "قائد القوات البحرية")


def synthetic_tables(n: int = N_MEETINGS, seed: int = 42) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build conforming ``meetings`` and ``meeting_topics`` tables.

    Args:
        n: number of meetings.
        seed: seed for both random generators.

    Returns:
        ``(meetings, meeting_topics)``, conformed to the schema.
    """
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    isos = sorted(CENTROIDS)[:: 2][:120]
    country_names = {iso: (f"دولة {iso}", f"Country {iso}") for iso in isos}
    for iso, ar, en in (("MDV", "المالديف", "Maldives"), ("EGY", "مصر", "Egypt"),
                        ("MYS", "ماليزيا", "Malaysia"), ("DNK", "الدنمارك", "Denmark")):
        country_names[iso] = (ar, en)
    isos = sorted(country_names)

    ids = np.array([f"{i:016x}-m1" for i in range(n)], dtype=object)
    is_org = rng.random(n) < 0.15
    iso = np.where(is_org, "", rng.choice(np.array(isos, dtype=object), n))
    org_idx = rng.integers(0, len(_ORGS), n)
    org_ar = np.where(is_org, np.array([o[0] for o in _ORGS], dtype=object)[org_idx], "")
    org_en = np.where(is_org, np.array([o[1] for o in _ORGS], dtype=object)[org_idx], "")
    c_ar = np.array([country_names[c][0] if c else "" for c in iso], dtype=object)
    c_en = np.array([country_names[c][1] if c else "" for c in iso], dtype=object)
    start = np.datetime64("2021-01-01")
    days = rng.integers(0, 5 * 365, n)
    dates = np.datetime_as_string(start + days.astype("timedelta64[D]"), unit="D").astype(object)
    undated = rng.random(n) < 0.05
    dates[undated] = ""
    events = rng.choice(np.array(schema.EVENT_TYPES, dtype=object), n, p=[0.45, 0.2, 0.1, 0.15, 0.1])
    visitors = np.array([f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}" for _ in range(n)], dtype=object)
    mixed = rng.random(n) < 0.05
    visitors[mixed] = visitors[mixed] + " (Gen.)"
    titles = np.array([rnd.choice(_TITLES) for _ in range(n)], dtype=object)
    meetings = pd.DataFrame({
        "meeting_id": ids, "article_id": [i[:16] for i in ids], "event_type": events, "date": dates,
        "date_basis": np.where(undated, "unknown", "explicit"), "date_text": "",
        "partner_country_iso3": iso, "partner_country_ar": c_ar, "partner_country_en": c_en, "partner_countries_iso3": iso,
        "partner_org_ar": org_ar, "partner_org_en": org_en,
        "visitor_name_ar": visitors, "visitor_title_ar": titles,
        "host_name_ar": "", "host_title_ar": "", "location_ar": "مقر التحالف بالرياض",
        "needs_review": undated, "review_reasons": np.where(undated, "unknown_date", ""),
    })
    per = rng.integers(1, 4, n)
    mt_ids = np.repeat(ids, per)
    topic_idx = rng.integers(0, len(_TOPICS), len(mt_ids))
    topics = pd.DataFrame({
        "meeting_id": mt_ids,
        "topic_id": np.array([t[0] for t in _TOPICS], dtype=object)[topic_idx],
        "topic_ar": np.array([t[1] for t in _TOPICS], dtype=object)[topic_idx],
        "topic_en": np.array([t[2] for t in _TOPICS], dtype=object)[topic_idx],
        "in_account": rng.random(len(mt_ids)) >= 0.25,
        "evidence": "",
    }).drop_duplicates(["meeting_id", "topic_id"])
    return schema.conform(schema.MEETINGS, meetings), schema.conform(schema.MEETING_TOPICS, topics)


def _time(fn, repeats: int = 7) -> float:
    """Best wall time of ``fn()`` in milliseconds, after one warm-up call."""
    fn()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000.0


def main() -> None:
    """Print the build time of every figure for Arabic and English, and the totals."""
    t0 = time.perf_counter()
    meetings, topics = synthetic_tables()
    print(f"synthetic data: {len(meetings):,} meetings, {len(topics):,} topic rows "
          f"({(time.perf_counter() - t0) * 1000:.0f} ms to generate)")
    first_page = meetings[analytics.timeline_partner_pages(meetings)[0][0]]
    builders = {
        "partner_map": lambda lang: charts.partner_map(meetings, lang),
        "organisation_counts": lambda lang: analytics.organisation_counts(meetings, lang),
        "country_counts": lambda lang: analytics.country_counts(meetings, lang),
        "timeline_partner_pages": lambda lang: analytics.timeline_partner_pages(meetings),
        # The timeline page draws 40 partners at a time; slides and exports draw every partner on
        # one chart, grouped past 3,000 markers.
        "visits_timeline_page": lambda lang: charts.visits_timeline(first_page, lang),
        "visits_timeline_all": lambda lang: charts.visits_timeline(meetings, lang),
        "undated_meetings": lambda lang: analytics.undated_meetings(meetings),
        "monthly_bar": lambda lang: charts.monthly_bar(meetings, lang),
        "topic_bars": lambda lang: charts.topic_bars(topics, lang),
        "topic_partner_heatmap": lambda lang: charts.topic_partner_heatmap(meetings, topics, lang),
        "topics_over_time": lambda lang: charts.topics_over_time(meetings, topics, lang),
        "headline_figures": lambda lang: analytics.headline_figures(meetings, topics),
    }
    pages = {
        "overview": ("headline_figures", "partner_map", "monthly_bar", "topic_bars"),
        "map": ("partner_map", "organisation_counts", "country_counts"),
        "timeline": ("timeline_partner_pages", "visits_timeline_page", "monthly_bar", "undated_meetings"),
        "topics": ("topic_bars", "topic_partner_heatmap", "topics_over_time"),
    }
    for lang in ("ar", "en"):
        print(f"\n[{lang}]")
        times = {name: _time(lambda: build(lang)) for name, build in builders.items()}
        for name, ms in times.items():
            print(f"  {name:<24}{ms:8.1f} ms")
        print(f"  {'every builder':<24}{sum(times.values()):8.1f} ms")
        for page, names in pages.items():
            total = sum(times[name] for name in names)
            verdict = "OK" if total < BUDGET_MS else "OVER BUDGET"
            print(f"  page {page:<19}{total:8.1f} ms  (budget {BUDGET_MS:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
