"""Untrusted text made safe to show: an article as HTML with the extracted values marked, and
text from articles or metadata escaped for Streamlit's Markdown.

Article text is untrusted: every character of it goes through ``html.escape``
before it reaches the page, so a ``<script>`` in an article is shown as text
and never runs. Only our own ``<mark>``, ``<p>`` and ``<div>`` tags are added.
Streamlit renders ``st.info``, ``st.warning``, ``st.error`` and ``st.success``
as Markdown, so a visitor's name written as a Markdown image link would make
the browser fetch an image from an outside host: ``escape_markdown`` turns every Markdown
sign into a literal character first.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# CommonMark's escapable ASCII punctuation, plus ":" (Streamlit's :emoji: and :color[...] codes) and
# "$" (its LaTeX).
_MARKDOWN_SIGN_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^])")


def escape_markdown(text: object) -> str:
    """``text`` with every Markdown sign backslash-escaped, so Streamlit shows it as written."""
    return _MARKDOWN_SIGN_RE.sub(r"\\\1", "" if text is None else str(text))


def field_label(field: str, labels: dict[str, str]) -> str:
    """Human name of an evidence field (``topic:cyber`` -> its topic label)."""
    if field.startswith("topic:"):
        return labels.get(field, field.split(":", 1)[1])
    return labels.get(field, field)


def article_html(text: str, evidence: pd.DataFrame, labels: dict[str, str], lang: str = "ar") -> str:
    """Escaped article paragraphs with each evidence span wrapped in ``<mark>``.

    Args:
        text: the article's cleaned body text.
        evidence: evidence rows of the article's meetings (``field, start, end``).
        labels: field -> label shown as the mark's tooltip.
        lang: page language (the article itself is always marked right-to-left).
    Returns:
        An HTML fragment.
    """
    spans = (evidence[["start", "end", "field"]].dropna().astype({"start": int, "end": int})
             .query("start < end").sort_values(["start", "end"], ascending=[True, False]))
    pieces: list[str] = []
    cursor = 0
    for start, end, field in spans.itertuples(index=False):
        if start < cursor or end > len(text):
            continue  # nested or stale span: the outer mark already shows it
        pieces.append(html.escape(text[cursor:start]))
        title = html.escape(field_label(field, labels), quote=True)
        pieces.append(f'<mark class="evidence" title="{title}">{html.escape(text[start:end])}</mark>')
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return f'<div dir="rtl" lang="ar" class="article-text">{paragraphs}</div>'
