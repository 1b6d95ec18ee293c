"""Presentation mode: one chart per screen, large type, no sidebar or Streamlit chrome.

Reached from the menu (``/present``) or by adding ``present=1`` to any link
(the entry file switches here and keeps the filters). The slide shown is in
the URL (``slide=N``) and in ``st.session_state["present_slide"]``; the theme
is ``theme=dark`` in the URL. Next/previous buttons (and the arrow keys: in
Arabic "next" is on the left and is the left arrow, the reading direction),
a "3 / 7" counter, an optional automatic advance, a light/dark switch and an
exit button. The deck itself is ``dashboard.presentation.slides``.
"""

import time

import streamlit as st

from dashboard import analytics, charts, i18n, presentation, tables, theme
from dashboard.analytics import member
from dashboard.i18n import t
from dashboard.rtl import LRI, PDI, browser_label
from dashboard.ui import context, headline_metrics, no_data_note, shared, show_chart

ctx = context()
lang = ctx.lang
rtl = i18n.is_rtl(lang)
align = "right" if rtl else "left"  # Streamlit aligns text left unless told
background = ctx.filters.include_background

# ---- the deck: with one partner selected (a profile presented), its profile is the last slides
profiled = analytics.partner_from_filters(ctx.filters)
profile_name = analytics.partner_name(profiled, analytics.partner_directory(ctx.meetings, lang), lang) \
    if profiled else ""

# ---- state: the slide and theme come from the link the first time, then from the controls
deck = presentation.slides(ctx.meetings, lang, ctx.filters.countries, profiled, profile_name)
total = len(deck)
url_slide = st.query_params.get("slide")
if "present_slide" not in st.session_state or url_slide != st.session_state.get("_present_url_slide"):
    # First visit, or the link was changed by hand: the URL wins.
    st.session_state["present_slide"] = presentation.slide_from_query(st.query_params.to_dict(), total)
number = presentation.clamp(st.session_state["present_slide"], total)
st.session_state["present_slide"] = number
st.query_params["slide"] = str(number)
st.session_state["_present_url_slide"] = str(number)
if st.session_state.get("_present_shown") != (number, total):
    st.session_state["_present_shown"] = (number, total)
    st.session_state["_present_shown_at"] = time.monotonic()

if "present_theme" not in st.session_state:
    st.session_state["present_theme"] = "dark" if st.query_params.get("theme") == "dark" else "light"


def _go(delta: int, wrap: bool = False) -> None:
    """Button callback: move ``delta`` slides."""
    st.session_state["present_slide"] = presentation.step(st.session_state["present_slide"], total, delta, wrap)


def _restart_clock() -> None:
    """Auto-advance switched on: the current slide gets a full interval."""
    st.session_state["_present_shown_at"] = time.monotonic()


# ---- controls: in a right-to-left page the first column is the right-most one, so
# "previous" sits at the reading start and "next" after it (on the left in Arabic).
# The chevrons are logical ("forward" = chevron_right): the icon font mirrors them
# in a right-to-left page, so "next" points left in Arabic.
with st.container(key="present_controls"):
    prev_col, counter_col, next_col, _, theme_col, auto_col, every_col, exit_col = st.columns(
        [1.3, 0.9, 1.3, 2.2, 1.8, 1.6, 1.2, 1.6], vertical_alignment="center")
    prev_col.button(t("present_prev", lang), key="present_prev", on_click=_go, args=(-1,),
                    disabled=number <= 1, icon=":material/chevron_left:", icon_position="left",
                    shortcut="Right" if rtl else "Left", width="stretch")
    with counter_col.container(key="present_counter"):
        # Isolated so that "3 / 7" reads the same way round in a right-to-left page.
        st.markdown(f"{LRI}{number} / {total}{PDI}", text_alignment="center")
    next_col.button(t("present_next", lang), key="present_next", on_click=_go, args=(1,),
                    disabled=number >= total, icon=":material/chevron_right:", icon_position="right",
                    shortcut="Left" if rtl else "Right", width="stretch", type="primary")
    theme_name = theme_col.segmented_control(
        t("theme", lang), options=list(theme.THEMES), format_func=lambda name: t(f"theme_{name}", lang),
        required=True, key="present_theme", label_visibility="collapsed") or "light"
    auto = auto_col.toggle(t("present_auto", lang), key="present_auto", on_change=_restart_clock)
    interval = every_col.number_input(t("present_interval", lang), min_value=3, max_value=600, value=10, step=1,
                                      key="present_interval", label_visibility="collapsed", disabled=not auto)
    # A link, not st.switch_page: a script-side page switch drops every widget's state (the
    # sidebar filters included), while a link click carries them over. The filters ride along in the URL.
    exit_col.page_link("dashboard/pages/overview.py", label=t("present_exit", lang), icon=":material/close:",
                       width="stretch", query_params={k: v for k, v in st.query_params.to_dict().items()
                                                      if k not in ("present", "slide", "theme")})

