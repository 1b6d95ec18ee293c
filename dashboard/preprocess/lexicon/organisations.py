"""Organisations reports name, with kind and seat; each term is normalised, matched as a whole word by the gazetteer's automaton."""

# One ``OrgEntry`` per organisation, sorted by ``org_id``. The names are terms
# too. ``kind`` is one of ``KINDS``; ``country`` is the ISO3 of the seat for a
# national body of one country (a university, a national research centre), else
# None; ``parent`` is the ``org_id`` of the body it belongs to. Write terms as
# people write them: at load time the gazetteer adds the glued "الأممالمتحدة"
# spelling of every term with "الأمم المتحدة", and the quoted «داعش» forms of
# every term with "داعش". A term may name one organisation only (the gazetteer
# refuses a clash).

from __future__ import annotations

from dataclasses import dataclass

KINDS = frozenset({
    "un",  # a UN body
    "intergovernmental",  # OIC, AU, EU, GCC, Arab League, NATO, ASEAN, OSCE, FATF...
    "military_command",  # a standing multinational command or force
    "university",
    "research_centre",
    "ngo",
    "coalition",  # the IMCTC itself and the other alliances reports call "التحالف"
    "national",  # a national body of one country
})


@dataclass(frozen=True)
class OrgEntry:
    """One organisation: ids, display names, kind, seat and the terms that name it."""

    org_id: str
    name_ar: str
    name_en: str
    kind: str
    country: str | None
    parent: str | None
    terms_ar: tuple[str, ...] = ()
    terms_en: tuple[str, ...] = ()
    short_en: str = ""  # short English label; empty means the org_id


