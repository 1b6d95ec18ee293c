"""Topic keywords and their exclusions, on made-up sentences in the style of the reports."""

from __future__ import annotations

import pytest

from dashboard.preprocess import topics
from dashboard.preprocess.lexicon.topics import TAXONOMY
from dashboard.preprocess.normalize import normalize


def _found(sentence: str) -> set[str]:
    return {topic_id for topic_id, _, _ in topics.find_topics(normalize(sentence))}


# (sentence, topics it must raise, topics it must not raise)
CASES = {
    # The coalition's four domains, and "المالية" beside them.
    "four_domain_list": (
        "قدّم الأمين العام شرحاً عن مجالات عمل التحالف الأربعة: الفكري، والإعلامي، ومحاربة تمويل الإرهاب، والعسكري.",
        {"ideology", "media", "terror_financing", "military"}, set()),
    "financial_beside_sibling_domains": (
        "وناقش الاجتماع تنفيذ الاستراتيجيات العسكرية والفكرية والمالية للتحالف.",
        {"military", "ideology", "terror_financing"}, set()),
    "financial_aid_is_not_terror_financing": (
        "وأشاد الوزير بالمساعدات الفنية والمالية التي تقدمها المملكة.",
        set(), {"terror_financing"}),
    "malian_defence_minister_is_not_finance": (
        "وبحث وزير الدفاع المالي مع الأمين العام سبل تطوير التعاون العسكري.",
        {"military"}, {"terror_financing"}),
    "finance_ministry_is_a_body": (
        "وحضر اللقاء الذي تناول المجال العسكري وكيل وزارة المالية.",
        {"military"}, {"terror_financing"}),
    "suspicious_financial_flows": (
        "واتفق الجانبان على رصد التدفقات المالية المشبوهة وتجفيف منابع الجماعات الإرهابية.",
        {"terror_financing"}, set()),
    "paid_by_is_not_terror_financing": (
        "ويأتي البرنامج بتمويل من حكومة المملكة.",
        set(), {"terror_financing"}),
    # Job titles, bodies and visitors are not topics.
    "military_attache_title": (
        "واستقبل الأمين العام الملحق العسكري بسفارة جمهورية إندونيسيا والوفد المرافق له.",
        set(), {"military"}),
    "chief_of_staff_title": (
        "التقى رئيس أركان حرب القوات المسلحة الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب.",
        set(), {"military"}),
    "military_commander_and_delegation": (
        "وصل القائد العسكري للتحالف على رأس وفد عسكري، ضمن جولة يقوم بها التحالف العسكري.",
        set(), {"military"}),
    "military_cooperation": (
        "وبحث الجانبان أوجه التعاون العسكري بين البلدين.",
        {"military"}, set()),
    "intelligence_director_title": (
        "زار مدير الاستخبارات العسكرية العراقية مقر التحالف في الرياض.",
        set(), {"intelligence_sharing", "military"}),
    "intelligence_exchange": (
        "وتركزت المباحثات على تبادل المعلومات الاستخباراتية حول تحركات الخلايا الإرهابية.",
        {"intelligence_sharing"}, set()),
    "military_media_title": (
        "والتقى الأمين العام مدير الإعلام العسكري في وزارة الدفاع.",
        set(), {"media", "military"}),
    "media_delegation_is_the_visitor": (
        "زار وفد إعلامي باكستاني مقر التحالف.",
        set(), {"media"}),
    "flags_are_not_media": (
        "ورُفع علم كينيا إلى جانب أعلام الدول الأعضاء.",
        set(), {"media"}),
    "told_the_press": (
        "وقال لوسائل الإعلام إن الزيارة كانت مثمرة.",
        set(), {"media"}),
    "counter_propaganda": (
        "وتناول اللقاء تنسيق الجهود الإعلامية لمواجهة الدعاية التي تبثها التنظيمات الإرهابية.",
        {"media"}, set()),
    "partnerships_section_title": (
        "استقبل الأمين العام رئيس قسم الشراكات في مكتب الأمم المتحدة لمكافحة الإرهاب.",
        set(), {"partnership_mou"}),
    "memorandum_signed": (
        "ووقّع الجانبان مذكرة تعاون في مجال محاربة الإرهاب.",
        {"partnership_mou"}, set()),
    "regional_mission_name": (
        "التقى الأمين العام رئيس البعثة الإقليمية للجنة الدولية للصليب الأحمر.",
        set(), {"regional_security"}),
    "security_situation_in_the_region": (
        "واستعرض الجانبان الأوضاع الأمنية في منطقة الساحل وتعزيز أمن المنطقة واستقرارها.",
        {"regional_security"}, set()),
    "regional_security_adjective": (
        "وأكد الوزير أهمية تعزيز الأمن الإقليمي ودعم التنسيق بين دول الجوار.",
        {"regional_security"}, set()),
    # Ideology and moderation.
    "extremism": (
        "وعقد الطرفان جلسة عمل تناولت جهود التصدي للإرهاب والتطرف.",
        {"ideology"}, set()),
    "moderation_and_tolerance": (
        "وبحث الجانبان نشر قيم الاعتدال والتسامح ونبذ خطاب الكراهية.",
        {"hate_speech_moderation"}, set()),
    "etidal_centre_name": (
        "وزار الوفد المركز العالمي لمكافحة الفكر المتطرف «اعتدال».",
        set(), {"ideology", "hate_speech_moderation"}),
    # Training.
    "maghrebi_training": (
        "وأبدى التحالف استعداده لتنظيم دورات تكوينية لفائدة الإطارات التونسية.",
        {"training_capacity"}, set()),
    "capacity_building": (
        "وناقش الجانبان تطوير برامج مشتركة لبناء قدرات الدول الأعضاء.",
        {"training_capacity"}, set()),
    "rehabilitation_is_not_training": (
        "وتناول اللقاء تجربة نيجيريا في إعادة تأهيل العناصر المنشقة عن الجماعات الإرهابية.",
        set(), {"training_capacity"}),
    "exchange_of_expertise_is_not_training": (
        "وتتيح المذكرة للطرفين تبادل الخبرات في مجال البحث العلمي.",
        set(), {"training_capacity"}),
    # Maritime, cyber, crime, root causes.
    "navigation_and_piracy": (
        "وبحث الجانبان تأمين الملاحة في مضيق باب المندب ومكافحة القرصنة.",
        {"maritime_security"}, set()),
    "sea_lanes": (
        "وأكد الجانبان أهمية حماية الممرات البحرية من التهديدات الإرهابية.",
        {"maritime_security"}, set()),
    "air_navigation_is_not_maritime": (
        "وتناول اللقاء سلامة الملاحة الجوية في المطارات.",
        set(), {"maritime_security"}),
    "cyber_attacks": (
        "وتناولت المباحثات حماية البنى التحتية الحيوية من الهجمات الإلكترونية وأمن المعلومات.",
        {"cyber"}, {"intelligence_sharing"}),
    "website_is_not_cyber": (
        "ونشر التحالف تفاصيل الزيارة عبر موقعه الإلكتروني.",
        set(), {"cyber"}),
    "smuggling_and_trafficking": (
        "وبحث الجانبان مكافحة تهريب المخدرات والاتجار بالبشر عبر الحدود.",
        {"organized_crime"}, set()),
    "root_causes": (
        "وتناول اللقاء معالجة الأسباب الجذرية للإرهاب، ومنها الفقر والبطالة.",
        {"root_causes"}, set()),
    "coalition_name_alone": (
        "التحالف الإسلامي العسكري لمحاربة الإرهاب",
        set(), {t.topic_id for t in TAXONOMY}),
}


