"""Country and organisation gazetteer for Arabic (and English) news text.

Countries come from pycountry (ISO 3166-1 codes, English names and the Arabic
translation pycountry ships), completed by the hand tables in
:mod:`dashboard.preprocess.lexicon.countries` (display names, alternate forms,
the contexts in which a term does *not* mean a country) and
:mod:`dashboard.preprocess.lexicon.demonyms` (nationality adjectives). Organisations are the table in
:mod:`dashboard.preprocess.lexicon.organisations`; at load time every one of
their terms also gets the spellings reports use for the same words: the glued
"الأممالمتحدة" for "الأمم المتحدة", and "داعش" between « », " " or “ ” (the
automaton matches characters, so a quoted name needs its own term).

Every term is passed through :func:`normalize` before it goes into one
Aho-Corasick automaton, so it matches the normalised article text directly.
Latin terms are lower-cased, and ``find`` lower-cases the text it scans.

A hit is kept only when it is a whole word: the character after it is not a
letter, and the letters glued in front of it are one of the Arabic proclitics
(و ف ب ك ل and their pairs). ``لل`` + a term without its article
("للمالديف") is handled by a second, article-less copy of every ``ال`` term
that accepts only ``لل`` (or ``ل`` when the word itself starts with ل). Among
the kept hits the longest-leftmost non-overlapping ones win, so
"الجمعية البرلمانية لحلف شمال الأطلسي" beats "حلف شمال الأطلسي" and
"غينيا بيساو" beats "غينيا".
"""

from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass

import ahocorasick
import pycountry

from dashboard.preprocess.lexicon.countries import (
    ALTERNATES_AR, ALTERNATES_EN, BLOCKED_TERMS, CONTEXT_ONLY_TERMS, DISPLAY_AR, EXCLUDED_CONTEXTS,
    QUOTED_ONLY_TERMS,
)
from dashboard.preprocess.lexicon.demonyms import ADJECTIVES_AR, DEFINITE_ADJECTIVES_ONLY, NO_ADJECTIVES
from dashboard.preprocess.lexicon.organisations import ORGANISATIONS, OrgEntry
from dashboard.preprocess.normalize import ARABIC_LETTER_RE, normalize

# --------------------------------------------------------------------------
# Public records
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 country with its display names."""

    iso3: str
    iso2: str
    name_ar: str  # display form, no diacritics ("المالديف", "تركيا")
    name_en: str  # pycountry common_name, else name


@dataclass(frozen=True)
class Organisation:
    """An organisation; ``parent_id`` links e.g. UNOCT to UN.

    ``kind`` is one of ``lexicon.organisations.KINDS`` ("un", "coalition",
    "university"...); ``country`` is the ISO3 of the seat of a national body
    (a university, a national research centre), None for international ones.
    """

    org_id: str
    name_ar: str
    name_en: str
    short_en: str
    parent_id: str | None = None
    kind: str = ""
    country: str | None = None


@dataclass(frozen=True)
class Mention:
    """One gazetteer hit in a normalised text."""

    start: int  # span of the term itself (no proclitic) in the text given
    end: int
    kind: str  # "country" | "org"
    key: str  # iso3 or org_id
    term: str  # the normalised (and, for Latin, lower-cased) term that matched
    form: str  # "name" | "adjective" | "alternate" | "org"


# --------------------------------------------------------------------------
# Matching rules. The word tables (country names, demonyms, organisations) are
# data in lexicon/; Arabic is written there as people write it and normalised
# at load time.
# --------------------------------------------------------------------------

_OPEN_QUOTES = frozenset("«\"“”'(")
_CLOSE_QUOTES = frozenset("»\"”“')")

# Letters a word may carry in front of a term: و ف ب ك ل and their pairs.
PROCLITICS = frozenset({"", "و", "ف", "ب", "ك", "ل", "وب", "ول", "وك", "فب", "فل", "فك"})
# ل + ال-word is written لل + word ("للمالديف"); the article-less copy of an
# ال term accepts only these.
LL_PROCLITICS = frozenset({"لل", "ولل", "فلل"})
# ...and when the word itself starts with ل the three lams collapse to two
# ("لليبي" = ل + الليبي), so only one ل is left in front.
L_PROCLITICS = frozenset({"ل", "ول", "فل"})
LATIN_PROCLITICS = frozenset({""})

# Higher wins when one term reaches the same key through several sources.
_FORM_RANK = {"name": 3, "org": 3, "alternate": 2, "adjective": 1}

# Spellings of organisation terms added at load time (see _spelling_variants).
_UN_SPACED = normalize("امم المتحدة")  # without ال, so "للأمم المتحدة" is covered too
_UN_GLUED = _UN_SPACED.replace(" ", "")
QUOTABLE_NAMES: tuple[str, ...] = ("داعش",)
_QUOTABLE = tuple(normalize(name) for name in QUOTABLE_NAMES)
_QUOTE_PAIRS = (("«", "»"), ('"', '"'), ("“", "”"))

_ARABIC_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_NAME_SPLIT_RE = re.compile(r"[,()]")

# --------------------------------------------------------------------------
# Term building
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A term proposed for a key, before collisions are resolved."""

    term: str
    kind: str
    key: str
    form: str
    hand: bool  # from a hand table (wins over pycountry-derived forms)


