"""Colours: page themes (light and dark) for presentation mode, the charts' categorical palette, and
the WCAG contrast check they must pass.

Pure Python: no Streamlit, no plotly. ``tests/test_present_page.py`` asserts
that every text colour of both palettes has a contrast ratio of at least
4.5:1 (WCAG 2.x AA, body text) against every background it is drawn on, and
that the chart fonts of ``charts.style(lang, theme)`` do too.

The one home of the project's palettes: ``charts.style`` takes the categorical
palette (``OKABE_ITO``) from here, and each theme's page background as its
paper colour, so a chart sits on the slide without a visible box.

``presentation_css`` returns layout-only CSS built from these constants: it
never contains user or article text.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "OKABE_ITO",
    "THEMES",
    "Palette",
    "PALETTES",
    "palette",
    "relative_luminance",
    "contrast_ratio",
    "text_pairs",
    "presentation_css",
]

THEMES = ("light", "dark")

#: Okabe & Ito (2008) colour-blind-safe palette: orange, sky blue, bluish green, yellow, blue,
#: vermillion, reddish purple, black. Black is last: the dark theme swaps it for light grey.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")


@dataclass(frozen=True)
class Palette:
    """Colours of one page theme (``#rrggbb``).

    Attributes:
        name: ``"light"`` or ``"dark"``.
        background: page background (equal to the charts' paper colour).
        surface: raised surfaces: buttons, inputs, table header.
        text: body text.
        muted: secondary text (captions, labels).
        accent: links, the active control, the slide counter.
        on_accent: text drawn on an ``accent`` fill (primary buttons).
        border: outlines of controls (non-text: WCAG asks 3:1).
    """

    name: str
    background: str
    surface: str
    text: str
    muted: str
    accent: str
    on_accent: str
    border: str


PALETTES: dict[str, Palette] = {
    # Streamlit's configured light theme (.streamlit/config.toml).
    "light": Palette(name="light", background="#FFFFFF", surface="#F3F6F5", text="#1F2A30",
                     muted="#4A5560", accent="#0F6E56", on_accent="#FFFFFF", border="#8A9590"),
    # The background is also the charts' paper (charts.style(..., "dark").paper_bgcolor).
    "dark": Palette(name="dark", background="#0E1117", surface="#262730", text="#FAFAFA",
                    muted="#C3C7CF", accent="#4FD1A5", on_accent="#0E1117", border="#8B8F9A"),
}


def palette(theme: str) -> Palette:
    """The palette of ``theme`` (anything but ``"dark"`` is light)."""
    return PALETTES["dark" if theme == "dark" else "light"]


def _channel(value: int) -> float:
    """sRGB channel (0-255) to linear light, as defined by WCAG 2.x."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    """``#rgb`` or ``#rrggbb`` to a tuple of ints."""
    h = colour.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    if len(h) != 6:
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a hex colour: 0 (black) to 1 (white)."""
    r, g, b = (_channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg_hex: str, bg_hex: str) -> float:
    """WCAG contrast ratio of two hex colours, from 1.0 to 21.0 (order does not matter).

    Args:
        fg_hex: text colour, ``#rrggbb`` (or ``#rgb``).
        bg_hex: background colour.

    Returns:
        ``(L1 + 0.05) / (L2 + 0.05)`` with ``L1`` the lighter luminance.
        AA asks at least 4.5 for body text, 3.0 for large text and UI outlines.
    """
    a, b = relative_luminance(fg_hex), relative_luminance(bg_hex)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """Every (name, text colour, background colour) pair the presentation page draws.

    Returns:
        ``(label, fg, bg)`` triples: body, muted and accent text on the page
        background and on surfaces, and ``on_accent`` on the accent.
    """
    pairs = [(f"{fg}/{bg}", getattr(p, fg), getattr(p, bg))
             for fg in ("text", "muted", "accent") for bg in ("background", "surface")]
    pairs.append(("on_accent/accent", p.on_accent, p.accent))
    return pairs


# Streamlit's own chrome: hidden in presentation mode (the slide is the whole screen).
_HIDE_CHROME = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stMainMenu"], [data-testid="stStatusWidget"], [data-testid="stAppDeployButton"],
[data-testid="stSidebarNav"], [data-testid="stTopNavLinkContainer"], header, footer, #MainMenu {
  display: none !important;
}
[data-testid="stAppViewContainer"] > [data-testid="stMain"] { margin-left: 0; margin-right: 0; }
[data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 1rem 2.5rem 0.5rem 2.5rem !important;
}
"""


def presentation_css(theme: str = "light", rtl: bool = False) -> str:
    """Layout-only CSS for presentation mode: chrome hidden, large type, the theme's colours.

    Built from constants only (never from data), so it is safe to pass to
    ``st.html``.

    Args:
        theme: ``"light"`` or ``"dark"``.
        rtl: right-to-left page (Arabic): the segmented control's rounded
            ends are swapped, since its first option is now on the right.

    Returns:
        A ``<style>`` element.
    """
    p = palette(theme)
    colours = f"""
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stBottomBlockContainer"] {{
  background: {p.background} !important; color: {p.text} !important;
}}
[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,
[data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] span,
[data-testid="stMarkdownContainer"], [data-testid="stMetricValue"] {{ color: {p.text} !important; }}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p, [data-testid="stCaptionContainer"],
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] div {{ color: {p.muted} !important; }}
[data-testid="stMain"] button[kind], [data-testid="stMain"] button[data-variant] {{
  background: {p.surface} !important; color: {p.text} !important; border: 1px solid {p.border} !important;
}}
[data-testid="stMain"] button[kind] *, [data-testid="stMain"] button[data-variant] * {{ color: inherit !important; }}
[data-testid="stMain"] button:disabled {{ opacity: 0.45; }}
[data-testid="stMain"] [data-testid="stPageLink"] a {{
  background: {p.surface} !important; border: 1px solid {p.border} !important; border-radius: 8px;
  justify-content: center;
}}
[data-testid="stMain"] button[aria-checked="true"], [data-testid="stMain"] button[kind="primary"] {{
  background: {p.accent} !important; color: {p.on_accent} !important; border-color: {p.accent} !important;
}}
[data-testid="stMain"] input {{
  background: {p.surface} !important; color: {p.text} !important; -webkit-text-fill-color: {p.text} !important;
}}
[data-testid="stMain"] input:disabled {{ color: {p.muted} !important; -webkit-text-fill-color: {p.muted} !important; }}
[data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"] {{ color: {p.muted} !important; }}
[data-testid="stMain"] [data-testid="stCheckbox"] label > span + div {{ background: {p.border} !important; }}
[data-testid="stMain"] [data-testid="stCheckbox"] label:has(input:checked) > span + div {{
  background: {p.accent} !important;
}}
[data-testid="stMain"] [data-testid="stMetricDelta"] {{ background: {p.surface} !important; }}
[data-testid="stMain"] [data-testid="stMetricDelta"] p {{ color: {p.muted} !important; }}
[data-testid="stNumberInputContainer"], [data-testid="stNumberInput"] > div > div {{
  background: {p.surface} !important; border-color: {p.border} !important;
}}
[data-testid="stTable"] table, [data-testid="stTable"] th, [data-testid="stTable"] td {{
  color: {p.text} !important; background: {p.background} !important; border-color: {p.border} !important;
}}
[data-testid="stTable"] th {{ background: {p.surface} !important; }}
.st-key-present_counter p {{ color: {p.accent} !important; }}
"""
    sizes = """
[data-testid="stMain"] h1 { font-size: 44px !important; }
[data-testid="stMain"] h2 { font-size: 38px !important; }
[data-testid="stMetricValue"] { font-size: 84px !important; line-height: 1.15 !important; }
[data-testid="stMetricValue"] > div { font-size: 84px !important; }
.st-key-metric_latest [data-testid="stMetricValue"], .st-key-metric_latest [data-testid="stMetricValue"] > div {
  font-size: clamp(40px, 3.4vw, 84px) !important;
}
.st-key-profile_metrics [data-testid="stMetricValue"], .st-key-profile_metrics [data-testid="stMetricValue"] > div {
  font-size: clamp(34px, 2.6vw, 84px) !important;
}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p { font-size: 30px !important; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] div { font-size: 26px !important; }
[data-testid="stTable"] table { font-size: 24px !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 20px !important; }
[data-testid="stMain"] h3 { font-size: 28px !important; }
[data-testid="stTable"] th, [data-testid="stTable"] td { padding: 10px 14px !important; }
.st-key-present_controls p, .st-key-present_controls label, .st-key-present_controls button { font-size: 20px !important; }
.st-key-present_counter p { font-size: 30px !important; font-weight: 700; text-align: center; margin: 0; }
"""
    mirror = """
[data-testid="stMain"] [data-testid="stButtonGroup"] button:first-of-type {
  border-radius: 0 8px 8px 0 !important; margin-right: 0 !important; margin-left: -1px !important;
}
[data-testid="stMain"] [data-testid="stButtonGroup"] button:last-of-type { border-radius: 8px 0 0 8px !important; }
""" if rtl else ""
    return f"<style>{_HIDE_CHROME}{colours}{sizes}{mirror}</style>"
