"""User-interface strings in Arabic and English, month names and date formatting.

Arabic is the primary language; English is a full translation, not a
fallback. ``t(key, lang)`` is the only way pages and charts get UI text, so a
missing translation shows up as the key itself (visible and greppable) rather
than as an exception in front of a user.

Month names come from the reviewed table in ``dashboard.preprocess.dates``.
Plotly's Arabic locale is not used for dates: it names May ``مارس`` (March),
and its abbreviations are not the forms used in the Gulf press.

Strings returned here are plain logical-order text; charts pass them through
``dashboard.rtl.browser_label`` themselves.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pandas as pd

from dashboard.preprocess import dates

__all__ = [
    "LANGS",
    "DEFAULT_LANG",
    "STRINGS",
    "MONTH_LABELS_AR",
    "MONTH_LABELS_EN",
    "MONTH_LABELS_EN_FULL",
    "EVENT_TYPE_KEYS",
    "DATE_BASIS_KEYS",
    "t",
    "is_rtl",
    "list_sep",
    "event_type_label",
    "date_basis_label",
    "month_label",
    "date_label",
    "month_labels",
    "date_labels",
]

LANGS = ("ar", "en")
DEFAULT_LANG = "ar"

#: Reviewed Gregorian month names, as written in Saudi and Egyptian media: the same table the
#: date parser reads, so what is parsed and what is shown cannot drift apart.
MONTH_LABELS_AR = dates.MONTH_LABELS_AR
#: Short English month names for ticks ("Nov 2025").
MONTH_LABELS_EN: dict[int, str] = {
    1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 5: "May", 6: "Jun",
    7: "Jul", 8: "Aug", 9: "Sep", 10: "Oct", 11: "Nov", 12: "Dec",
}
#: Full English month names, for prose.
MONTH_LABELS_EN_FULL: dict[int, str] = {
    1: "January", 2: "February", 3: "March", 4: "April", 5: "May", 6: "June",
    7: "July", 8: "August", 9: "September", 10: "October", 11: "November", 12: "December",
}

_MONTHS = {"ar": MONTH_LABELS_AR, "en": MONTH_LABELS_EN}

#: Translation key of each ``schema.EVENT_TYPES`` code.
EVENT_TYPE_KEYS = {
    "visit_received": "event_visit_received",
    "visit_abroad": "event_visit_abroad",
    "agreement": "event_agreement",
    "multilateral": "event_multilateral",
    "other": "event_other",
}
#: Translation key of each ``schema.DATE_BASES`` code.
DATE_BASIS_KEYS = {
    "explicit": "basis_explicit",
    "relative": "basis_relative",
    "published": "basis_published",
    "unknown": "basis_unknown",
    "corrected": "basis_corrected",
}

# key -> (Arabic, English). Pages may add keys with ``STRINGS.update``.
STRINGS: dict[str, tuple[str, str]] = {
    # ---- application and pages
    "app_title": ("لوحة الارتباطات الدبلوماسية للتحالف", "IMCTC Diplomatic Engagements"),
    "app_subtitle": (
        "التحالف الإسلامي العسكري لمحاربة الإرهاب",
        "Islamic Military Counter Terrorism Coalition",
    ),
    "page_overview": ("نظرة عامة", "Overview"),
    "page_map": ("خريطة الشركاء", "Partner map"),
    "page_timeline": ("الخط الزمني للزيارات", "Visits timeline"),
    "page_topics": ("الموضوعات", "Topics"),
    "page_meetings": ("الاجتماعات", "Meetings"),
    "page_review": ("المراجعة", "Review"),
    "page_sources": ("المصادر", "Sources"),
    "page_data": ("البيانات", "Data"),
    "page_about": ("حول اللوحة", "About"),
    "page_quality": ("جودة البيانات", "Data quality"),
    "page_partner": ("ملف الشريك", "Partner profile"),
    # ---- partner profile
    "partner_title": ("ملف الشريك: {name}", "Partner profile: {name}"),
    "partner_pick": ("الشريك", "Partner"),
    "partner_pick_help": ("اكتب الاسم بالعربية أو بالإنجليزية أو رمز الدولة", "Type a name in Arabic or English, or a country code"),
    "partner_pick_placeholder": ("ابحث عن دولة أو منظمة", "Search for a country or organisation"),
    "partner_choose": (
        "اختر شريكًا لعرض ملفه، أو انقر دولةً على الخريطة، أو افتح الملف من أي جدول.",
        "Choose a partner to see its profile, or click a country on the map, or open it from any table.",
    ),
    "partner_none_in_filters": (
        "لا توجد اجتماعات مع {name} ضمن عوامل التصفية الحالية.",
        "No meetings with {name} match the current filters.",
    ),
    "partner_unknown": (
        "لا يوجد شريك باسم {name} في البيانات: اختر شريكًا من القائمة.",
        "No partner called {name} is in the data: choose one from the list.",
    ),
    "metric_first_meeting": ("أول اجتماع", "First meeting"),
    "metric_last_meeting": ("آخر اجتماع", "Last meeting"),
    "metric_last_agreement": ("آخر اتفاقية", "Last agreement"),
    "partner_types": ("أنواع الاجتماعات", "Meeting types"),
    "partner_undated": ("منها بدون تاريخ: {n}", "of which undated: {n}"),
    "partner_history": ("سجل الاجتماعات", "Meeting history"),
    "partner_history_caption": (
        "الأحدث أولًا؛ الاجتماعات غير المؤرخة في آخر السجل. افتح المصدر لقراءة التقرير وتقارير اللقاء نفسه.",
        "Newest first; undated meetings at the end. Open a source to read the report and the other reports of the meeting.",
    ),
    "history_page": ("الصفحة", "Page"),
    "history_page_of": ("الصفحة {page} من {pages} ({n} اجتماعًا)", "Page {page} of {pages} ({n} meetings)"),
    "partner_people": ("الشخصيات التي التُقي بها", "People met"),
    "partner_people_caption": (
        "تهجئات الاسم الواحد مدموجة في سطر واحد، والأحدث لقاءً أولًا: يظهر تغيّر الوزير أو القائد من النظرة الأولى.",
        "Spellings of one name are merged into one row, most recently met first: a change of minister or chief shows at a glance.",
    ),
    "partner_topics": ("الموضوعات", "Topics"),
    "partner_agreements": ("الاتفاقيات ومذكرات التفاهم", "Agreements and MoUs"),
    "partner_no_agreements": ("لم تُسجَّل اتفاقيات مع هذا الشريك ضمن عوامل التصفية.",
                              "No agreement with this partner matches the filters."),
    "partner_related": ("شركاء ذوو صلة", "Related partners"),
    "partner_related_caption": (
        "شركاء التُقي بهم في الفترة نفسها (في حدود شهر من اجتماعات هذا الشريك) وطُرحت معهم الموضوعات نفسها.",
        "Partners met in the same period (within a month of this partner's meetings) on the same topics.",
    ),
    "partner_no_related": ("لا يوجد شركاء ذوو صلة ضمن عوامل التصفية.", "No related partner matches the filters."),
    "partner_briefing": ("ملف الإحاطة", "Briefing pack"),
    "partner_briefing_caption": (
        "عرض قصير عن هذا الشريك: الأرقام الرئيسية، سجل الاجتماعات، الشخصيات، الموضوعات، الاتفاقيات والمصادر.",
        "A short deck on this partner: headline, meeting history, people, topics, agreements and sources.",
    ),
    "partner_history_more": ("اجتماعات أخرى في ملف الشريك على اللوحة: {n}", "More meetings in the partner's profile on the dashboard: {n}"),
    "open_profile": ("فتح الملف", "Open profile"),
    "partner_present": ("عرض الملف على الشاشة", "Present this profile"),
    "open_source": ("فتح المصدر", "Open source"),
    "col_profile": ("ملف الشريك", "Profile"),
    "col_sources": ("المصادر", "Sources"),
    "col_counterpart": ("الشخصية", "Counterpart"),
    "col_counterpart_title": ("صفتها", "Title"),
    "col_coalition_side": ("من جانب التحالف", "Coalition side"),
    "col_name": ("الاسم", "Name"),
    "col_variants": ("تهجئات أخرى", "Other spellings"),
    "col_titles": ("الصفات", "Titles"),
    "col_first_met": ("أول لقاء", "First met"),
    "col_last_met": ("آخر لقاء", "Last met"),
    "col_dates_met": ("تواريخ اللقاء", "Dates met"),
    "col_shared_topics": ("الموضوعات المشتركة", "Shared topics"),
    "col_related_meetings": ("اجتماعات في الفترة نفسها", "Meetings in the period"),
    "name_not_given": ("(الاسم غير مذكور)", "(name not given)"),
    "chart_topic_comparison": ("الموضوعات مقارنةً ببقية الشركاء", "Topics against the other partners"),
    "chart_topic_comparison_sub": ("نسبة الاجتماعات التي طُرح فيها كل موضوع", "Share of meetings that raised each topic"),
    "chart_people": ("الشخصيات عبر الزمن", "Counterparts over time"),
    "axis_share_of_meetings": ("نسبة الاجتماعات", "Share of meetings"),
    "points_difference": ("الفرق: {n} نقطة مئوية", "Difference: {n} percentage points"),
    "map_click_profile": ("انقر دولةً لفتح ملفها.", "Click a country to open its profile."),
    # ---- presentation
    "page_present": ("وضع العرض", "Presentation"),
    "present_headline": ("أرقام رئيسية", "Headline figures"),
    "present_prev": ("السابق", "Previous"),
    "present_next": ("التالي", "Next"),
    "present_auto": ("تقديم تلقائي", "Auto-advance"),
    "present_interval": ("كل (ثانية)", "Every (seconds)"),
    "present_exit": ("إنهاء العرض", "Exit presentation"),
    "present_partner_meetings": ("الاجتماعات", "Meetings"),
    "present_top_topics": ("يُعرض أكثر {n} موضوعًا تكرارًا من أصل {total}.",
                           "Showing the {n} most frequent of {total} topics."),
    "present_more_meetings": ("اجتماعات أخرى في صفحة البيانات: {n}", "More meetings on the Data page: {n}"),
    # ---- export
    "export_title": ("عرض تقديمي للعرض الحالي", "Slide deck of the current view"),
    "export_caption": (
        "شريحة لكل رسم بياني، مع عوامل التصفية المطبقة وتاريخ التصدير.",
        "One slide per chart, with the filters applied and the export date.",
    ),
    "download_pptx": ("تنزيل PowerPoint", "Download PowerPoint"),
    "download_pdf": ("تنزيل PDF", "Download PDF"),
    "export_no_browser": (
        "يتطلب إنشاء العرض متصفح Chromium على الخادم.",
        "Building the deck needs Chromium on the server.",
    ),
    "export_headers": ("لغة عناوين الأعمدة في الملفات المنزّلة", "Column headers in downloads"),
    "export_headline": ("أرقام رئيسية", "Headline figures"),
    "export_filters": ("عوامل التصفية", "Filters"),
    "export_no_filters": ("لا شيء (جميع الاجتماعات)", "none (all meetings)"),
    "export_period": ("الفترة", "Period"),
    "export_from_to": ("من {start} إلى {end}", "{start} to {end}"),
    "export_since": ("منذ {start}", "from {start}"),
    "export_until": ("حتى {end}", "until {end}"),
    "export_undated_excluded": ("دون الاجتماعات غير المؤرخة", "undated meetings left out"),
    "export_background_included": (
        "مع احتساب موضوعات الفقرات التعريفية",
        "topics from background paragraphs counted",
    ),
    "export_date": ("تاريخ التصدير", "Exported"),
    "export_slide_of": ("الشريحة {n} من {total}", "Slide {n} of {total}"),
    # ---- upload page
    "page_add": ("إضافة مقالات", "Add articles"),
    "upload_intro": (
        "ارفع ملفات مقالات أو الصق نص مقال. يُحفظ كل مقال في مجلد المقالات ويُعالج فورًا، "
        "ويُتعرَّف على المحتوى الموجود مسبقًا فلا يُضاف مرتين.",
        "Upload article files or paste an article's text. Each article is stored in the articles folder and "
        "processed at once; content the collection already holds is recognised and not added twice.",
    ),
    "upload_files": ("ملفات المقالات", "Article files"),
    "upload_files_help": ("الأنواع المقبولة: {types}؛ الحد الأقصى للملف {limit}.",
                          "Accepted: {types}; at most {limit} per file."),
    "upload_paste": ("أو الصق نص المقال", "Or paste the article's text"),
    "upload_published": ("تاريخ النشر", "Published date"),
    "upload_published_help": (
        "مثل 2025-10-05 أو 5 أكتوبر 2025؛ يُؤرَّخ به الاجتماع حين يقول النص «اليوم» أو «أمس».",
        "e.g. 2025-10-05 or 5 أكتوبر 2025; dates the meeting when the text says 'today' or 'yesterday'.",
    ),
    "upload_source_url": ("رابط المصدر", "Source URL"),
    "upload_outlet": ("الوسيلة الإعلامية", "Outlet"),
    "upload_meta_note": ("تنطبق هذه البيانات على كل ما يُضاف هذه المرة.",
                         "These details apply to everything added in this batch."),
    "upload_submit": ("إضافة", "Add"),
    "upload_working": ("جارٍ حفظ المقالات ومعالجتها...", "Saving and processing the articles..."),
    "upload_nothing": ("لم يُرفع ملف ولم يُلصق نص.", "No file uploaded and no text pasted."),
    "upload_pasted": ("نص ملصق", "pasted text"),
    "upload_added": ("عدد المقالات المضافة: {n}", "Articles added: {n}"),
    "upload_added_none": ("لم يُضف أي مقال جديد.", "No new article was added."),
    "upload_duplicates_title": ("موجودة مسبقًا", "Already in the collection"),
    "upload_rejected_title": ("لم تُقبل", "Not accepted"),
    "upload_warnings_title": ("تنبيهات", "Warnings"),
    "upload_new_meetings": ("الاجتماعات الجديدة", "New meetings"),
    "upload_merges": ("اجتماعات قد تكون مكررة", "Possible duplicate meetings"),
    "upload_merges_caption": (
        "تقارير من مقالات مختلفة عن الشريك نفسه، بفارق يومين على الأكثر، وباسم زائر متشابه. "
        "هذه مقترحات للمراجعة فقط، ولم يُدمج شيء.",
        "Reports from different articles about the same partner, at most two days apart, with a similar "
        "visitor name. These are proposals for review only; nothing has been merged.",
    ),
    "upload_merges_new": ("مقترحات تخص المقالات المضافة", "Proposals involving the added articles"),
    "upload_merges_all": ("كل المقترحات في المجموعة", "All proposals in the collection"),
    "upload_merges_none": ("لا توجد اجتماعات يُرجَّح أنها مكررة.", "No likely duplicate meetings."),
    "upload_col_file": ("الملف", "File"),
    "upload_col_stored": ("حُفظ باسم", "Stored as"),
    "upload_col_message": ("التفاصيل", "Details"),
    "upload_col_other_date": ("تاريخ التقرير الآخر", "Other report's date"),
    "upload_col_other_visitor": ("الزائر في التقرير الآخر", "Other report's visitor"),
    "upload_col_other_meeting": ("معرّف الاجتماع الآخر", "Other meeting id"),
    "upload_col_similarity": ("تشابه الاسمين (%)", "Name similarity (%)"),
    # messages of dashboard.ingest.Issue: upload_<code>
    "upload_no_suffix": ("{name} بلا امتداد يدل على نوعه؛ الأنواع المقبولة: {accepted}",
                         "{name} has no file type; use {accepted}"),
    "upload_bad_type": ("نوع الملف {name} ({suffix}) غير مقبول؛ الأنواع المقبولة: {accepted}",
                        "{name}: file type {suffix} is not accepted; use {accepted}"),
    "upload_too_big": ("حجم {name} {size}، والحد الأقصى {limit}", "{name} is {size}; the limit is {limit}"),
    "upload_empty": ("{name} فارغ", "{name} is empty"),
    "upload_binary": ("{name} ليس ملفًا نصيًا", "{name} is not a text file"),
    "upload_no_text": ("لم يُعثر على نص مقال في {name}", "{name}: no article text found"),
    "upload_busy": ("لم يُحفظ {name}: عملية إضافة أخرى جارية، أعد المحاولة بعد قليل",
                    "{name} was not saved: another upload is in progress; try again shortly"),
    "upload_write_failed": ("تعذّر حفظ {name}: {detail}", "{name} could not be saved: {detail}"),
    "upload_bad_name": ("تعذّر إيجاد اسم آمن لحفظ {name}", "{name}: no safe name to store it under"),
    "upload_duplicate": ("{name} موجود في المجموعة باسم {existing}", "{name} is already in the collection as {existing}"),
    "upload_bad_date": ("{name}: تاريخ النشر «{value}» غير صالح، فتُرك فارغًا",
                        "{name}: published date '{value}' is not a valid date; left empty"),
    "upload_bad_url": ("{name}: رابط المصدر «{value}» ليس عنوان http(s)، فتُرك فارغًا",
                       "{name}: source URL '{value}' is not an http(s) address; left empty"),
    "upload_not_arabic": ("{name} لا يبدو نصًا عربيًا، وقد لا يُستخرج منه اجتماع",
                          "{name} does not look like Arabic text; meetings may not be found in it"),
    "upload_no_meeting": ("لم يُعثر على اجتماع في {name}", "No meeting was found in {name}"),
    "upload_pipeline_error": ("تعذّرت معالجة {name}: {detail}", "{name} could not be processed: {detail}"),
    "upload_metadata_no_file_column": ("ملف metadata.csv بلا عمود file، فلم تُسجَّل بيانات المقالات الجديدة",
                                       "metadata.csv has no 'file' column: the new articles' details were not recorded"),
    "upload_metadata_lossy": ("ملف metadata.csv بترميز {encoding}، وبعض الأحرف لم يُحفظ كما هو",
                              "metadata.csv is in {encoding}: some characters could not be kept"),
    "upload_metadata_failed": ("تعذّر تحديث metadata.csv: {detail}", "metadata.csv could not be updated: {detail}"),
    # ---- review page
    "review_intro": (
        "صحّح ما استخرجته المعالجة الآلية. تُحفظ كل قيمة معدّلة تصحيحًا مستقلًا يمكن التراجع عنه، "
        "ويبقى نافذًا بعد كل معالجة لاحقة للمقالات. الاجتماعات التي تحتاج إلى مراجعة تظهر أولًا.",
        "Correct what the automatic processing extracted. Each changed value is saved as a correction of its "
        "own that can be undone and that holds after every later processing run. Meetings that need review "
        "come first.",
    ),
    "review_flagged": ("اجتماعات بحاجة إلى مراجعة: {n}", "Meetings that need review: {n}"),
    "review_table_help": (
        "عدّل الخلايا مباشرة، ثم احفظ. الدولة والنوع والموضوعات تُختار من قوائم.",
        "Edit the cells, then save. Country, type and topics are picked from lists.",
    ),
    "review_note": ("ملاحظة على التصحيح (اختياري)", "Note on the correction (optional)"),
    "review_pending": ("قيم معدّلة لم تُحفظ بعد: {n}", "Changed values not saved yet: {n}"),
    "review_save": ("حفظ التصحيحات", "Save corrections"),
    "review_discard": ("تجاهل التعديلات", "Discard edits"),
    "review_saved": ("حُفظت التصحيحات: {n}", "Corrections saved: {n}"),
    "review_invalid": ("لم يُحفظ شيء: {detail}", "Nothing was saved: {detail}"),
    "review_meeting_actions": ("اجتماع محدد", "One meeting"),
    "review_choose_meeting": ("الاجتماع", "Meeting"),
    "review_hide": ("ليس اجتماعًا", "Not a meeting"),
    "review_restore": ("استعادة الاجتماع", "Restore the meeting"),
    "review_merge_target": ("هو الاجتماع نفسه الوارد في", "Is the same meeting as"),
    "review_merge": ("دمج", "Merge"),
    "review_mark_checked": ("تمت مراجعته وهو صحيح", "Checked: it is correct"),
    "review_hidden_note": (
        "الاجتماعات المخفية والمدموجة لا تظهر في الرسوم البيانية، ولم يُحذف منها شيء.",
        "Hidden and merged meetings are left out of the charts; nothing has been deleted.",
    ),
    "review_status_visible": ("ظاهر", "Shown"),
    "review_status_hidden": ("مخفي: ليس اجتماعًا", "Hidden: not a meeting"),
    "review_status_merged": ("مدموج في: {target}", "Merged into: {target}"),
    "review_field_reviewed": ("تمت المراجعة", "Checked"),
    "review_history": ("سجل التصحيحات", "Corrections history"),
    "review_history_empty": ("لا توجد تصحيحات بعد.", "No corrections yet."),
    "review_history_all": ("عرض السجل كاملًا", "Show the whole history"),
    "review_history_shown": ("يُعرض أحدث {n} من أصل {total}.", "Showing the newest {n} of {total}."),
    "review_undo": ("تراجع", "Undo"),
    "review_undone": ("أُلغي في {when}", "Undone {when}"),
    "review_undo_done": ("أُلغي التصحيح رقم {id}.", "Correction {id} undone."),
    "review_col_when": ("الوقت", "When"),
    "review_col_old": ("قبل", "Before"),
    "review_col_new": ("بعد", "After"),
    "review_col_note": ("ملاحظة", "Note"),
    "reason_unknown_date": ("تاريخ غير معروف", "Unknown date"),
    "reason_no_partner": ("لا شريك محدد", "No partner found"),
    "reason_several_partner_countries": ("أكثر من دولة شريكة", "Several partner countries"),
    "reason_event_type_fallback": ("نوع اللقاء مفترض: لم يُذكر من سافر إلى من",
                                   "Event type assumed: the report does not say who travelled"),
    "reason_partner_from_weak_cue": ("الشريك مأخوذ من قرينة ضعيفة (جملة لاحقة أو مكان النشر)",
                                     "Partner from a weak cue (a later sentence or the dateline)"),
    "reason_name_boundary_unsure": ("حدود الاسم غير مؤكدة", "Where the name ends is unsure"),
    "reason_possible_same_event": ("قد يكون التقرير عن لقاء مسجل في تقرير آخر",
                                   "May report a meeting another report already tells of"),
    "reason_possibly_not_coalition": ("قد لا يكون التحالف طرفاً في اللقاء",
                                      "The coalition may not be a party to this meeting"),
    "basis_corrected": ("صحّحه مراجع", "Corrected by a reviewer"),
    # ---- language and theme
    "language": ("اللغة", "Language"),
    "lang_ar": ("العربية", "العربية"),
    "lang_en": ("English", "English"),
    "theme": ("المظهر", "Theme"),
    "theme_light": ("فاتح", "Light"),
    "theme_dark": ("داكن", "Dark"),
    # ---- filters
    "filters": ("عوامل التصفية", "Filters"),
    "filter_date_range": ("الفترة الزمنية", "Date range"),
    "filter_from": ("من", "From"),
    "filter_to": ("إلى", "To"),
    "filter_partner": ("الشريك", "Partner"),
    "filter_country": ("الدولة", "Country"),
    "filter_countries": ("الدول", "Countries"),
    "filter_organisation": ("المنظمة", "Organisation"),
    "filter_event_type": ("نوع الحدث", "Event type"),
    "filter_topic": ("الموضوع", "Topic"),
    "filter_topics": ("الموضوعات", "Topics"),
    "filter_date_basis": ("أساس التاريخ", "Date basis"),
    "filter_include_undated": ("تضمين الاجتماعات بدون تاريخ", "Include undated meetings"),
    "filter_include_background": (
        "احتساب الموضوعات الواردة في الفقرات التعريفية",
        "Count topics found only in background paragraphs",
    ),
    "topics_background_counted": (
        "تُحتسب هنا أيضاً الموضوعات الواردة في الفقرات التعريفية فقط (خيار في الشريط الجانبي).",
        "Topics found only in background paragraphs are counted too (a sidebar option).",
    ),
    "topics_background_not_counted": (
        "تُحتسب الموضوعات التي طُرحت في اللقاء فقط؛ الفقرات التعريفية تُضاف من الشريط الجانبي.",
        "Only topics raised in the meeting are counted; background paragraphs can be added in the sidebar.",
    ),
    "col_reports": ("التقارير", "Reports"),
    "col_event": ("اللقاء", "Meeting"),
    "review_event_reports": ("هذا التقرير واحد من {n} تقارير عن اللقاء نفسه.",
                             "This report is one of {n} reports of the same meeting."),
    "review_split": ("فصل هذا التقرير: لقاء مستقل", "Split this report off: a meeting of its own"),
    "review_split_done": ("فُصل التقرير في لقاء مستقل.", "The report now counts as a meeting of its own."),
    "review_join_target": ("تقرير آخر عن اللقاء نفسه", "Another report of the same meeting"),
    "review_join": ("ضمّه إلى ذلك اللقاء", "Count it in that meeting"),
    "review_join_done": ("ضُمّ التقرير إلى اللقاء.", "The report now counts in that meeting."),
    "col_outlets": ("المنافذ", "Outlets"),
    "col_outlet": ("المنفذ", "Outlet"),
    "col_published": ("تاريخ النشر", "Published"),
    "event_reports": ("تقارير هذا اللقاء", "Reports of this meeting"),
    "event_reports_caption": ("كل تقرير عن اللقاء نفسه، الأوثق تاريخاً أولاً.",
                              "Every report of the same meeting, the best-dated first."),
    "filter_count_reports": ("عدّ التقارير بدل اللقاءات", "Count reports, not meetings"),
    "filter_count_reports_help": (
        "تُعدّ الرسوم اللقاءات الفعلية: تقارير عدة منافذ عن الزيارة نفسها لقاء واحد. فعّل هذا لعرض التغطية: كم كُتب، ومن كتب، ومتى.",
        "Charts count real meetings: several outlets' reports of one visit are one meeting. Switch this on to see "
        "coverage instead: how much was written, by whom and when.",
    ),
    "filter_needs_review": ("بحاجة إلى مراجعة فقط", "Needs review only"),
    "filter_search": ("بحث", "Search"),
    "filter_all": ("الكل", "All"),
    "filter_reset": ("إعادة ضبط", "Reset filters"),
    "filter_apply": ("تطبيق", "Apply"),
    # ---- headline metrics
    "metric_meetings": ("الاجتماعات", "Meetings"),
    "metric_partner_countries": ("الدول الشريكة", "Partner countries"),
    "metric_organisations": ("المنظمات", "Organisations"),
    "metric_topics": ("الموضوعات", "Topics"),
    "metric_latest": ("آخر زيارة", "Latest visit"),
    "metric_latest_meeting": ("آخر اجتماع", "Latest meeting"),
    "metric_undated": ("بدون تاريخ", "Undated"),
    "metric_articles": ("المقالات", "Articles"),
    "metric_needs_review": ("بحاجة إلى مراجعة", "Need review"),
    # ---- chart titles
    "chart_partner_map": ("الدول الشريكة حسب عدد الاجتماعات", "Partner countries by number of meetings"),
    "chart_timeline": ("الخط الزمني للاجتماعات", "Meetings timeline"),
    "chart_monthly": ("الاجتماعات شهريًا", "Meetings per month"),
    "chart_topics": ("الموضوعات حسب عدد الاجتماعات", "Topics by number of meetings"),
    "chart_topic_partner": ("الموضوعات حسب الشريك", "Topics by partner"),
    "chart_topics_over_time": ("الموضوعات عبر الزمن", "Topics over time"),
    "chart_organisations": ("المنظمات الشريكة", "Partner organisations"),
    "chart_event_types": ("الاجتماعات حسب النوع", "Meetings by type"),
    # ---- axis, legend and hover labels
    "axis_date": ("التاريخ", "Date"),
    "axis_month": ("الشهر", "Month"),
    "axis_partner": ("الشريك", "Partner"),
    "axis_topic": ("الموضوع", "Topic"),
    "axis_meetings": ("عدد الاجتماعات", "Number of meetings"),
    "legend_event_type": ("نوع الحدث", "Event type"),
    "legend_topic": ("الموضوع", "Topic"),
    "hover_partner": ("الشريك", "Partner"),
    "hover_country": ("الدولة", "Country"),
    "hover_organisation": ("المنظمة", "Organisation"),
    "hover_visitor": ("الزائر", "Visitor"),
    "hover_host": ("المستقبِل", "Host"),
    "hover_date": ("التاريخ", "Date"),
    "hover_month": ("الشهر", "Month"),
    "hover_event_type": ("نوع الحدث", "Event type"),
    "hover_topic": ("الموضوع", "Topic"),
    "hover_meetings": ("الاجتماعات", "Meetings"),
    "hover_last_meeting": ("آخر اجتماع", "Last meeting"),
    "hover_period": ("الفترة", "Period"),
    "timeline_rows": ("الشركاء المعروضون (الأحدث لقاءً أولًا)", "Partners shown (most recent meeting first)"),
    "timeline_rows_option": ("{range} من {total}", "{range} of {total}"),
    "hover_latest_visitor": ("آخر زائر", "Latest visitor"),
    "period_month": ("شهر", "month"),
    "period_quarter": ("ربع سنة", "quarter"),
    "period_year": ("سنة", "year"),
    "quarter_label": ("الربع {q} من {year}", "Q{q} {year}"),
    "timeline_grouped_subtitle": (
        "كل علامة: اجتماعات شريك من النوع نفسه خلال {period}، وحجمها بحسب عددها",
        "Each marker: one partner's meetings of one type in a {period}, sized by how many",
    ),
    "timeline_grouped_note": (
        "{n} اجتماع على الخط الزمني، فجُمعت اجتماعات كل شريك من النوع نفسه خلال {period} في علامة واحدة. "
        "ضيّق نطاق التاريخ أو اختر شركاء لعرض كل اجتماع بعلامة مستقلة.",
        "{n} meetings on the timeline, so each partner's meetings of one type in a {period} share one marker. "
        "Narrow the dates or choose partners to see every meeting as its own marker.",
    ),
    "hover_location": ("المكان", "Location"),
    # ---- event types (schema.EVENT_TYPES)
    "event_visit_received": ("زيارة للتحالف", "Visit to the coalition"),
    "event_visit_abroad": ("زيارة خارجية", "Visit abroad"),
    "event_agreement": ("اتفاقية", "Agreement"),
    "event_multilateral": ("اجتماع متعدد الأطراف", "Multilateral meeting"),
    "event_other": ("أخرى", "Other"),
    # ---- date bases (schema.DATE_BASES)
    "basis_explicit": ("تاريخ صريح في النص", "Date stated in the text"),
    "basis_relative": ("تاريخ نسبي (اليوم، أمس...)", "Relative date (today, yesterday...)"),
    "basis_published": ("تاريخ النشر", "Publication date"),
    "basis_unknown": ("غير معروف", "Unknown"),
    # ---- partner briefing pack (dashboard/export/partner.py)
    "brief_title": ("ملف الإحاطة: {name}", "Briefing pack: {name}"),
    "brief_part": ("الجزء {n} من {total}", "part {n} of {total}"),
    "brief_last_counterpart": ("آخر من التُقي به", "Last counterpart met"),
    "brief_people_more": ("شخصيات أخرى في ملف الشريك على اللوحة: {n}",
                          "More people in the partner's profile on the dashboard: {n}"),
    "brief_agreements_more": ("اتفاقيات أخرى في ملف الشريك على اللوحة: {n}",
                              "More agreements in the partner's profile on the dashboard: {n}"),
    "brief_sources": ("مصادر التقارير", "Sources of the reports"),
    "brief_sources_more": ("مصادر أخرى في ملف الشريك على اللوحة: {n}",
                           "More sources in the partner's profile on the dashboard: {n}"),
    "col_meeting_date": ("تاريخ الاجتماع", "Meeting date"),
    "col_link": ("الرابط", "Link"),
    # ---- tables and columns
    "col_meeting_id": ("معرّف الاجتماع", "Meeting id"),
    "col_date": ("التاريخ", "Date"),
    "col_date_basis": ("أساس التاريخ", "Date basis"),
    "col_date_text": ("نص التاريخ", "Date as written"),
    "col_event_type": ("نوع الحدث", "Event type"),
    "col_partner": ("الشريك", "Partner"),
    "col_country": ("الدولة", "Country"),
    "col_organisation": ("المنظمة", "Organisation"),
    "col_visitor": ("الزائر", "Visitor"),
    "col_visitor_title": ("صفة الزائر", "Visitor's title"),
    "col_host": ("المستقبِل", "Host"),
    "col_host_title": ("صفة المستقبِل", "Host's title"),
    "col_location": ("المكان", "Location"),
    "col_topic": ("الموضوع", "Topic"),
    "col_topics": ("الموضوعات", "Topics"),
    "col_meetings": ("الاجتماعات", "Meetings"),
    "col_last_date": ("آخر اجتماع", "Last meeting"),
    "col_source": ("المصدر", "Source"),
    "col_article": ("المقال", "Article"),
    "col_title": ("العنوان", "Title"),
    "col_outlet": ("الوسيلة الإعلامية", "Outlet"),
    "col_published": ("تاريخ النشر", "Published"),
    "col_evidence": ("الشاهد من النص", "Evidence"),
    "col_needs_review": ("بحاجة إلى مراجعة", "Needs review"),
    "col_review_reasons": ("أسباب المراجعة", "Review reasons"),
    "col_status": ("الحالة", "Status"),
    "col_messages": ("ملاحظات", "Messages"),
    "col_in_account": ("ورد في وقائع الاجتماع", "Raised in the meeting"),
    "col_field": ("الحقل", "Field"),
    "col_value": ("القيمة كما وردت", "Value as written"),
    "col_sentence": ("الجملة", "Sentence"),
    # ---- generic words
    "meetings": ("اجتماعات", "Meetings"),
    "meeting": ("اجتماع", "Meeting"),
    "undated": ("بدون تاريخ", "Undated"),
    "undated_meetings": ("اجتماعات بدون تاريخ", "Undated meetings"),
    "undated_note": (
        "اجتماعات لم يُذكر تاريخها؛ لا تظهر على المحور الزمني.",
        "Meetings whose date is not known; they are not on the time axis.",
    ),
    "no_data": ("لا توجد بيانات", "No data"),
    "no_data_filters": ("لا توجد بيانات تطابق عوامل التصفية", "No data matches the filters"),
    "unknown": ("غير معروف", "Unknown"),
    "unknown_partner": ("شريك غير محدد", "Unidentified partner"),
    "map_detail": ("حدود مفصّلة", "Detailed borders"),
    "map_detail_help": (
        "خريطة بمقياس 1:50 مليون للتكبير والعرض؛ أبطأ في التحميل. الدول الصغيرة تظهر بعلامة في الحالتين.",
        "1:50m shapes for zooming in and presenting; slower to load. Small states have a marker either way.",
    ),
    "organisations_not_on_map": (
        "المنظمات لا تظهر على الخريطة، وتُعرض في القائمة المجاورة.",
        "Organisations are not drawn on the map; they are listed beside it.",
    ),
    "no_partner_not_on_map": (
        "الاجتماعات التي لا تحدد دولة شريكة لا تظهر على الخريطة.",
        "Meetings with no partner country are not on the map.",
    ),
    "download_csv": ("تنزيل CSV", "Download CSV"),
    "download_excel": ("تنزيل Excel", "Download Excel"),
    "show_evidence": ("عرض الشاهد", "Show evidence"),
    "open_article": ("فتح المقال", "Open article"),
    "selected": ("المحدد", "Selected"),
    "clear_selection": ("إلغاء التحديد", "Clear selection"),
    "loading": ("جارٍ التحميل...", "Loading..."),
    "data_updated": ("آخر تحديث للبيانات", "Data last updated"),
    "total": ("المجموع", "Total"),
    "other_partners": ("شركاء آخرون", "Other partners"),
    "yes": ("نعم", "Yes"),
    "no": ("لا", "No"),
}


def list_sep(lang: str) -> str:
    """Between the items of a list in running text: the Arabic comma in Arabic."""
    return "، " if lang == "ar" else ", "


def _lang(lang: str | None) -> str:
    """Normalise a language code; anything that is not English is Arabic (the default)."""
    return "en" if str(lang or "").lower().startswith("en") else "ar"


def is_rtl(lang: str) -> bool:
    """Whether ``lang`` is written right to left."""
    return _lang(lang) == "ar"


def t(key: str, lang: str = DEFAULT_LANG, **fmt: Any) -> str:
    """Translate a UI string.

    Args:
        key: a key of ``STRINGS``.
        lang: ``"ar"`` or ``"en"`` (anything else is treated as Arabic).
        **fmt: values for ``str.format`` placeholders in the string, if any.

    Returns:
        The string in ``lang``; the other language's string when this one is
        empty; the key itself when the key is unknown (so a missing string is
        visible on screen instead of crashing the page).
    """
    pair = STRINGS.get(key)
    if pair is None:
        return key
    ar, en = pair
    text = (en or ar) if _lang(lang) == "en" else (ar or en)
    return text.format(**fmt) if fmt else text


def event_type_label(code: Any, lang: str = DEFAULT_LANG) -> str:
    """Display name of a ``meetings.event_type`` code.

    Args:
        code: one of ``schema.EVENT_TYPES``; unknown or empty codes read as "other".
        lang: ``"ar"`` or ``"en"``.

    Returns:
        The translated event type.
    """
    key = EVENT_TYPE_KEYS.get(str(code) if isinstance(code, str) else "", "event_other")
    return t(key, lang)


def date_basis_label(code: Any, lang: str = DEFAULT_LANG) -> str:
    """Display name of a ``meetings.date_basis`` code (unknown codes read as "unknown")."""
    key = DATE_BASIS_KEYS.get(code if isinstance(code, str) else "", "basis_unknown")
    return t(key, lang)


def _year_month(value: Any) -> tuple[int, int] | None:
    """(year, month) of a Period, Timestamp, date or ISO text ("yyyy-mm" or "yyyy-mm-dd")."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Period):
        return value.year, value.month
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return value.year, value.month
    text = str(value).strip()
    if len(text) >= 7 and text[:4].isdigit() and text[4] == "-" and text[5:7].isdigit():
        month = int(text[5:7])
        if 1 <= month <= 12:
            return int(text[:4]), month
    return None