@pytest.mark.parametrize("sentence, raised, not_raised", list(CASES.values()), ids=list(CASES))
def test_topics_of_a_sentence(sentence, raised, not_raised):
    found = _found(sentence)
    assert raised <= found, found
    assert not (not_raised & found), found


def test_spans_index_the_text_and_come_in_order():
    text = normalize("وبحث الجانبان التعاون العسكري، ثم تبادل المعلومات، ومكافحة القرصنة.")
    hits = topics.find_topics(text)
    assert [(t, text[s:e]) for t, s, e in hits] == [
        ("military", "العسكري"), ("intelligence_sharing", "تبادل المعلومات"), ("maritime_security", "القرصنه")]


def test_longest_match_wins():
    # "الجرائم الإلكترونية" is one cyber hit, not organised crime plus cyber.
    hits = topics.find_topics(normalize("مكافحة الجرائم الإلكترونية"))
    assert [t for t, _, _ in hits] == ["cyber"]


def test_a_word_inside_another_word_is_no_match():
    # "الماليزي" is not "المالي", "الصومالية" holds "مالية" only as a suffix.
    assert _found("والتقى وزير الدفاع الماليزي والسفير الصومالي في المجال العسكري") == {"military"}


def test_taxonomy_exports():
    assert [t.topic_id for t in topics.TAXONOMY] == list(topics.TOPICS_BY_ID)
    assert len(topics.TOPICS_BY_ID) == 13
    assert all(t.label_ar and t.label_en and t.patterns for t in topics.TAXONOMY)


def _sort_key(pattern: str) -> str:
    form = normalize(topics.expand_pattern(pattern)[0])
    return form[2:] if form.startswith(("ال", "لل")) else form


@pytest.mark.parametrize("topic", TAXONOMY, ids=lambda t: t.topic_id)
def test_keywords_are_sorted_and_distinct(topic):
    keys = [_sort_key(p) for p in topic.patterns]
    assert keys == sorted(keys)
    assert len(set(topic.patterns)) == len(topic.patterns)


def test_one_automaton_built_once():
    assert topics._automaton() is topics._automaton()


@pytest.mark.parametrize("text, topic", [
    pytest.param("وناقشا سبل مواجهة الجماعات الإرهابية في نشر دعايتها", "media", id="دعايتها"),
    pytest.param("وتناول اللقاء الوضع الأمني في شرق أفريقيا ومنطقة البحيرات العظمى", "regional_security",
                 id="الوضع_الأمني_في_إقليم"),
    pytest.param("ووقع الجانبان برنامجاً تنفيذياً للتعاون في مجال التدريب", "partnership_mou", id="برنامج_تنفيذي"),
])
def test_forms_with_suffixes_and_named_regions(text, topic):
    assert topic in {t for t, _, _ in topics.find_topics(normalize(text))}
