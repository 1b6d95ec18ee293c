"""Nationality adjectives (nisba forms) that name a country: الباكستاني، المالديفية، النيجيريين.

Keyed by ISO3; each entry is the masculine definite form, from which the gazetteer
derives the feminine and plural forms and the forms without ال. The suffix rule
(``gazetteer.adjective_by_rule``) covers the rest; the exceptions below say where a
form is another word (المالي is "financial", not Malian).
"""

# Masculine definite nationality adjectives that the suffix rule gets wrong or
# that matter enough to pin down. Feminine and plural forms are derived.
ADJECTIVES_AR: dict[str, tuple[str, ...]] = {
    "AFG": ("الأفغاني", "الأفغانستاني"),
    "ALB": ("الألباني",),
    "ARE": ("الإماراتي",),
    "ARM": ("الأرمني", "الأرميني"),
    "AUS": ("الأسترالي",),
    "AUT": ("النمساوي",),
    "AZE": ("الأذربيجاني",),
    "BEL": ("البلجيكي",),
    "BEN": ("البنيني",),
    "BFA": ("البوركيني", "البوركينابي"),
    "BGD": ("البنغلاديشي", "البنجلاديشي", "البنغالي"),
    "BHR": ("البحريني",),
    "BIH": ("البوسني",),
    "BRA": ("البرازيلي",),
    "BRN": ("البروناوي", "البروني"),
    "CAN": ("الكندي",),
    "CHN": ("الصيني",),
    "CIV": ("الإيفواري",),
    "COG": ("الكونغولي",),
    "COM": ("القمري",),
    "CZE": ("التشيكي",),
    "DEU": ("الألماني",),
    "DJI": ("الجيبوتي",),
    "DNK": ("الدنماركي", "الدانماركي"),
    "DZA": ("الجزائري",),
    "EGY": ("المصري",),
    "ERI": ("الإريتري",),
    "ESP": ("الإسباني",),
    "ETH": ("الإثيوبي",),
    "FIN": ("الفنلندي",),
    "FRA": ("الفرنسي",),
    "GBR": ("البريطاني",),
    "GIN": ("الغيني",),
    "GMB": ("الغامبي",),
    "GRC": ("اليوناني",),
    "HUN": ("المجري",),
    "IDN": ("الإندونيسي",),
    "IND": ("الهندي",),
    "IRN": ("الإيراني",),
    "IRQ": ("العراقي",),
    "ITA": ("الإيطالي",),
    "JOR": ("الأردني",),
    "JPN": ("الياباني",),
    "KAZ": ("الكازاخي", "الكازاخستاني"),
    "KEN": ("الكيني",),
    "KGZ": ("القرغيزي", "القيرغيزي"),
    # Bare "الكوري" is taken as South Korean; the North needs its qualifier.
    "KOR": ("الكوري", "الكوري الجنوبي"),
    "KWT": ("الكويتي",),
    "LAO": ("اللاوسي",),
    "LBN": ("اللبناني",),
    "LBY": ("الليبي",),
    "LKA": ("السريلانكي",),
    "MAR": ("المغربي",),
    "MDV": ("المالديفي",),
    "MKD": ("المقدوني",),
    "MMR": ("الميانماري",),
    "MRT": ("الموريتاني",),
    "MYS": ("الماليزي",),
    "NER": ("النيجري",),
    "NGA": ("النيجيري",),
    "NLD": ("الهولندي",),
    "NOR": ("النرويجي",),
    "NPL": ("النيبالي",),
    "NZL": ("النيوزيلندي",),
    "OMN": ("العماني",),
    "PAK": ("الباكستاني",),
    "PER": ("البيروفي",),
    "PHL": ("الفلبيني",),
    "POL": ("البولندي",),
    "PRK": ("الكوري الشمالي",),
    "PSE": ("الفلسطيني",),
    "QAT": ("القطري",),
    "RUS": ("الروسي",),
    "SAU": ("السعودي",),
    "SDN": ("السوداني",),
    "SEN": ("السنغالي",),
    "SLE": ("السيراليوني",),
    "SOM": ("الصومالي",),
    "SSD": ("الجنوب سوداني",),
    "SWE": ("السويدي",),
    "SYR": ("السوري",),
    "TCD": ("التشادي",),
    "TGO": ("التوغولي",),
    "THA": ("التايلاندي", "التايلندي"),
    "TJK": ("الطاجيكي",),
    "TKM": ("التركماني",),
    "TUN": ("التونسي",),
    "TUR": ("التركي",),
    "UGA": ("الأوغندي",),
    "USA": ("الأمريكي", "الأميركي"),
    "UZB": ("الأوزبكي", "الأوزبكستاني"),
    "VNM": ("الفيتنامي",),
    "YEM": ("اليمني",),
    "ZAF": ("الجنوب أفريقي",),
}

# No adjectives at all: the form is far more often another word.
NO_ADJECTIVES = frozenset({
    "MLI",  # المالي / المالية = "financial"
    "ROU",  # الروماني = "Roman"
    "MAC",  # المكاوي = "Meccan", also a surname
})

# Only the definite (ال) forms: the bare forms are common words or names.
DEFINITE_ADJECTIVES_ONLY = frozenset({
    "ALB",  # الباني = "the builder"
    "OMN",  # عماني may be "from Amman"
    "TUR",  # تركي is a common Saudi given name
})