if theme_name == "dark":
    st.query_params["theme"] = "dark"
elif "theme" in st.query_params:
    del st.query_params["theme"]
st.html(theme.presentation_css(theme_name, rtl))

if auto:
    seconds = int(interval or 10)

    @st.fragment(run_every=seconds)
    def _auto_advance() -> None:
        """Every ``seconds``: the next slide (round to the first after the last)."""
        if time.monotonic() - st.session_state.get("_present_shown_at", 0.0) >= seconds - 0.25:
            _go(1, wrap=True)
            st.rerun(scope="app")

    _auto_advance()


# ---- the slide
def _show(fig, key: str, height: int) -> None:
    show_chart(charts.presentation_layout(fig, lang, height=height), key=key)


slide = deck[number - 1]
if not no_data_note(ctx):
    if slide.kind == "headline":
        st.header(slide.title, text_alignment=align)
        headline_metrics(ctx)
        _show(charts.monthly_bar(ctx.meetings, lang, theme=theme_name), "present_monthly", 600)
    elif slide.kind == "map":
        organisations = analytics.organisation_counts(ctx.meetings, lang)
        if organisations.empty:
            _show(charts.partner_map(ctx.meetings, lang, theme=theme_name, detail=True), "present_map", 860)
        else:  # organisations have no territory: listed beside the map, never painted on it
            map_col, side_col = st.columns([4, 1], gap="medium")
            with map_col:
                _show(charts.partner_map(ctx.meetings, lang, theme=theme_name, detail=True), "present_map", 860)
            with side_col:
                st.subheader(t("chart_organisations", lang), text_alignment=align)
                st.table(organisations[["organisation", "meetings"]].rename(columns={
                    "organisation": t("col_organisation", lang), "meetings": t("col_meetings", lang)}),
                    hide_index=True)
                st.caption(t("organisations_not_on_map", lang), text_alignment=align)
    elif slide.kind == "timeline":
        rows = analytics.partner_labels(analytics.dated_meetings(ctx.meetings), lang).nunique()
        _show(charts.visits_timeline(ctx.meetings, lang, theme=theme_name), "present_timeline",
              max(820, 56 * rows + 360))
        undated = len(analytics.undated_meetings(ctx.meetings))
        if undated:
            st.caption(f"{t('undated_note', lang)} ({t('undated', lang)}: {undated})", text_alignment=align)
    elif slide.kind == "topics":
        rows, all_topics = presentation.top_topics(ctx.topics, lang, background)
        shown = min(all_topics, presentation.MAX_TOPICS)
        _show(charts.topic_bars(rows, lang, include_background=background, theme=theme_name), "present_topics",
              max(820, 52 * shown + 220))
        if all_topics > shown:
            st.caption(t("present_top_topics", lang, n=shown, total=all_topics), text_alignment=align)
    elif slide.partner is not None:  # a presented partner profile
        st.header(slide.title, text_alignment=align)
        # Kept per data version and filters (ui.shared), as on the partner page: auto-advance reruns.
        history = shared(ctx, analytics.partner_history, ctx.meetings, ctx.topics, lang=lang, partner=slide.partner)
        everyone = analytics.without_partner(ctx.filters)

        def every_partner():
            return shared(ctx, analytics.every_partner, ctx.base_meetings, ctx.base_topics, ctx.filters,
                          key_filters=everyone)

        if slide.kind == "profile_history":
            figures = analytics.partner_headline(ctx.meetings)
            # Keyed: three dates side by side must be sized to their columns (see theme.presentation_css).
            cols = st.container(key="profile_metrics").columns(4)
            cols[0].metric(t("metric_meetings", lang), figures["meetings"])
            for col, key, field in ((cols[1], "metric_first_meeting", "first_date"),
                                    (cols[2], "metric_last_meeting", "last_date"),
                                    (cols[3], "metric_last_agreement", "last_agreement")):
                col.metric(t(key, lang), i18n.date_label(figures[field], lang) if figures[field] else "—")
            table, hidden = presentation.profile_history_table(history, lang, presentation.MAX_TABLE_ROWS + 2)
            st.table(table, hide_index=True)
            if hidden:
                st.caption(t("partner_history_more", lang, n=hidden), text_alignment=align)
        elif slide.kind == "profile_people":
            people = shared(ctx, analytics.partner_people, history)
            table_col, chart_col = st.columns([6, 5], gap="large")
            with table_col:
                st.table(tables.people_for_display(people, lang).iloc[:, :5].map(browser_label), hide_index=True)
            with chart_col:
                _show(charts.people_timeline(people, lang, theme=theme_name), "present_people", 700)
        elif slide.kind == "profile_topics":
            comparison = shared(ctx, analytics.topic_comparison, ctx.meetings, ctx.topics, *every_partner(), lang=lang)
            _show(charts.topic_comparison_bars(comparison, profile_name, lang, theme=theme_name),
                  "present_topic_comparison", max(760, 50 * len(comparison) + 260))
        else:  # agreements, and the partners met in the same period on the same topics
            agreements = analytics.partner_agreements(history, ctx.dataset.evidence)
            if agreements.empty:
                st.caption(t("partner_no_agreements", lang), text_alignment=align)
            else:
                st.table(tables.agreements_for_display(agreements, lang).head(6).map(browser_label), hide_index=True)
            related = shared(ctx, analytics.related_partners, *every_partner(), partner=slide.partner, lang=lang,
                             limit=6)
            st.subheader(t("partner_related", lang), text_alignment=align)
            if related.empty:
                st.caption(t("partner_no_related", lang), text_alignment=align)
            else:
                st.table(tables.related_for_display(related, lang).map(browser_label), hide_index=True)
    else:  # one partner country
        st.header(slide.title, text_alignment=align)
        mine = presentation.partner_meetings(ctx.meetings, slide.iso3)
        table, hidden = presentation.partner_table(mine, lang)
        mine_topics = ctx.topics[member(ctx.topics["meeting_id"], mine["meeting_id"])]
        rows, all_topics = presentation.top_topics(mine_topics, lang, background)
        table_col, chart_col = st.columns([5, 6], gap="large")
        with table_col:
            st.subheader(f"{t('present_partner_meetings', lang)} ({len(mine)})", text_alignment=align)
            st.table(table, hide_index=True)
            if hidden:
                st.caption(t("present_more_meetings", lang, n=hidden), text_alignment=align)
        with chart_col:
            _show(charts.topic_bars(rows, lang, include_background=background, theme=theme_name),
                  f"present_partner_{slide.iso3}", max(720, 52 * min(all_topics, presentation.MAX_TOPICS) + 220))
            if all_topics > presentation.MAX_TOPICS:
                st.caption(t("present_top_topics", lang, n=presentation.MAX_TOPICS, total=all_topics),
                           text_alignment=align)
