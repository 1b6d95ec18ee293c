"""Marker coordinates (latitude, longitude) for every ISO 3166-1 country.

Used by ``charts.partner_map`` to put a marker on every partner country, so
small states (Maldives, Bahrain, Singapore) that a choropleth fill cannot show
are visible and clickable.

Provenance: generated once, offline, from the ``ct`` (centroid) property of
each country in ``static/topojson/world_50m.json`` (plotly's Natural Earth
1:50m topojson, MIT); plotly stores the centroid of each country's largest
polygon, so the marker sits on the country's main landmass (France on the
mainland, not French Guiana). The 14 territories that file has no shape for
and two countries whose largest polygon is not where the country "is" for a
reader (Malaysia, Kiribati) were written by hand; they are marked below.
Keys are exactly ``pycountry.countries`` alpha-3 codes (249), plus Kosovo's
user-assigned XKX, which data sources commonly use.

This is data, not code: nothing is read from disk at import time.
"""

from __future__ import annotations

CENTROIDS: dict[str, tuple[float, float]] = {
    "ABW": (12.52, -69.98),  # Aruba
    "AFG": (33.84, 66.0),  # Afghanistan
    "AGO": (-12.33, 17.56),  # Angola
    "AIA": (18.22, -63.06),  # Anguilla
    "ALA": (60.23, 19.94),  # Åland Islands
    "ALB": (41.14, 20.05),  # Albania
    "AND": (42.54, 1.56),  # Andorra
    "ARE": (23.9, 54.31),  # United Arab Emirates
    "ARG": (-35.18, -65.16),  # Argentina
    "ARM": (40.29, 44.93),  # Armenia
    "ASM": (-14.3, -170.72),  # American Samoa
    "ATA": (-80.56, 20.8),  # Antarctica
    "ATF": (-49.3, 69.5),  # French Southern Territories
    "ATG": (17.08, -61.79),  # Antigua and Barbuda
    "AUS": (-25.57, 134.36),  # Australia
    "AUT": (47.59, 14.13),  # Austria
    "AZE": (40.34, 47.66),  # Azerbaijan
    "BDI": (-3.36, 29.88),  # Burundi
    "BEL": (50.64, 4.64),  # Belgium
    "BEN": (9.64, 2.33),  # Benin
    "BES": (12.18, -68.25),  # Bonaire, Sint Eustatius and Saba -- Bonaire (largest island)
    "BFA": (12.27, -1.75),  # Burkina Faso
    "BGD": (23.9, 90.22),  # Bangladesh
    "BGR": (42.77, 25.22),  # Bulgaria
    "BHR": (26.04, 50.54),  # Bahrain
    "BHS": (24.7, -78.04),  # Bahamas
    "BIH": (44.17, 17.77),  # Bosnia and Herzegovina
    "BLM": (17.9, -62.84),  # Saint Barthélemy
    "BLR": (53.53, 28.03),  # Belarus
    "BLZ": (17.19, -88.72),  # Belize
    "BMU": (32.31, -64.75),  # Bermuda
    "BOL": (-16.71, -64.69),  # Bolivia, Plurinational State of
    "BRA": (-10.84, -53.12),  # Brazil
    "BRB": (13.18, -59.56),  # Barbados
    "BRN": (4.49, 114.59),  # Brunei Darussalam
    "BTN": (27.41, 90.4),  # Bhutan
    "BVT": (-54.42, 3.36),  # Bouvet Island -- Bouvet Island
    "BWA": (-22.18, 23.8),  # Botswana
    "CAF": (6.57, 20.47),  # Central African Republic
    "CAN": (57.93, -102.37),  # Canada
    "CCK": (-12.16, 96.87),  # Cocos (Keeling) Islands -- Cocos (Keeling) Islands
    "CHE": (46.8, 8.21),  # Switzerland
    "CHL": (-35.75, -71.31),  # Chile
    "CHN": (36.62, 103.8),  # China
    "CIV": (7.63, -5.57),  # Côte d'Ivoire
    "CMR": (5.69, 12.74),  # Cameroon
    "COD": (-2.88, 23.64),  # Congo, The Democratic Republic of the
    "COG": (-0.84, 15.22),  # Congo
    "COK": (-21.22, -159.79),  # Cook Islands
    "COL": (3.91, -73.08),  # Colombia
    "COM": (-11.65, 43.34),  # Comoros
    "CPV": (15.08, -23.64),  # Cabo Verde
    "CRI": (9.98, -84.19),  # Costa Rica
    "CUB": (21.61, -78.94),  # Cuba
    "CUW": (12.2, -68.97),  # Curaçao
    "CXR": (-10.49, 105.62),  # Christmas Island -- Christmas Island
    "CYM": (19.32, -81.29),  # Cayman Islands
    "CYP": (34.92, 33.01),  # Cyprus
    "CZE": (49.73, 15.31),  # Czechia
    "DEU": (51.09, 10.37),  # Germany
    "DJI": (11.75, 42.56),  # Djibouti
    "DMA": (15.44, -61.36),  # Dominica
    "DNK": (56.24, 9.36),  # Denmark
    "DOM": (18.89, -70.51),  # Dominican Republic
    "DZA": (28.16, 2.62),  # Algeria
    "ECU": (-1.45, -78.39),  # Ecuador
    "EGY": (26.5, 29.86),  # Egypt
    "ERI": (15.36, 38.84),  # Eritrea
    "ESH": (24.23, -12.22),  # Western Sahara
    "ESP": (40.4, -3.56),  # Spain
    "EST": (58.69, 25.83),  # Estonia
    "ETH": (8.62, 39.6),  # Ethiopia
    "FIN": (64.5, 26.28),  # Finland
    "FJI": (-17.82, 177.97),  # Fiji
    "FLK": (-51.74, -58.76),  # Falkland Islands (Malvinas)
    "FRA": (46.62, 2.45),  # France
    "FRO": (62.17, -6.88),  # Faroe Islands
    "FSM": (6.89, 158.23),  # Micronesia, Federated States of
    "GAB": (-0.59, 11.79),  # Gabon
    "GBR": (53.94, -2.51),  # United Kingdom
    "GEO": (42.17, 43.51),  # Georgia
    "GGY": (49.47, -2.57),  # Guernsey
    "GHA": (7.95, -1.22),  # Ghana
    "GIB": (36.14, -5.35),  # Gibraltar -- Gibraltar
    "GIN": (10.44, -10.94),  # Guinea
    "GLP": (16.25, -61.58),  # Guadeloupe -- Guadeloupe
    "GMB": (13.45, -15.4),  # Gambia
    "GNB": (12.06, -14.92),  # Guinea-Bissau
    "GNQ": (1.57, 10.47),  # Equatorial Guinea
    "GRC": (39.48, 22.58),  # Greece
    "GRD": (12.12, -61.68),  # Grenada
    "GRL": (74.72, -41.36),  # Greenland
    "GTM": (15.69, -90.36),  # Guatemala
    "GUF": (3.93, -53.13),  # French Guiana -- French Guiana
    "GUM": (13.44, 144.77),  # Guam
    "GUY": (4.79, -58.98),  # Guyana
    "HKG": (22.44, 114.14),  # Hong Kong
    "HMD": (-53.09, 73.52),  # Heard Island and McDonald Islands
    "HND": (14.82, -86.62),  # Honduras
    "HRV": (45.16, 16.42),  # Croatia
    "HTI": (18.93, -72.68),  # Haiti
    "HUN": (47.16, 19.4),  # Hungary
    "IDN": (-0.19, 114.01),  # Indonesia
    "IMN": (54.22, -4.54),  # Isle of Man
    "IND": (22.91, 79.59),  # India
    "IOT": (-7.33, 72.45),  # British Indian Ocean Territory
    "IRL": (53.17, -8.13),  # Ireland
    "IRN": (32.58, 54.27),  # Iran, Islamic Republic of
    "IRQ": (33.04, 43.74),  # Iraq
    "ISL": (65.0, -18.57),  # Iceland
    "ISR": (31.46, 35.0),  # Israel
    "ITA": (43.53, 12.15),  # Italy
    "JAM": (18.16, -77.31),  # Jamaica
    "JEY": (49.22, -2.13),  # Jersey
    "JOR": (31.25, 36.77),  # Jordan
    "JPN": (36.65, 137.99),  # Japan
    "KAZ": (48.16, 67.29),  # Kazakhstan
    "KEN": (0.6, 37.8),  # Kenya
    "KGZ": (41.46, 74.53),  # Kyrgyzstan
    "KHM": (12.72, 104.91),  # Cambodia
    "KIR": (1.45, 173.0),  # Kiribati -- Tarawa (capital); topojson centroid is Kiritimati
    "KNA": (17.33, -62.75),  # Saint Kitts and Nevis
    "KOR": (36.46, 127.87),  # Korea, Republic of
    "KWT": (29.32, 47.56),  # Kuwait
    "LAO": (18.5, 103.74),  # Lao People's Democratic Republic
    "LBN": (33.92, 35.88),  # Lebanon
    "LBR": (6.45, -9.32),  # Liberia
    "LBY": (27.03, 18.01),  # Libya
    "LCA": (13.89, -60.97),  # Saint Lucia
    "LIE": (47.14, 9.54),  # Liechtenstein
    "LKA": (7.61, 80.7),  # Sri Lanka
    "LSO": (-29.58, 28.23),  # Lesotho
    "LTU": (55.33, 23.89),  # Lithuania
    "LUX": (49.77, 6.07),  # Luxembourg
    "LVA": (56.85, 24.91),  # Latvia
    "MAC": (22.22, 113.51),  # Macao
    "MAF": (18.09, -63.06),  # Saint Martin (French part)
    "MAR": (29.84, -8.46),  # Morocco
    "MCO": (43.75, 7.41),  # Monaco
    "MDA": (47.19, 28.46),  # Moldova, Republic of
    "MDG": (-19.38, 46.7),  # Madagascar
    "MDV": (4.2, 73.5),  # Maldives
    "MEX": (23.94, -102.51),  # Mexico
    "MHL": (7.11, 171.19),  # Marshall Islands
    "MKD": (41.6, 21.68),  # North Macedonia
    "MLI": (17.35, -3.54),  # Mali
    "MLT": (35.89, 14.44),  # Malta
    "MMR": (21.22, 96.49),  # Myanmar
    "MNE": (42.79, 19.24),  # Montenegro
    "MNG": (46.83, 103.05),  # Mongolia
    "MNP": (15.18, 145.74),  # Northern Mariana Islands
    "MOZ": (-17.27, 35.53),  # Mozambique
    "MRT": (20.26, -10.35),  # Mauritania
    "MSR": (16.74, -62.19),  # Montserrat
    "MTQ": (14.64, -61.02),  # Martinique -- Martinique
    "MUS": (-20.28, 57.57),  # Mauritius
    "MWI": (-13.22, 34.29),  # Malawi
    "MYS": (4.2, 102.0),  # Malaysia -- Peninsular Malaysia (capital side); topojson centroid is on Borneo
    "MYT": (-12.83, 45.17),  # Mayotte -- Mayotte
    "NAM": (-22.13, 17.21),  # Namibia
    "NCL": (-21.33, 165.49),  # New Caledonia
    "NER": (17.42, 9.39),  # Niger
    "NFK": (-29.05, 167.95),  # Norfolk Island
    "NGA": (9.6, 8.09),  # Nigeria
    "NIC": (12.85, -85.03),  # Nicaragua
    "NIU": (-19.05, -169.87),  # Niue
    "NLD": (52.28, 5.64),  # Netherlands
    "NOR": (64.24, 13.91),  # Norway
    "NPL": (28.25, 83.92),  # Nepal
    "NRU": (-0.52, 166.93),  # Nauru
    "NZL": (-43.97, 170.53),  # New Zealand
    "OMN": (20.58, 56.09),  # Oman
    "PAK": (29.95, 69.34),  # Pakistan
    "PAN": (8.52, -80.11),  # Panama
    "PCN": (-24.37, -128.32),  # Pitcairn
    "PER": (-9.15, -74.38),  # Peru
    "PHL": (15.96, 121.42),  # Philippines
    "PLW": (7.51, 134.58),  # Palau
    "PNG": (-6.61, 144.24),  # Papua New Guinea
    "POL": (52.13, 19.39),  # Poland
    "PRI": (18.23, -66.48),  # Puerto Rico
    "PRK": (40.15, 127.19),  # Korea, Democratic People's Republic of
    "PRT": (39.68, -7.98),  # Portugal
    "PRY": (-23.23, -58.4),  # Paraguay
    "PSE": (31.95, 35.25),  # Palestine, State of
    "PYF": (-17.66, -149.42),  # French Polynesia
    "QAT": (25.31, 51.18),  # Qatar
    "REU": (-21.12, 55.54),  # Réunion -- Reunion
    "ROU": (45.85, 24.97),  # Romania
    "RUS": (61.66, 99.06),  # Russian Federation
    "RWA": (-1.99, 29.92),  # Rwanda
    "SAU": (24.12, 44.54),  # Saudi Arabia
    "SDN": (15.99, 29.94),  # Sudan
    "SEN": (14.37, -14.47),  # Senegal
    "SGP": (1.36, 103.82),  # Singapore
    "SGS": (-54.36, -36.69),  # South Georgia and the South Sandwich Islands
    "SHN": (-15.96, -5.72),  # Saint Helena, Ascension and Tristan da Cunha
    "SJM": (78.22, 15.65),  # Svalbard and Jan Mayen -- Svalbard (Longyearbyen)
    "SLB": (-9.62, 160.17),  # Solomon Islands
    "SLE": (8.57, -11.79),  # Sierra Leone
    "SLV": (13.74, -88.87),  # El Salvador
    "SMR": (43.94, 12.46),  # San Marino
    "SOM": (4.75, 45.71),  # Somalia
    "SPM": (46.95, -56.33),  # Saint Pierre and Miquelon
    "SRB": (44.22, 20.79),  # Serbia
    "SSD": (7.31, 30.25),  # South Sudan
    "STP": (0.24, 6.61),  # Sao Tome and Principe
    "SUR": (4.13, -55.91),  # Suriname
    "SVK": (48.71, 19.48),  # Slovakia
    "SVN": (46.12, 14.8),  # Slovenia
    "SWE": (62.83, 16.73),  # Sweden
    "SWZ": (-26.56, 31.48),  # Eswatini
    "SXM": (18.05, -63.06),  # Sint Maarten (Dutch part)
    "SYC": (-4.66, 55.48),  # Seychelles
    "SYR": (35.03, 38.51),  # Syrian Arab Republic
    "TCA": (21.81, -71.74),  # Turks and Caicos Islands
    "TCD": (15.33, 18.64),  # Chad
    "TGO": (8.53, 0.96),  # Togo
    "THA": (15.13, 101.01),  # Thailand
    "TJK": (38.53, 71.01),  # Tajikistan
    "TKL": (-9.2, -171.85),  # Tokelau -- Tokelau
    "TKM": (39.12, 59.37),  # Turkmenistan
    "TLS": (-8.81, 125.92),  # Timor-Leste
    "TON": (-21.17, -175.22),  # Tonga
    "TTO": (10.42, -61.29),  # Trinidad and Tobago
    "TUN": (34.12, 9.55),  # Tunisia
    "TUR": (38.99, 35.42),  # Türkiye
    "TUV": (-8.52, 179.2),  # Tuvalu -- Tuvalu (Funafuti)
    "TWN": (23.75, 120.96),  # Taiwan, Province of China
    "TZA": (-6.28, 34.8),  # Tanzania, United Republic of
    "UGA": (1.27, 32.37),  # Uganda
    "UKR": (49.16, 31.25),  # Ukraine
    "UMI": (19.28, 166.65),  # United States Minor Outlying Islands -- Wake Island
    "URY": (-32.8, -56.02),  # Uruguay
    "USA": (39.53, -99.14),  # United States
    "UZB": (41.76, 63.13),  # Uzbekistan
    "VAT": (41.9, 12.43),  # Holy See (Vatican City State)
    "VCT": (13.25, -61.2),  # Saint Vincent and the Grenadines
    "VEN": (7.12, -66.19),  # Venezuela, Bolivarian Republic of
    "VGB": (18.42, -64.62),  # Virgin Islands, British
    "VIR": (17.74, -64.77),  # Virgin Islands, U.S.
    "VNM": (16.65, 106.3),  # Viet Nam
    "VUT": (-15.23, 166.85),  # Vanuatu
    "WLF": (-14.29, -178.13),  # Wallis and Futuna
    "WSM": (-13.63, -172.44),  # Samoa
    "YEM": (15.94, 47.54),  # Yemen
    "ZAF": (-29.01, 25.16),  # South Africa
    "ZMB": (-13.46, 27.77),  # Zambia
    "ZWE": (-19.0, 29.85),  # Zimbabwe
    "XKX": (42.6, 20.9),  # Kosovo (user-assigned code, not in ISO 3166-1) -- hand-written
}


def centroid(iso3: str) -> tuple[float, float] | None:
    """Return the marker position of a country.

    Args:
        iso3: ISO 3166-1 alpha-3 code, any case.

    Returns:
        ``(lat, lon)``, or ``None`` when the code is unknown.
    """
    return CENTROIDS.get(str(iso3).upper())