@dataclass(frozen=True)
class _Entry:
    """What a term in the automaton means, and when a hit on it counts."""

    kind: str
    key: str
    form: str
    proclitics: frozenset[str]
    skip_if_prev: tuple[str, ...] = ()
    skip_if_next: tuple[str, ...] = ()
    quoted_only: bool = False
    only_if_prev: tuple[str, ...] = ()


def _clean_term(text: str) -> str:
    """Normalise a term: Arabic normalisation, Latin lower-case, single spaces.

    Args:
        text: a name as written in a table or by pycountry.
    Returns:
        The form that is looked up in normalised, case-folded text.
    """
    return " ".join(normalize(text).lower().split())


def _strip_diacritics(text: str) -> str:
    """Drop harakat, shadda and tatweel but keep hamza letters (for display).

    Args:
        text: Arabic text.
    Returns:
        The text without diacritics, with "X و Y" written "X وY".
    """
    return " ".join(_ARABIC_DIACRITICS_RE.sub("", text).replace(" و ", " و").split())


def _is_arabic(term: str) -> bool:
    """True when the term contains Arabic letters."""
    return bool(ARABIC_LETTER_RE.search(term))


def _arabic_name_parts(name: str) -> list[str]:
    """Split a pycountry Arabic name into usable terms.

    pycountry writes some names inverted ("الكونغو، جمهوريّة الكونغو ...") or
    with a parenthesised alias ("المجر (هنغاريا)"); each piece is a term, and
    "X و Y" and "X-Y" also get their usual spellings.

    Args:
        name: pycountry's Arabic name (raw).
    Returns:
        Normalised terms.
    """
    terms: list[str] = []
    for part in _NAME_SPLIT_RE.split(_clean_term(name)):
        part = " ".join(part.split())
        if not part:
            continue
        terms.append(part)
        if " و " in part:
            terms.append(part.replace(" و ", " و"))
        if "-" in part:
            terms.append(part.replace("-", " "))
    return terms


def _english_names(country) -> list[str]:
    """English names of a pycountry country, minus inverted tails.

    Args:
        country: a pycountry country record.
    Returns:
        Raw English names ("Korea, Republic of" gives "Korea").
    """
    names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
    out = []
    for name in filter(None, names):
        # "Korea, Republic of" -> "Korea"; "Falkland Islands (Malvinas)" -> both
        head = name.split(",")[0]
        out.extend(p.strip() for p in re.split(r"[()]", head) if p.strip())
    return out


def adjective_by_rule(name: str) -> str | None:
    """Masculine definite nationality adjective of a one-word country name.

    The nisba rule: drop the article, drop a final ا / يا / ة / ية, add ي,
    put the article back ("ماليزيا" -> "الماليزي", "المالديف" -> "المالديفي",
    "سنغافورة" -> "السنغافوري", "جيبوتي" -> "الجيبوتي").

    Args:
        name: normalised country name.
    Returns:
        The normalised adjective, or None for multi-word names.
    """
    if " " in name or "-" in name:
        return None
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith(("يا", "يه")):
        stem = stem[:-2]
    elif stem.endswith(("ا", "ه")):
        stem = stem[:-1]
    elif stem.endswith("ي"):
        return "ال" + stem
    return "ال" + stem + "ي"


