#!/bin/sh
# updates.sh — updates and followers in the real terminal (issue #9).
# The lead (emre) opens his group, sees its Updates section, opens the
# updates and posts one: a title in a form, then the text in the editor.
# A follower (sanne, of PLG Rust in de klas in the demo) starts leernet and
# sees the new update marked unread on the home screen with the unread count
# in the heading; she opens the recent updates (U), opens the update (Enter)
# and reads its text; back on the list and at home it is no longer unread.
# The lead edits his update while someone else changes it: the save shows
# him the update as it is now, Esc brings back his own text, F2 saves it;
# a save refused after typing (he left the group meanwhile) keeps the text.
# A member may not post (the group lets only leads post), is not offered e
# on the lead's update and is refused before typing anything; a colleague
# (bram) follows a group with W on its page and unfollows it again, and is
# told why he may not read the updates of a group he does not follow.
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
tui_need_tmux
tui_need_sqlite3
tui_demo_en 2026-11-23
TUI_SIZE=110x34
TITLE="Lesbezoeken ingepland"
# open_group NAME — from the home screen, open the group NAME through the groups list,
# and move past the roster to the sections below it
open_group() {
	tui_keys g
	tui_wait "Next" || true
	tui_keys /
	type_text "$1"
	tui_keys Enter
	tui_wait "$1" || true
	tui_keys Enter
	tui_wait "Members" || true
	tui_keys G	# the group's life is below the roster
}

# --- the lead posts an update in his group
run_as emre
expect "the lead starts at home, with the recent updates of his groups" "Recent updates"
open_group "Rust in de klas"
expect "the group page has an Updates section" "Updates"
expect "with the newest update" "Volgende keer: lesobservaties"
expect "and says how to post" "U all updates and post one"
tui_keys U
expect "U opens the group's updates" "PLG Rust in de klas: 0 unread"
expect "newest first, with the author" "Emre Çelik"
tui_keys n
expect "n asks for a title" "Post an update"
type_text "$TITLE"
tui_keys F2
expect "then the text opens in the editor" "F2 saves, Esc leaves"
type_text "We bezoeken elkaars lessen in week 49. Zet je naam bij een dag."
tui_keys F2
expect "F2 posts the update" "Update posted: $TITLE"
expect "it is in the list" "$TITLE"
[ "$(sql "SELECT count(*) FROM update_post WHERE title = '$TITLE' AND body LIKE 'We bezoeken%'")" = 1 ] &&
	ok "the update is stored with its text" || not_ok "the update is not stored"
row=$(screen_line "$TITLE")
case "$row" in
*"●"*) not_ok "the author's own update is marked unread: $row" ;;
*) ok "the author has read his own update" ;;
esac
hint=$(tui_screen | tail -n 1)
case "$hint" in
*"e edit"*"- "*) ok "the author is offered e and - on his update" ;;
*) not_ok "the hint bar on the author's update: $hint" ;;
esac

# --- he edits it while someone else changes it: he sees their text, then his own again
tui_keys k	# the newest row, his new update
tui_keys e
expect "the editor names it" "$TITLE"
expect "e opens the update's title" "Edit an update"
tui_keys F2
expect "then its text" "F2 saves, Esc leaves"
sql "UPDATE update_post SET body = 'Andere tekst van een collega.', version = version + 1
    WHERE title = '$TITLE'"
type_text " Mijn aanvulling."
tui_keys F2
expect "a save against a changed update shows it as it is now" \
	"Someone else changed this update while you wrote"
expect "with the other person's text" "Andere tekst van een collega."
[ "$(sql "SELECT body FROM update_post WHERE title = '$TITLE'")" = "Andere tekst van een collega." ] &&
	ok "nothing was written over it" || not_ok "the refused save changed the update"
tui_keys Escape
expect "Esc goes back to his own text, which says the update changed" \
	"the update changed meanwhile"
expect "his text is kept" "Mijn aanvulling."
tui_keys F2
expect "F2 then saves his text over the version he has seen" "Update saved: $TITLE"
[ "$(sql "SELECT count(*) FROM update_post WHERE title = '$TITLE'
    AND body LIKE '%Mijn aanvulling.%' AND body NOT LIKE '%collega%'")" = 1 ] &&
	ok "his text is stored" || not_ok "his text is not stored"