ORGANISATIONS: tuple[OrgEntry, ...] = (
    OrgEntry("ACSRT", "المركز الأفريقي للدراسات والبحوث حول الإرهاب",
             "African Union African Centre for the Study and Research on Terrorism", "research_centre", None, "AU",
             ("المركز الأفريقي للدراسات والبحوث في مجال الإرهاب", "المركز الإفريقي للدراسات والبحوث حول الإرهاب"),
             ("ACSRT",)),
    OrgEntry("AES", "تحالف دول الساحل", "Alliance of Sahel States", "coalition", None, None,
             ("التحالف العسكري لدول الساحل", "دول تحالف الساحل", "كونفدرالية دول الساحل",
              "كونفدرالية تحالف دول الساحل"),
             ("Confederation of Sahel States", "Alliance des Etats du Sahel")),
    OrgEntry("AIMC", "مجلس وزراء الداخلية العرب", "Council of Arab Interior Ministers", "intergovernmental",
             None, "ARAB_LEAGUE", ("الأمانة العامة لمجلس وزراء الداخلية العرب",),
             ("Arab Interior Ministers Council",)),
    OrgEntry("ARAB_LEAGUE", "جامعة الدول العربية", "League of Arab States", "intergovernmental", None, None,
             ("الجامعة العربية",), ("Arab League",), short_en="Arab League"),
    OrgEntry("ASEAN", "رابطة دول جنوب شرق آسيا", "Association of Southeast Asian Nations", "intergovernmental",
             None, None, ("آسيان", "الآسيان", "رابطة أمم جنوب شرق آسيا"), ("ASEAN",)),
    OrgEntry("AU", "الاتحاد الأفريقي", "African Union", "intergovernmental", None, None,
             ("الاتحاد الإفريقي",)),
    OrgEntry("CTED", "المديرية التنفيذية للجنة مكافحة الإرهاب", "Counter-Terrorism Committee Executive Directorate",
             "un", None, "UNSC", ("المديرية التنفيذية للجنة مكافحة الإرهاب التابعة لمجلس الأمن",),
             ("Counter-Terrorism Committee Executive Directorate", "CTED")),
    OrgEntry("D_ISIS", "التحالف الدولي لهزيمة داعش", "Global Coalition to Defeat ISIS", "coalition", None, None,
             ("التحالف العالمي لمكافحة داعش", "التحالف الدولي لمكافحة داعش", "التحالف الدولي لمحاربة داعش",
              "التحالف الدولي ضد داعش", "التحالف العالمي لهزيمة داعش", "التحالف العالمي ضد داعش",
              "التحالف الدولي لهزيمة تنظيم داعش", "التحالف الدولي لمحاربة تنظيم داعش",
              "التحالف الدولي لمكافحة تنظيم داعش", "التحالف الدولي ضد تنظيم داعش",
              "التحالف ضد داعش", "التحالف ضد تنظيم داعش", "التحالف الدولي ضد تنظيم الدولة",
              "التحالف الدولي ضد تنظيم الدولة الإسلامية", "التحالف الدولي لمحاربة تنظيم الدولة",
              "التحالف الدولي لمحاربة تنظيم الدولة الإسلامية"),
             ("Global Coalition against Daesh", "Global Coalition to Defeat Daesh", "Global Coalition Against ISIS"),
             short_en="D-ISIS"),
    OrgEntry("EASF", "القوة الاحتياطية لشرق أفريقيا", "Eastern Africa Standby Force", "military_command", None, "AU",
             ("القوة الاحتياطية لشرق إفريقيا", "قوة شرق أفريقيا الاحتياطية", "قوة شرق إفريقيا الاحتياطية",
              "القوة الجاهزة لشرق أفريقيا", "القوة الجاهزة لشرق إفريقيا"),
             ("East Africa Standby Force", "EASF")),
    OrgEntry("ETIDAL", "المركز العالمي لمكافحة الفكر المتطرف", "Global Center for Combating Extremist Ideology",
             "research_centre", "SAU", None,
             ("اعتدال", "مركز اعتدال", "المركز العالمي لمكافحة الفكر المتطرف اعتدال"), ("Etidal",),
             short_en="Etidal"),
    OrgEntry("EU", "الاتحاد الأوروبي", "European Union", "intergovernmental", None, None, ("الاتحاد الأوربي",)),
    OrgEntry("FATF", "مجموعة العمل المالي", "Financial Action Task Force", "intergovernmental", None, None,
             ("مجموعة العمل المالي الدولية", "فاتف"), ("FATF",)),
    OrgEntry("G5_SAHEL", "مجموعة دول الساحل الخمس", "G5 Sahel", "intergovernmental", None, None,
             ("مجموعة الساحل الخمس", "مجموعة الخمس لدول الساحل"), ("G5 Sahel", "G5 du Sahel")),
    OrgEntry("GCC", "مجلس التعاون لدول الخليج العربية", "Gulf Cooperation Council", "intergovernmental", None, None,
             ("مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج"),
             ("Cooperation Council for the Arab States of the Gulf", "GCC")),
    OrgEntry("GCC_UMC", "القيادة العسكرية الموحدة لمجلس التعاون لدول الخليج العربية", "GCC Unified Military Command",
             "military_command", None, "GCC",
             ("القيادة العسكرية الموحدة لمجلس التعاون", "القيادة العسكرية الموحدة لمجلس التعاون الخليجي",
              "القيادة العسكرية الموحدة لمجلس التعاون لدول الخليج",
              "القيادة العسكرية الموحدة لدول مجلس التعاون", "القيادة العسكرية الموحدة لدول مجلس التعاون الخليجي",
              "القيادة العسكرية الموحدة لدول مجلس التعاون لدول الخليج العربية",
              "القيادة العسكرية الموحدة لدول الخليج", "القيادة العسكرية الموحدة لدول الخليج العربية",
              "القيادة العسكرية الموحدة الخليجية", "القيادة العسكرية الخليجية الموحدة"),
             ("Unified Military Command", "GCC Unified Military Command"), short_en="GCC UMC"),
    OrgEntry("GCTF", "المنتدى العالمي لمكافحة الإرهاب", "Global Counterterrorism Forum", "intergovernmental",
             None, None, (), ("Global Counter-Terrorism Forum", "GCTF")),
    OrgEntry("HEDAYAH", "مركز هداية الدولي للتميز في مكافحة التطرف العنيف",
             "Hedayah International Center of Excellence for Countering Violent Extremism", "research_centre",
             None, None, ("مركز هداية", "هداية الدولي", "مركز هداية الدولي"), ("Hedayah",)),
    OrgEntry("ICRC", "اللجنة الدولية للصليب الأحمر", "International Committee of the Red Cross", "ngo", None, None,
             (), ("ICRC",)),
    OrgEntry("IGAD", "الهيئة الحكومية الدولية المعنية بالتنمية", "Intergovernmental Authority on Development",
             "intergovernmental", None, None, ("إيغاد", "الإيغاد", "منظمة إيغاد", "الإيقاد"), ("IGAD",)),
    OrgEntry("IMCTC", "التحالف الإسلامي العسكري لمحاربة الإرهاب", "Islamic Military Counter Terrorism Coalition",
             "coalition", None, None,
             ("التحالف الإسلامي العسكري", "التحالف الإسلامي", "التحالف الإسلامي لمكافحة الإرهاب",
              "التحالف الإسلامي العسكري لمكافحة الإرهاب", "التحالف الإسلامي لمحاربة الإرهاب"),
             ("IMCTC", "Islamic Military Counter-Terrorism Coalition",
              "Islamic Military Coalition to Fight Terrorism")),
    OrgEntry("IMSIU", "جامعة الإمام محمد بن سعود الإسلامية", "Imam Mohammad Ibn Saud Islamic University", "university",
             "SAU", None, ("جامعة الإمام محمد بن سعود",),
             ("Imam Muhammad ibn Saud Islamic University", "IMSIU")),
    OrgEntry("INTERPOL", "الإنتربول", "INTERPOL", "intergovernmental", None, None,
             ("انتربول", "منظمة الإنتربول", "منظمة الشرطة الجنائية الدولية", "المنظمة الدولية للشرطة الجنائية"),
             ("International Criminal Police Organization",)),
    OrgEntry("ISDB", "البنك الإسلامي للتنمية", "Islamic Development Bank", "intergovernmental", None, None,
             ("مجموعة البنك الإسلامي للتنمية", "بنك التنمية الإسلامي"), ("IsDB",), short_en="IsDB"),
    OrgEntry("KAU", "جامعة الملك عبدالعزيز", "King Abdulaziz University", "university", "SAU", None,
             ("جامعة الملك عبد العزيز",), ("King Abdul Aziz University",)),
    OrgEntry("KFCRIS", "مركز الملك فيصل للبحوث والدراسات الإسلامية",
             "King Faisal Center for Research and Islamic Studies", "research_centre", "SAU", None,
             ("مركز الملك فيصل للدراسات والبحوث الإسلامية",),
             ("King Faisal Centre for Research and Islamic Studies", "KFCRIS")),
    OrgEntry("KFSC", "كلية الملك فهد الأمنية", "King Fahd Security College", "university", "SAU", None,
             (), ("King Fahad Security College",)),
    OrgEntry("KSRELIEF", "مركز الملك سلمان للإغاثة والأعمال الإنسانية",
             "King Salman Humanitarian Aid and Relief Centre", "national", "SAU", None,
             ("مركز الملك سلمان للإغاثة",), ("KSrelief",)),
    OrgEntry("MWL", "رابطة العالم الإسلامي", "Muslim World League", "ngo", None, None),
    OrgEntry("NATO", "حلف شمال الأطلسي", "North Atlantic Treaty Organization", "intergovernmental", None, None,
             ("حلف الناتو", "الناتو", "ناتو", "حلف الأطلسي", "حلف شمال الأطلنطي", "منظمة حلف شمال الأطلسي"),
             ("NATO", "North Atlantic Treaty Organisation")),
    OrgEntry("NATO_PA", "الجمعية البرلمانية لحلف شمال الأطلسي", "NATO Parliamentary Assembly", "intergovernmental",
             None, "NATO",
             ("الجمعية البرلمانية للناتو", "الجمعية البرلمانية لحلف الناتو", "الجمعية البرلمانية لحلف الأطلسي",
              "الجمعية البرلمانية لحلف شمال الأطلنطي"),
             ("NATO PA",), short_en="NATO PA"),
    OrgEntry("NAUSS", "جامعة نايف العربية للعلوم الأمنية", "Naif Arab University for Security Sciences", "university",
             "SAU", None, ("جامعة نايف",), ("NAUSS",)),
    OrgEntry("OIC", "منظمة التعاون الإسلامي", "Organisation of Islamic Cooperation", "intergovernmental", None, None,
             ("منظمة المؤتمر الإسلامي",), ("Organization of Islamic Cooperation", "OIC")),
    OrgEntry("OSCE", "منظمة الأمن والتعاون في أوروبا", "Organization for Security and Co-operation in Europe",
             "intergovernmental", None, None, (), ("OSCE",)),
    OrgEntry("UM5", "جامعة محمد الخامس بالرباط", "Mohammed V University in Rabat", "university", "MAR", None,
             ("جامعة محمد الخامس", "جامعة محمد الخامس في الرباط"),
             ("Mohammed V University", "Mohammed V University of Rabat", "Université Mohammed V")),
    OrgEntry("UN", "الأمم المتحدة", "United Nations", "un", None, None,
             ("هيئة الأمم المتحدة", "منظمة الأمم المتحدة")),
    OrgEntry("UNCCT", "مركز الأمم المتحدة لمكافحة الإرهاب", "UN Counter-Terrorism Centre", "un", None, "UNOCT",
             (), ("United Nations Counter-Terrorism Centre", "UNCCT")),
    OrgEntry("UNDP", "برنامج الأمم المتحدة الإنمائي", "UN Development Programme", "un", None, "UN",
             (), ("United Nations Development Programme", "UNDP")),
    OrgEntry("UNESCO", "منظمة الأمم المتحدة للتربية والعلم والثقافة",
             "UN Educational, Scientific and Cultural Organization", "un", None, "UN",
             ("اليونسكو", "يونسكو"), ("UNESCO",)),
    OrgEntry("UNHCR", "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "UN Refugee Agency", "un", None, "UN",
             ("مفوضية الأمم المتحدة لشؤون اللاجئين", "المفوضية السامية لشؤون اللاجئين"),
             ("United Nations High Commissioner for Refugees", "UNHCR")),
    OrgEntry("UNICEF", "منظمة الأمم المتحدة للطفولة", "UN Children's Fund", "un", None, "UN",
             ("اليونيسف", "يونيسف", "صندوق الأمم المتحدة للطفولة"), ("United Nations Children's Fund", "UNICEF")),
    OrgEntry("UNOCT", "مكتب الأمم المتحدة لمكافحة الإرهاب", "UN Office of Counter-Terrorism", "un", None, "UN",
             # "وكيل الأمين العام للأمم المتحدة لمكافحة الإرهاب" heads UNOCT
             ("الأمم المتحدة لمكافحة الإرهاب", "مكتب الأمم المتحدة المعني بمكافحة الإرهاب",
              "مكتب مكافحة الإرهاب التابع للأمم المتحدة"),
             ("United Nations Office of Counter-Terrorism", "Office of Counter-Terrorism", "UNOCT")),
    OrgEntry("UNODC", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "UN Office on Drugs and Crime", "un",
             None, "UN",
             (), ("United Nations Office on Drugs and Crime", "UNODC")),
    OrgEntry("UNSC", "مجلس الأمن الدولي", "UN Security Council", "un", None, "UN",
             ("مجلس الأمن التابع للأمم المتحدة", "مجلس الأمن الدولي التابع للأمم المتحدة"),
             ("United Nations Security Council", "Security Council")),
    OrgEntry("UN_WOMEN", "هيئة الأمم المتحدة للمرأة", "UN Women", "un", None, "UN",
             ("هيئة الأمم المتحدة للمساواة بين الجنسين وتمكين المرأة",), ("UN Women",)),
    OrgEntry("WHO", "منظمة الصحة العالمية", "World Health Organization", "un", None, "UN",
             (), ("World Health Organisation",)),  # never bare "WHO": the English word
    OrgEntry("YEMEN_COALITION", "تحالف دعم الشرعية في اليمن", "Coalition to Restore Legitimacy in Yemen",
             "coalition", None, None,
             ("تحالف دعم الشرعية", "تحالف دعم الشرعية اليمنية", "التحالف لدعم الشرعية في اليمن",
              "التحالف العربي لدعم الشرعية في اليمن", "التحالف العربي لدعم الشرعية", "تحالف استعادة الشرعية في اليمن",
              "تحالف إعادة الشرعية في اليمن", "قوات التحالف العربي", "التحالف العربي بقيادة السعودية",
              "التحالف العربي في اليمن"),
             ("Coalition to Support Legitimacy in Yemen", "Saudi-led coalition in Yemen", "Arab Coalition"),
             short_en="Yemen coalition"),
)
