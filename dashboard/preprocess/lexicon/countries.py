"""Country names in Arabic and English that pycountry lacks or gets awkward, and terms never to match.

Keyed by ISO 3166-1 alpha-3. The gazetteer adds every term here to its one
automaton after ``normalize()``; a term matches as a whole word after an optional
proclitic (و ف ب ك ل). ``EXCLUDED_CONTEXTS`` and ``QUOTED_ONLY_TERMS`` drop hits
that are ordinary words in context.
"""

# Display names where pycountry's Arabic is awkward (comma-inverted, official,
# parenthesised, or simply not the form an Arabic reader expects).
DISPLAY_AR: dict[str, str] = {
    "ARE": "الإمارات",
    "BGD": "بنغلاديش",
    "BLR": "بيلاروس",
    "BOL": "بوليفيا",
    "BRN": "بروناي",
    "BFA": "بوركينا فاسو",
    "CAF": "جمهورية أفريقيا الوسطى",
    "COD": "جمهورية الكونغو الديمقراطية",
    "CUW": "كوراساو",
    "FLK": "جزر فوكلاند",
    "FSM": "ميكرونيزيا",
    "GGY": "غيرنزي",
    "HUN": "المجر",
    "IMN": "جزيرة مان",
    "IRN": "إيران",
    "KOR": "كوريا الجنوبية",
    "LAO": "لاوس",
    "LTU": "ليتوانيا",
    "MAC": "ماكاو",
    "MDA": "مولدوفا",
    "MDV": "المالديف",
    "MLT": "مالطا",
    "MNE": "الجبل الأسود",
    "NZL": "نيوزيلندا",
    "PRK": "كوريا الشمالية",
    "PSE": "فلسطين",
    "RUS": "روسيا",
    "SHN": "سانت هيلينا",
    "SRB": "صربيا",
    "SYR": "سوريا",
    "TLS": "تيمور الشرقية",
    "TUR": "تركيا",  # pycountry has no Arabic for Türkiye
    "TWN": "تايوان",
    "TZA": "تنزانيا",
    "VAT": "الفاتيكان",
    "VEN": "فنزويلا",
    "VGB": "جزر العذراء البريطانية",
    "VIR": "جزر العذراء الأمريكية",
    "VNM": "فيتنام",
}

# Forms pycountry lacks: short names, official names, spelling variants.
ALTERNATES_AR: dict[str, tuple[str, ...]] = {
    "AFG": ("أفغانستان", "جمهورية أفغانستان الإسلامية"),
    "ARE": ("الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات",
            "دولة الإمارات العربية المتحدة"),
    "AUS": ("أستراليا", "استراليا"),
    "BFA": ("بوركينا فاسو", "بوركينا فاصو"),
    "BGD": ("بنغلاديش", "بنجلاديش", "بنغلادش", "جمهورية بنغلاديش الشعبية"),
    "BHR": ("مملكة البحرين",),
    "BIH": ("البوسنة والهرسك", "البوسنة"),
    "BLR": ("بيلاروس", "بيلاروسيا", "روسيا البيضاء"),
    "BRN": ("بروناي", "بروناي دار السلام", "سلطنة بروناي"),
    "CAF": ("أفريقيا الوسطى", "جمهورية أفريقيا الوسطى"),
    "CHN": ("الصين", "جمهورية الصين الشعبية"),
    "CIV": ("ساحل العاج", "كوت ديفوار", "جمهورية كوت ديفوار"),
    "COD": ("الكونغو الديمقراطية", "الكونغو الديموقراطية",
            "جمهورية الكونغو الديمقراطية", "جمهورية الكونغو الديموقراطية",
            "الكونغو كينشاسا"),
    "COG": ("الكونغو", "جمهورية الكونغو", "الكونغو برازافيل"),
    "COM": ("جزر القمر", "جمهورية القمر المتحدة", "اتحاد جزر القمر"),
    "CPV": ("الرأس الأخضر", "كابو فيردي"),
    "CZE": ("التشيك", "جمهورية التشيك"),
    "DEU": ("ألمانيا",),
    "DJI": ("جمهورية جيبوتي",),
    "DNK": ("الدنمارك", "الدانمارك", "مملكة الدنمارك"),
    "DZA": ("الجمهورية الجزائرية",),
    "EGY": ("مصر", "جمهورية مصر العربية"),
    "ESP": ("إسبانيا", "اسبانيا"),
    "ETH": ("إثيوبيا", "أثيوبيا"),
    "GAB": ("الغابون", "الجابون"),
    "GBR": ("المملكة المتحدة", "بريطانيا", "بريطانيا العظمى"),
    "GIN": ("غينيا", "جمهورية غينيا", "غينيا كوناكري"),
    "GMB": ("غامبيا", "جامبيا"),
    "HUN": ("المجر", "هنغاريا"),
    "IDN": ("إندونيسيا", "جمهورية إندونيسيا"),
    "IND": ("الهند", "جمهورية الهند"),
    "IRN": ("إيران", "جمهورية إيران الإسلامية", "الجمهورية الإسلامية الإيرانية"),
    "IRQ": ("جمهورية العراق",),
    "JOR": ("الأردن", "المملكة الأردنية الهاشمية"),
    "KAZ": ("كازاخستان", "كازخستان"),
    "KGZ": ("قيرغيزستان", "قرغيزستان", "قيرغيزيا"),
    "KOR": ("كوريا الجنوبية", "جمهورية كوريا"),
    "KWT": ("دولة الكويت",),
    "LAO": ("لاوس",),
    "LBY": ("دولة ليبيا",),
    "LKA": ("سريلانكا", "سري لانكا"),
    "LTU": ("ليتوانيا",),
    "MAR": ("المملكة المغربية",),
    "MDV": ("المالديف", "جزر المالديف", "جمهورية المالديف", "جزر مالديف"),
    # Bare "مالي" is the adjective "financial"; Mali only with a state noun.
    "MLI": ("جمهورية مالي", "دولة مالي"),
    "MLT": ("مالطا",),
    "MMR": ("ميانمار", "بورما"),
    "MNE": ("الجبل الأسود",),
    "MRT": ("موريتانيا", "الجمهورية الإسلامية الموريتانية"),
    "MYS": ("ماليزيا",),
    "NER": ("النيجر", "جمهورية النيجر"),
    "NGA": ("نيجيريا", "جمهورية نيجيريا الاتحادية"),
    "NLD": ("هولندا", "مملكة هولندا"),
    "NZL": ("نيوزيلندا", "نيوزيلاندا"),
    # "عمان" alone is as often Amman, Jordan's capital.
    "OMN": ("سلطنة عمان",),
    "PAK": ("الباكستان", "جمهورية باكستان الإسلامية"),
    "PER": ("بيرو",),
    "POL": ("بولندا", "بولونيا"),
    "PRK": ("كوريا الشمالية", "كوريا الديمقراطية"),
    "PSE": ("فلسطين", "دولة فلسطين"),
    "QAT": ("دولة قطر",),
    "RUS": ("روسيا", "روسيا الاتحادية", "الاتحاد الروسي"),
    "SAU": ("المملكة العربية السعودية", "السعودية"),
    "SDN": ("جمهورية السودان",),
    "SLE": ("سيراليون", "سيرا ليون"),
    "SOM": ("جمهورية الصومال", "جمهورية الصومال الفيدرالية"),
    "SRB": ("صربيا",),
    "SSD": ("جنوب السودان", "دولة جنوب السودان"),
    "SYR": ("سوريا", "سورية", "الجمهورية العربية السورية"),
    "TCD": ("تشاد", "جمهورية تشاد"),
    "TGO": ("توغو", "التوغو"),
    "THA": ("تايلاند", "تايلند"),
    "TLS": ("تيمور الشرقية", "تيمور ليشتي"),
    "TUN": ("الجمهورية التونسية",),
    "TUR": ("تركيا", "تركية", "جمهورية تركيا"),
    "TZA": ("تنزانيا",),
    "UGA": ("أوغندا",),
    "USA": ("الولايات المتحدة", "الولايات المتحدة الأمريكية",
            "الولايات المتحدة الأميركية", "أمريكا", "أميركا"),
    "UZB": ("أوزبكستان",),
    "VAT": ("الفاتيكان", "الكرسي الرسولي", "دولة الفاتيكان", "مدينة الفاتيكان"),
    "VNM": ("فيتنام",),
    "YEM": ("الجمهورية اليمنية",),
    "ZAF": ("جنوب أفريقيا", "جنوب إفريقيا"),
}