def month_label(period_or_date: Any, lang: str = DEFAULT_LANG) -> str:
    """Month and year for a tick or heading: ``"نوفمبر 2025"`` / ``"Nov 2025"``.

    Args:
        period_or_date: ``pd.Period``, ``pd.Timestamp``, ``datetime.date`` or
            ISO text (``"2025-11"`` or ``"2025-11-25"``).
        lang: ``"ar"`` or ``"en"``.

    Returns:
        The label; ``t("undated", lang)`` for empty or unreadable values.
    """
    ym = _year_month(period_or_date)
    if ym is None:
        return t("undated", lang)
    year, month = ym
    return f"{_MONTHS[_lang(lang)][month]} {year}"


def date_label(date: Any, lang: str = DEFAULT_LANG) -> str:
    """Full date for hover text and tables: ``"25 نوفمبر 2025"`` / ``"25 Nov 2025"``.

    Args:
        date: ``pd.Timestamp``, ``datetime.date`` or ISO text ``"yyyy-mm-dd"``.
            A month-only value (``"2025-11"``) gives the month label.
        lang: ``"ar"`` or ``"en"``.

    Returns:
        The label; ``t("undated", lang)`` for empty or unreadable values.
    """
    ym = _year_month(date)
    if ym is None:
        return t("undated", lang)
    if isinstance(date, (_dt.date, pd.Timestamp)):
        day = date.day
    else:
        text = str(date).strip()
        day = int(text[8:10]) if len(text) >= 10 and text[8:10].isdigit() else None
    year, month = ym
    name = _MONTHS[_lang(lang)][month]
    return f"{day} {name} {year}" if day else f"{name} {year}"