def adjective_forms(masculine: str, definite_only: bool = False) -> list[str]:
    """Feminine and plural forms (and bare forms) of a masculine adjective.

    Every word ending in ي is inflected, so "الكوري الجنوبي" gives
    "الكورية الجنوبية" and "الجنوب أفريقي" gives "الجنوب أفريقية".

    Args:
        masculine: normalised masculine definite adjective.
        definite_only: leave out the forms without the article.
    Returns:
        Normalised forms: masc., fem., plural -ون, plural -ين, then the
        same without the article unless ``definite_only``.
    """
    words = masculine.split()

    def inflect(suffix: str) -> str:
        return " ".join(w + suffix if w.endswith("ي") else w for w in words)

    definite = [masculine, inflect("ه"), inflect("ون"), inflect("ين")]
    if definite_only:
        return definite
    bare = [" ".join(w[2:] if w.startswith("ال") else w for w in form.split()) for form in definite]
    return definite + bare


def _country_candidates(country, arabic_name: str | None, display_ar: str) -> list[_Candidate]:
    """Every term proposed for one country.

    Args:
        country: pycountry record.
        arabic_name: pycountry's Arabic name, or None when it has none.
        display_ar: the display name chosen for the country.
    Returns:
        Candidates (names, alternates, adjectives, English names).
    """
    iso3 = country.alpha_3
    out: list[_Candidate] = []

    def add(raw_terms, form: str, hand: bool, split: bool = False) -> None:
        for raw in raw_terms:
            terms = _arabic_name_parts(raw) if split else [_clean_term(raw)]
            out.extend(_Candidate(t, "country", iso3, form, hand) for t in terms)

    if arabic_name:
        add([arabic_name], "name", hand=False, split=True)
    add([display_ar], "name", hand=iso3 in DISPLAY_AR, split=True)
    add(ALTERNATES_AR.get(iso3, ()), "alternate", hand=True)
    add(_english_names(country), "name", hand=False)
    add(ALTERNATES_EN.get(iso3, ()), "alternate", hand=True)

    if iso3 not in NO_ADJECTIVES:
        definite_only = iso3 in DEFINITE_ADJECTIVES_ONLY
        if iso3 in ADJECTIVES_AR:
            masculines = [_clean_term(a) for a in ADJECTIVES_AR[iso3]]
            hand = True
        else:
            # The rule is trusted only for definite forms: bare nisba forms of
            # minor countries collide with names and common words.
            masculines = [a for a in [adjective_by_rule(_clean_term(display_ar))] if a]
            hand, definite_only = False, True
        for masc in masculines:
            add(adjective_forms(masc, definite_only), "adjective", hand)
    return out


def _spelling_variants(term: str) -> list[str]:
    """A normalised term and the other ways reports write the same words.

    "الأمم المتحدة" is also written glued ("الأممالمتحدة", "للأممالمتحدة"),
    and a name in ``QUOTABLE_NAMES`` may stand between quote marks
    ("التحالف ضد «داعش»").

    Args:
        term: normalised term.
    Returns:
        The term first, then its variants (normalised, no duplicates).
    """
    forms = [term]
    if _UN_SPACED in term:
        forms.append(term.replace(_UN_SPACED, _UN_GLUED))
    for name in _QUOTABLE:
        if not re.search(rf"(?<!\w){name}(?!\w)", term):
            continue
        forms += [re.sub(rf"(?<!\w){name}(?!\w)", f"{opening}{name}{closing}", form)
                  for form in list(forms) for opening, closing in _QUOTE_PAIRS]
    return list(dict.fromkeys(forms))


def _organisation_candidates(entry: OrgEntry) -> tuple[Organisation, list[_Candidate]]:
    """The record and the terms of one entry of the organisations table.

    Args:
        entry: one ``OrgEntry``.
    Returns:
        The Organisation and its candidates (all hand-made), spelling variants included.
    """
    org = Organisation(entry.org_id, _strip_diacritics(entry.name_ar), entry.name_en,
                       entry.short_en or entry.org_id, entry.parent, entry.kind, entry.country)
    raw_terms = (entry.name_ar, *entry.terms_ar, entry.name_en, *entry.terms_en)
    terms = dict.fromkeys(v for t in raw_terms for v in _spelling_variants(_clean_term(t)))
    return org, [_Candidate(t, "org", entry.org_id, "org", True) for t in terms]


