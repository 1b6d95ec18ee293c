"""Download file names: ASCII, dated and tagged with the language (``safe_filename``)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["safe_filename"]

_WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                               *(f"lpt{i}" for i in range(1, 10))})


def safe_filename(title: str, lang: str = "ar", day: dt.date | None = None, ext: str = "") -> str:
    """A download file name that survives every browser, file system and mail client.

    Decision: file names are **ASCII only**: ``imctc_<slug>_<lang>_<yyyy-mm-dd>``.
    Arabic file names are legal on current systems, but they are mangled by
    some download paths and zip tools, and a name mixing Arabic, digits and an
    extension is displayed in a scrambled order by left-to-right file
    managers. The chart's Arabic title is on the image itself; the language
    code in the name tells the Arabic and English files apart.

    ``title`` should be the chart's ASCII name (``"partner_map"``) or its
    English title. Whatever it is, characters outside ``[a-z0-9]`` become
    hyphens (accents are dropped first; Arabic letters, bidi controls, path
    separators and characters illegal on Windows disappear); a title with
    nothing left reads ``chart``.

    Args:
        title: chart name or English title.
        lang: ``"ar"`` or ``"en"``, written into the name.
        day: date in the name (today by default).
        ext: extension to append, with or without the dot (plotly's download
            button adds ``.png`` itself, so leave it empty there).

    Returns:
        e.g. ``"imctc_partner-map_ar_2025-11-25"`` or ``"imctc_briefing_en_2025-11-25.pptx"``.
    """
    text = unicodedata.normalize("NFKD", str(title or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode("ascii")).strip("-")[:60].strip("-")
    if not slug or slug in _WINDOWS_RESERVED:
        slug = slug and f"{slug}-chart" or "chart"
    code = "en" if str(lang).lower().startswith("en") else "ar"
    name = f"imctc_{slug}_{code}_{(day or dt.date.today()).isoformat()}"
    ext = re.sub(r"[^a-z0-9]", "", str(ext).lower())
    return f"{name}.{ext}" if ext else name