ALTERNATES_EN: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE", "Emirates"),
    "BIH": ("Bosnia",),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "COD": ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    "COG": ("Republic of the Congo", "Congo-Brazzaville"),
    "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",),
    "GBR": ("Great Britain", "Britain"),
    "KOR": ("Republic of Korea",),
    "MMR": ("Burma",),
    "PSE": ("Palestine",),
    "RUS": ("Russia",),
    "SAU": ("KSA", "Kingdom of Saudi Arabia"),
    "SWZ": ("Swaziland",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey",),
    "USA": ("USA", "United States of America"),
    "VAT": ("Vatican",),
}

# Terms never added, whatever their source: ambiguous on their own.
BLOCKED_TERMS = frozenset({
    "عمان",  # Oman or Amman
    "مالي",  # Mali or "financial"
    "كوريا",  # North or South
    "المملكة",  # "the Kingdom": usually Saudi Arabia, but not a name
    "فيرجن",  # pycountry's inverted "فيرجن، جزر فيرجن ..." (two territories)
    "محافظة صينية",  # pycountry's second half of "تايوان، محافظة صينيّة"
    "القطاع الفرنسي",  # parenthesised qualifiers in pycountry names
    "الجزء الهولندي",
    "jersey",  # "New Jersey"
})

# (term, previous words, next words): a hit is dropped when the word before
# it ends with one of the previous words or the word after it is one of the
# next words. Measured false positives on real articles.
EXCLUDED_CONTEXTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("الهندي", ("المحيط", "الجوز", "التمر"), ()),  # Indian Ocean, coconut, tamarind
    ("المغرب", ("صلاة", "بلاد"), ("العربي", "الإسلامي")),  # Maghreb, prayer, AQIM
    ("أمريكا", (), ("اللاتينية", "الجنوبية", "الشمالية", "الوسطى")),  # continents
    ("أميركا", (), ("اللاتينية", "الجنوبية", "الشمالية", "الوسطى")),
    ("القطري", ("المكتب", "البرنامج", "الفريق", "المستوى"), ()),  # "country-level" (UN usage)
    ("القطرية", ("البرامج", "المكاتب", "الفرق", "الاستراتيجيات", "الإستراتيجيات"), ()),
    ("اليمنى", ("اليد", "الضفة", "الكفة", "الجهة"), ()),  # "right-hand" (ى -> ي)
)

# (term, ISO3, previous words): a blocked term that names its country only right after one of these
# words ("ضباط من مالي والنيجر", "في مالي"); elsewhere it is the ordinary word (دعم مالي: financial).
CONTEXT_ONLY_TERMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("مالي", "MLI", ("من", "في", "إلى", "الى", "بين", "عن", "دولة", "جمهورية", "وفد", "مع")),
)

# Terms that are ordinary words unless quoted or bracketed as a name.
QUOTED_ONLY_TERMS = frozenset({"اعتدال"})  # "moderation"; Etidal centre
