"""Review and correct the extracted meetings: edit values, hide what is not a meeting, merge duplicate
reports, and undo any correction. Every rule lives in ``dashboard.corrections``; this page reads widgets."""

import hashlib

import streamlit as st

from dashboard import corrections, i18n, rtl
from dashboard.highlight import escape_markdown
from dashboard.i18n import t
from dashboard.preprocess.gazetteer import country_choices
from dashboard.preprocess.schema import EVENT_TYPES
from dashboard.preprocess.topics import TAXONOMY
from dashboard.ui import context

HISTORY_ROWS = 50  # newest corrections shown with an Undo button; a toggle shows them all

ctx = context()
lang = ctx.lang
data = ctx.dataset
folder = data.data_dir  # corrections are written where the tables shown were read
st.title(t("page_review", lang))
st.caption(t("review_intro", lang))
for message in st.session_state.pop("review_flash", []):
    st.success(escape_markdown(message))


def _write(action, message: str | None) -> None:
    """Run a write; then say so on the next run, start a fresh editor and reload the corrected data."""
    try:
        action()
    except corrections.WRITE_ERRORS as exc:
        st.error(t("review_invalid", lang, detail=escape_markdown(exc)))
        return
    st.session_state["review_flash"] = [message] if message else []
    st.session_state["review_version"] = st.session_state.get("review_version", 0) + 1
    st.rerun()


meetings = data.review_meetings
names = corrections.meeting_names(meetings, lang) if not meetings.empty else {}
if meetings.empty:
    st.info(t("no_data", lang))
else:
    before = corrections.review_frame(meetings, data.review_topics)
    version = st.session_state.get("review_version", 0)
    st.markdown(t("review_flagged", lang, n=int(before["needs_review"].sum())))

    # ---- the table: every meeting, flagged ones first; editing a cell proposes a correction
    shown = before.assign(
        review_reasons=before["review_reasons"].map(lambda r: corrections.reason_labels(r, lang)),
        status=before["status"].map(lambda s: corrections.status_label(s, lang, names)),
    )
    # A new key whenever the rows or the corrections change, so unsaved edits never land on another row.
    state = f"{version}|{len(data.corrections)}|{int(data.corrections['undone_at'].notna().sum())}|"
    state += "|".join(before["meeting_id"])
    editor_key = "review_editor_" + hashlib.sha1(state.encode()).hexdigest()[:12]
    column = st.column_config
    after = st.data_editor(
        shown, key=editor_key, hide_index=True, num_rows="fixed", placeholder="—",
        disabled=["meeting_id", "needs_review", "review_reasons", "status"],
        column_order=["needs_review", "review_reasons", "date", "partner_country_iso3", "partner_org_ar",
                      "event_type", "topics", "visitor_name_ar", "visitor_title_ar", "status", "meeting_id"],
        column_config={
            "needs_review": column.CheckboxColumn(t("col_needs_review", lang)),
            "review_reasons": column.TextColumn(t("col_review_reasons", lang)),
            "date": column.DateColumn(t("col_date", lang), format="YYYY-MM-DD"),
            "partner_country_iso3": column.SelectboxColumn(
                t("col_country", lang), options=[c.iso3 for c in country_choices()], width="medium",
                format_func=lambda code: corrections.country_label(code, lang)),
            "partner_org_ar": column.TextColumn(t("col_organisation", lang), width="medium"),
            "event_type": column.SelectboxColumn(
                t("col_event_type", lang), options=list(EVENT_TYPES), required=True, width="medium",
                format_func=lambda code: i18n.event_type_label(code, lang)),
            "topics": column.MultiselectColumn(
                t("col_topics", lang), options=[topic.topic_id for topic in TAXONOMY], width="large",
                format_func=lambda tid: corrections.topic_label(tid, lang)),
            "visitor_name_ar": column.TextColumn(t("col_visitor", lang), width="medium"),
            "visitor_title_ar": column.TextColumn(t("col_visitor_title", lang), width="medium"),
            "status": column.TextColumn(t("col_status", lang)),
            "meeting_id": column.TextColumn(t("col_meeting_id", lang)),
        },
    )
    st.caption(t("review_table_help", lang))
    try:
        changes = corrections.diff_edits(before, after)
    except ValueError as exc:
        st.error(t("review_invalid", lang, detail=escape_markdown(exc)))
        changes = []
    note = st.text_input(t("review_note", lang), key=f"review_note_{version}")
    if changes:
        st.info(t("review_pending", lang, n=len(changes)))
    save_column, discard_column = st.columns(2)
    if save_column.button(t("review_save", lang), key="review_save", type="primary", disabled=not changes):
        _write(lambda: corrections.record_corrections_in(folder, changes, note), t("review_saved", lang, n=len(changes)))
    if discard_column.button(t("review_discard", lang), key="review_discard", disabled=not changes):
        _write(lambda: None, None)  # a fresh editor, without the unsaved edits

    # ---- one meeting: not a meeting, same meeting as another, checked as it is, restore
    st.subheader(t("review_meeting_actions", lang))
    st.caption(t("review_hidden_note", lang))
    chosen = st.selectbox(t("review_choose_meeting", lang), options=list(before["meeting_id"]),
                          format_func=lambda m: names.get(m, m), key="review_meeting")
    row = before.set_index("meeting_id").loc[chosen]
    if row["status"] == corrections.VISIBLE:
        left, right = st.columns(2)
        if left.button(t("review_hide", lang), key="review_hide"):
            _write(lambda: corrections.record_correction_in(folder, chosen, "status", corrections.HIDDEN, note),
                   corrections.status_label(corrections.HIDDEN, lang))
        if row["needs_review"] and right.button(t("review_mark_checked", lang), key="review_checked"):
            _write(lambda: corrections.record_correction_in(folder, chosen, "reviewed", "true", note),
                   t("review_field_reviewed", lang))
        targets = [m for m, s in zip(before["meeting_id"], before["status"])
                   if m != chosen and s == corrections.VISIBLE]
        if targets:
            target = st.selectbox(t("review_merge_target", lang), options=targets,
                                  format_func=lambda m: names.get(m, m), key="review_merge_target")
            if st.button(t("review_merge", lang), key="review_merge"):
                status = corrections.MERGED_PREFIX + target
                _write(lambda: corrections.record_correction_in(folder, chosen, "status", status, note),
                       corrections.status_label(status, lang, names))
        # Events: the reports of one real meeting count once. Split a report out, or join it to another event.
        event_id = str(row["event_id"])
        siblings = [m for m, e in zip(before["meeting_id"], before["event_id"]) if m != chosen and e == event_id]
        if siblings:
            st.caption(t("review_event_reports", lang, n=len(siblings) + 1))
            if st.button(t("review_split", lang), key="review_split"):
                _write(lambda: corrections.record_correction_in(
                    folder, chosen, "event_id", f"{corrections.EVENT_PREFIX}{chosen}-split", note),
                    t("review_split_done", lang))
        others = {e: m for m, e, s in zip(before["meeting_id"], before["event_id"], before["status"])
                  if e != event_id and s == corrections.VISIBLE}
        if others:
            joined = st.selectbox(t("review_join_target", lang), options=list(others),
                                  format_func=lambda e: names.get(others[e], e), key="review_join_target")
            if st.button(t("review_join", lang), key="review_join"):
                _write(lambda: corrections.record_correction_in(folder, chosen, "event_id", joined, note),
                       t("review_join_done", lang))
    else:
        st.info(escape_markdown(corrections.status_label(row["status"], lang, names)))
        if st.button(t("review_restore", lang), key="review_restore"):
            _write(lambda: corrections.record_correction_in(folder, chosen, "status", corrections.VISIBLE, note),
                   corrections.status_label(corrections.VISIBLE, lang))