def _resolve(candidates: list[_Candidate]) -> dict[str, _Candidate]:
    """One meaning per term.

    A hand-table term beats pycountry-derived ones; two hand tables giving
    the same term to different keys is a data error; pycountry-derived terms
    shared by several keys ("الكونغو" for both Congos) are dropped. Within a
    key the strongest form wins (name > alternate > adjective).

    Args:
        candidates: all proposals.
    Returns:
        term -> chosen candidate.
    Raises:
        ValueError: when hand tables disagree about a term.
    """
    blocked = {_clean_term(t) for t in BLOCKED_TERMS}
    by_term: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        if cand.term and cand.term not in blocked and len(cand.term) >= 3:
            by_term.setdefault(cand.term, []).append(cand)

    chosen: dict[str, _Candidate] = {}
    for term, cands in by_term.items():
        hand_keys = {(c.kind, c.key) for c in cands if c.hand}
        if len(hand_keys) > 1:
            raise ValueError(f"gazetteer term {term!r} is given to {sorted(hand_keys)}")
        keys = hand_keys or {(c.kind, c.key) for c in cands}
        if len(keys) > 1:
            continue  # ambiguous and nobody decided: leave it out
        (kind, key), = keys
        mine = [c for c in cands if (c.kind, c.key) == (kind, key)]
        chosen[term] = max(mine, key=lambda c: (_FORM_RANK[c.form], c.hand))
    return chosen


def _entries(chosen: dict[str, _Candidate]) -> dict[str, tuple[_Entry, ...]]:
    """Automaton payloads: each term, plus an article-less copy of ال terms.

    Args:
        chosen: term -> candidate, from :func:`_resolve`.
    Returns:
        automaton term -> entries (checked in order at match time).
    """
    contexts = {
        _clean_term(term): (tuple(_clean_term(w) for w in prev), tuple(_clean_term(w) for w in nxt))
        for term, prev, nxt in EXCLUDED_CONTEXTS
    }
    quoted = {_clean_term(t) for t in QUOTED_ONLY_TERMS}
    table: dict[str, list[_Entry]] = {}
    for term, cand in chosen.items():
        arabic = _is_arabic(term)
        prev, nxt = contexts.get(term, ((), ()))
        base = _Entry(cand.kind, cand.key, cand.form, PROCLITICS if arabic else LATIN_PROCLITICS,
                      prev, nxt, term in quoted)
        table.setdefault(term, []).insert(0, base)  # a real term outranks a copy
        if arabic and term.startswith("ال") and len(term) > 4:
            bare = term[2:]
            proclitics = L_PROCLITICS if bare.startswith("ل") else LL_PROCLITICS
            table.setdefault(bare, []).append(
                _Entry(cand.kind, cand.key, cand.form, proclitics, prev, nxt, term in quoted))
    for term, iso3, previous in CONTEXT_ONLY_TERMS:
        table.setdefault(_clean_term(term), []).append(
            _Entry("country", iso3, "name", frozenset({""}), only_if_prev=tuple(_clean_term(w) for w in previous)))
    return {term: tuple(entries) for term, entries in table.items()}


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def _fold_case(text: str) -> str:
    """Lower-case Latin letters without changing the length of the text.

    Args:
        text: normalised text.
    Returns:
        Same-length text; characters whose lower case is longer stay as they are.
    """
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _word_before(text: str, index: int) -> str:
    """The word ending just before ``index`` (spaces skipped), or ""."""
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _word_after(text: str, index: int) -> str:
    """The word starting after ``index`` (spaces skipped), or ""."""
    start = index
    while start < len(text) and text[start].isspace():
        start += 1
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