# --- a refusal after typing (he left the group meanwhile) keeps the text in the editor
mid=$(sql "SELECT m.id FROM membership m JOIN person p ON p.id = m.person_id
    JOIN grp g ON g.id = m.group_id WHERE p.login = 'emre' AND g.name = 'PLG Rust in de klas'
    AND m.end_on IS NULL")
tui_keys k
tui_keys e
expect "e opens the title again" "Edit an update"
tui_keys F2
expect "and the text" "F2 saves, Esc leaves"
sql "UPDATE membership SET end_on = '2026-11-22' WHERE id = $mid"
type_text " Tot slot."
tui_keys F2
expect "the save is refused with the reason" "you are no longer in the group"
expect "and the text is kept in the editor" "Tot slot."
expect "which says so" "Not saved; your text of \"$TITLE\" is kept"
sql "UPDATE membership SET end_on = NULL WHERE id = $mid"
tui_keys Escape
tui_wait "Leave" 2 && tui_keys y
tui_keys q q q q q
[ "$(tui_status)" = 0 ] && ok "the lead quits cleanly" || not_ok "exit status $(tui_status)"

# --- the follower sees it unread at home, opens it, and it is read
run_as sanne
expect "the follower starts at home" "Recent updates (4 unread)"
row=$(screen_line "$TITLE")
case "$row" in
*"●"*"$TITLE · PLG Rust in de klas"*) ok "the new update is marked unread on the home screen" ;;
*) not_ok "the home screen row: $row" ;;
esac
tui_keys U
expect "U opens the recent updates of her groups" "Updates of my groups and the groups I follow: 4 unread"
row=$(screen_line "$TITLE")
case "$row" in
*"●"*"PLG Rust in de klas"*"Emre Çelik"*) ok "unread in the list, with group and author" ;;
*) not_ok "the list row: $row" ;;
esac
tui_keys Enter
expect "Enter opens the update" "We bezoeken elkaars lessen in week 49"
expect "with group, time and author" "PLG Rust in de klas · 23-11-2026"
tui_keys Escape
expect "back on the list, one fewer unread" "Updates of my groups and the groups I follow: 3 unread"
row=$(screen_line "$TITLE")
case "$row" in
*"●"*) not_ok "still unread in the list: $row" ;;
*"$TITLE"*) ok "no longer unread in the list" ;;
*) not_ok "the update is gone from the list" ;;
esac
tui_keys Escape
expect "back home, one fewer unread" "Recent updates (3 unread)"
row=$(screen_line "$TITLE")
case "$row" in
*"●"*) not_ok "still unread at home: $row" ;;
*"$TITLE"*) ok "no longer unread at home" ;;
*) not_ok "the update is gone from the home screen" ;;
esac
[ "$(sql "SELECT count(*) FROM update_read r JOIN person p ON p.id = r.person_id
    JOIN update_post u ON u.id = r.post_id WHERE p.login = 'sanne' AND u.title = '$TITLE'")" = 1 ] &&
	ok "the read mark is stored" || not_ok "no read mark stored"
tui_keys q
[ "$(tui_status)" = 0 ] && ok "the follower quits cleanly" || not_ok "exit status $(tui_status)"

# --- a member may not post where only leads post
run_as milan
expect "the member starts" "Recent updates"
open_group "Rust in de klas"
expect "the member sees the Updates section" "U all updates"
tui_keys U
expect "the member opens the updates" "PLG Rust in de klas:"
tui_keys n
expect "n is refused with the reason" "only its leads post"
hint=$(tui_screen | tail -n 1)
case "$hint" in
*"e edit"*) not_ok "the member is offered e on the lead's update: $hint" ;;
*) ok "no e on an update the member may not change" ;;
esac
tui_keys e
expect "e is refused before anything is typed" \
	"Only its author, a lead of the group or a coordinator can change an update."
tui_screen | grep -qF "Edit an update" && not_ok "an edit form opened" ||
	ok "no form or editor opens"
tui_keys q q q q
tui_status >/dev/null

# --- a colleague follows a group with W, and unfollows it
run_as bram
expect "bram starts" "Recent updates"
open_group "Rust in de klas"
expect "the page offers following" "W follow this group"
tui_keys U
expect "U without following explains why not, and how" "You can follow the group"
tui_keys Escape
tui_keys W
expect "W follows the group" "You follow this group: its updates appear on your home screen."
expect "the section says so" "You follow this group · W unfollow"
[ "$(sql "SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id
    WHERE p.login = 'bram' AND m.role = 'follower' AND m.end_on IS NULL")" = 1 ] &&
	ok "a follower row is stored" || not_ok "no follower row"
tui_keys H
expect "home shows the followed group's updates" "$TITLE · PLG Rust in de klas"
open_group "Rust in de klas"
expect "back on the page" "W unfollow"
tui_keys W
expect "W again unfollows" "You no longer follow this group."
expect "and following is offered again" "W follow this group"
[ "$(sql "SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id
    WHERE p.login = 'bram' AND m.role = 'follower'")" = 0 ] &&
	ok "following and unfollowing on one day leaves no interval" ||
	not_ok "an interval was left behind"
tui_keys q q q q
tui_status >/dev/null

[ "$TUI_FAILED" = 0 ]