# ---- history: every correction, newest first, each with its Undo button
st.subheader(t("review_history", lang))
log = data.corrections
if log.empty:
    st.caption(t("review_history_empty", lang))
else:
    show_all = len(log) <= HISTORY_ROWS or st.toggle(t("review_history_all", lang), key="review_history_all")
    if not show_all:
        st.caption(t("review_history_shown", lang, n=HISTORY_ROWS, total=len(log)))
    history = corrections.history_frame(log if show_all else log.head(HISTORY_ROWS), lang, names)
    md = escape_markdown
    for item in history.itertuples():
        with st.container(border=True):
            text, action = st.columns([6, 1])
            lines = [f"**{md(item.field)}** · {md(item.meeting)}",
                     f"{t('review_col_old', lang)}: {md(item.old)} · {t('review_col_new', lang)}: {md(item.new)}"]
            if item.note:
                lines.append(f"{t('review_col_note', lang)}: {md(item.note)}")
            # Latin timestamps inside an Arabic line: isolated, or the bidi algorithm reorders their parts.
            details = f"{rtl.LRI}#{item.id}{rtl.PDI} · {rtl.LRI}{md(item.when)}{rtl.PDI}"
            if item.undone_at:
                details += " · " + t("review_undone", lang, when=f"{rtl.LRI}{md(item.undone_at)}{rtl.PDI}")
            text.markdown("  \n".join(lines))
            text.caption(details)
            if action.button(t("review_undo", lang), key=f"review_undo_{item.id}", disabled=bool(item.undone_at)):
                _write(lambda: corrections.undo_correction_in(folder, int(item.id)), t("review_undo_done", lang, id=item.id))