def _by_unique(dates: pd.Series, label_uniques) -> pd.Series:
    """Label each distinct value once and spread the labels back over the Series.

    A dashboard has thousands of meetings but only hundreds of distinct
    dates, so formatting the distinct values is far cheaper than formatting
    every row.
    """
    # Factorise first (as Python objects: cheaper than building an Arrow
    # array of every row), then do the string work on the distinct values only.
    codes, uniques = pd.factorize(dates.to_numpy(dtype=object, na_value=""), use_na_sentinel=False)
    text = pd.Series(uniques, dtype="string").fillna("").str.strip()
    labels = label_uniques(text).to_numpy(dtype=object)
    return pd.Series(labels[codes] if len(codes) else labels[:0], index=dates.index, dtype=object)


def _iso_parts(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Split ISO date text into (valid mask, year, month, day) text Series, vectorised."""
    valid = text.str.match(r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$").fillna(False).astype(bool)
    return valid, text.str[:4], text.str[5:7], text.str[8:10]


def month_labels(dates: pd.Series, lang: str = DEFAULT_LANG) -> pd.Series:
    """``month_label`` over a Series of ISO text, without a Python loop per row.

    Args:
        dates: ISO ``yyyy-mm`` or ``yyyy-mm-dd`` text (empty/NA allowed).
        lang: ``"ar"`` or ``"en"``.

    Returns:
        An object Series aligned with ``dates``; empty values read ``t("undated")``.
    """
    names_map = {f"{m:02d}": n for m, n in _MONTHS[_lang(lang)].items()}

    def label(text: pd.Series) -> pd.Series:
        valid, year, month, _ = _iso_parts(text)
        names = month.map(names_map).astype("string")
        return (names + " " + year).where(valid, t("undated", lang))

    return _by_unique(dates, label)


def date_labels(dates: pd.Series, lang: str = DEFAULT_LANG) -> pd.Series:
    """``date_label`` over a Series of ISO text, without a Python loop per row.

    Args:
        dates: ISO ``yyyy-mm-dd`` text (empty/NA allowed).
        lang: ``"ar"`` or ``"en"``.

    Returns:
        An object Series aligned with ``dates``; empty values read ``t("undated")``.
    """
    names_map = {f"{m:02d}": n for m, n in _MONTHS[_lang(lang)].items()}

    def label(text: pd.Series) -> pd.Series:
        valid, year, month, day = _iso_parts(text)
        names = month.map(names_map).astype("string")
        day = day.str.lstrip("0")  # "05" -> "5": written dates do not pad the day
        with_day = day.fillna("").str.len() > 0
        full = (day + " " + names + " " + year).where(with_day, names + " " + year)
        return full.where(valid, t("undated", lang))

    return _by_unique(dates, label)