class Gazetteer:
    """Countries and organisations, and a matcher over normalised text."""

    def __init__(self, countries: dict[str, Country], organisations: dict[str, Organisation],
                 entries: dict[str, tuple[_Entry, ...]]) -> None:
        """Build the automaton.

        Args:
            countries: iso3 -> Country.
            organisations: org_id -> Organisation.
            entries: normalised term -> entries (see :func:`_entries`).
        """
        self.countries = countries
        self.organisations = organisations
        self._entries = entries
        self._automaton = ahocorasick.Automaton()
        for term in entries:
            self._automaton.add_word(term, term)
        self._automaton.make_automaton()

    def country(self, iso3: str) -> Country:
        """The country with ISO alpha-3 code ``iso3`` (KeyError if unknown)."""
        return self.countries[iso3]

    def organisation(self, org_id: str) -> Organisation:
        """The organisation with id ``org_id`` (KeyError if unknown)."""
        return self.organisations[org_id]

    def terms_for(self, key: str, kind: str = "country") -> list[str]:
        """All automaton terms (article-less copies included) for one key.

        Args:
            key: iso3 or org_id.
            kind: "country" or "org".
        Returns:
            Sorted normalised terms.
        """
        return sorted(t for t, entries in self._entries.items()
                      if any(e.key == key and e.kind == kind for e in entries))

    def find(self, norm_text: str) -> list[Mention]:
        """Country and organisation mentions in a normalised text.

        Args:
            norm_text: output of ``normalize`` (Latin may be in any case).
        Returns:
            Non-overlapping whole-word mentions, longest-leftmost, in text order.
        """
        text = _fold_case(norm_text)
        hits: list[tuple[int, int, str, _Entry]] = []
        for last, term in self._automaton.iter(text):
            start, end = last + 1 - len(term), last + 1
            entry = self._accept(text, start, end, term)
            if entry is not None:
                hits.append((start, end, term, entry))

        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        mentions: list[Mention] = []
        covered_to = 0
        for start, end, term, entry in hits:
            if start >= covered_to:
                mentions.append(Mention(start, end, entry.kind, entry.key, term, entry.form))
                covered_to = end
        return mentions

    def _accept(self, text: str, start: int, end: int, term: str) -> _Entry | None:
        """The entry a hit stands for, or None when it is not a whole word.

        Args:
            text: case-folded normalised text.
            start: hit start.
            end: hit end.
            term: the matched term.
        Returns:
            The first entry whose proclitics and context fit, else None.
        """
        if end < len(text) and text[end].isalpha():
            return None
        word_start = start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        prefix = text[word_start:start]
        for entry in self._entries[term]:
            if prefix not in entry.proclitics:
                continue
            if entry.skip_if_prev and _word_before(text, word_start).endswith(entry.skip_if_prev):
                continue
            if entry.skip_if_next and _word_after(text, end) in entry.skip_if_next:
                continue
            if entry.only_if_prev and _word_before(text, word_start) not in entry.only_if_prev:
                continue
            if entry.quoted_only and not (
                word_start > 0 and text[word_start - 1] in _OPEN_QUOTES
                and end < len(text) and text[end] in _CLOSE_QUOTES
            ):
                continue
            return entry
        return None


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _arabic_translation():
    """pycountry's Arabic ISO 3166-1 catalogue (gettext)."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])


def build_gazetteer() -> Gazetteer:
    """Build a fresh gazetteer from pycountry and the tables above.

    Returns:
        A Gazetteer (use :func:`load_gazetteer` for the shared cached one).
    """
    arabic = _arabic_translation()
    countries: dict[str, Country] = {}
    candidates: list[_Candidate] = []
    for record in pycountry.countries:
        translated = arabic.gettext(record.name)
        arabic_name = translated if translated != record.name else None  # untranslated: gettext echoes
        display = DISPLAY_AR.get(record.alpha_3) or _strip_diacritics(arabic_name or "")
        if not display:
            raise ValueError(f"no Arabic name for {record.alpha_3}; add it to DISPLAY_AR")
        name_en = getattr(record, "common_name", None) or record.name
        countries[record.alpha_3] = Country(record.alpha_3, record.alpha_2, display, name_en)
        candidates.extend(_country_candidates(record, arabic_name, display))

    organisations: dict[str, Organisation] = {}
    for entry in ORGANISATIONS:
        org, org_candidates = _organisation_candidates(entry)
        organisations[org.org_id] = org
        candidates.extend(org_candidates)

    return Gazetteer(countries, organisations, _entries(_resolve(candidates)))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use.

    Returns:
        The same Gazetteer object on every call.
    """
    return build_gazetteer()


def _sort_key(name_ar: str) -> str:
    """Sort Arabic names the way reference lists do: ignoring the article.

    The article is looked for before normalising, so "ألبانيا" (أل, not ال)
    keeps its first letter.
    """
    return normalize(name_ar[2:] if name_ar.startswith("ال") else name_ar)


def country_choices() -> list[Country]:
    """All countries sorted by Arabic name (article ignored), for pick lists.

    Returns:
        Country records.
    """
    gaz = load_gazetteer()
    return sorted(gaz.countries.values(), key=lambda c: (_sort_key(c.name_ar), c.iso3))
