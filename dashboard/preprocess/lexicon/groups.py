"""Group bodies: a counterpart that is several states at once makes the meeting multilateral.

Each entry is (Arabic phrase as written, English label of the group). Matched as a
substring of normalised text in the meeting's sentence. The label goes in
``partner_org_en`` when the report names no single state; every state it does name
is listed as a partner country.
"""

GROUP_BODIES: tuple[tuple[str, str], ...] = (
    ("ملحقين العسكريين", "Military attachés of IMCTC member and supporting states"),
    ("ملحقون العسكريون", "Military attachés of IMCTC member and supporting states"),
    ("ملحقي", "Military attachés of IMCTC member and supporting states"),
    ("رؤساء أركان", "IMCTC member states' chiefs of staff"),
    ("رؤساء الأركان", "IMCTC member states' chiefs of staff"),
    ("رؤساء هيئات الأركان", "IMCTC member states' chiefs of staff"),
    ("وزراء دفاع", "IMCTC member states' defence ministers"),
    ("وزراء الدفاع", "IMCTC member states' defence ministers"),
    ("مجلس وزراء", "IMCTC Council of Defence Ministers"),
    ("ممثلي الدول الأعضاء", "IMCTC member states' representatives"),
    ("ضباط من", "Officers of IMCTC member states"),
    ("مرشحا يمثلون", "IMCTC member states (training programme participants)"),
    ("مرشحين يمثلون", "IMCTC member states (training programme participants)"),
    ("المشاركين من الدول الأعضاء", "IMCTC member states (training programme participants)"),
)

# A course, programme or group meeting counts as one only with this many named states.
MIN_NAMED_STATES = 3
