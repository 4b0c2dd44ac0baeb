#!/bin/sh
# editor.sh — the full-screen text editor (scr_editor.c) in the real
# terminal, reached from the propose form's description with C-x or F4:
# leaving with Esc asks first when the text changed; multi-line UTF-8 text
# with Enter; moving up and inserting a word, undone with C-_; a paste
# (bracketed, as a terminal sends it) is one change and arrives whole, one
# past the cap is refused whole; F2 keeps the text and the form saves it.
# The user's own editor: $VISUAL with options (sed -i s/foo/bar/) changes
# the text through C-x and leaves no temporary directory; an editor that
# fails or writes too much leaves the text as it was. Over a restricted
# login C-x starts nothing (a $VISUAL that leaves a marker is not run, while
# the same $VISUAL does run without --restricted) and says why.
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
# the temporary directories an external editor left in the program's TMPDIR
leftovers() { ls -A "$TUI_TMP/run" 2>/dev/null | grep '^leernet-' | tr '\n' ' '; }
now_ms() { date +%s%3N; }

# n lines of 26 characters (é, ë and 李 among them), joined by newlines
paste_text() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
		printf "%s%s", (i > 1 ? "\n" : ""), sprintf("p%04d é ë 李 abcdefghijklmn", i) }'
}
paste_text 140 >"$TUI_TMP/paste.txt"	# 140 * 26 + 139 = 3779 characters
paste_text 800 >"$TUI_TMP/big.txt"	# 20 799 characters, about 24 KB
chars=$(LC_ALL=C.UTF-8 wc -m <"$TUI_TMP/paste.txt" | tr -d ' ')
[ "$chars" = 3779 ] || { echo "the paste text has $chars characters, not 3779"; exit 1; }

# --- the built-in editor from the propose form
tui_start 100x30 "$LEERNET --config $cfg --database $db --user zoe"
expect "the coordinator starts at home" "My groups"
tui_keys t
expect "t opens the theme catalogue" "Interest"
tui_keys n
expect "n opens the propose form" "Propose a theme"
type_text "Editor test theme"
tui_keys Tab C-x
expect "C-x on the description opens the full-screen editor" "Edit text"
expect "with the field's label, the count and the cap" "line 1 of 1 · 0 characters (max 4000)"
hints=$(tui_screen | tail -n 1)
case "$hints" in
*"F2 keep"*"Esc leave"*"C-x your own editor"*) ok "the hint bar shows F2, Esc and C-x" ;;
*) not_ok "hint bar: $hints" ;;
esac
type_text "q"
expect "letters are text, q does not quit" "line 1 of 1 · 1 characters"
tui_keys Escape
expect "Esc after a change asks first" "Leave without keeping the changes? y/n"
tui_keys n
expect "n keeps editing" "line 1 of 1 · 1 characters"
tui_keys Escape y
expect "Esc y leaves the editor" "Propose a theme"
[ "$(sql "select count(*) from theme where title = 'Editor test theme'")" = 0 ] &&
	ok "nothing is saved by leaving the editor" || not_ok "leaving saved something"
tui_keys F4
expect "F4 opens the editor too, on the field's unchanged (empty) text" \
	"line 1 of 1 · 0 characters"

type_text "Café één"
tui_keys Enter
type_text "Zoë en 李"
tui_keys Enter
type_text "end"
expect "Enter makes new lines; UTF-8 counts by character" "line 3 of 3 · 21 characters"
expect "the text shows" "Zoë en 李"
tui_keys Up Home Right Right Right Right
type_text "nieuw "
expect "a word is inserted in the middle of a line" "Zoë nieuw en 李"
expect "on the second line" "line 2 of 3 · 27 characters"
# the title row, the hint (the field's label), then the text from column 1
[ "$(tmux_ display -p -t 0 '#{cursor_x},#{cursor_y}')" = "11,3" ] &&
	ok "the terminal's cursor is after the inserted word" ||
	not_ok "the cursor is at $(tmux_ display -p -t 0 '#{cursor_x},#{cursor_y}'), not 11,3"
tui_keys C-_
expect "C-_ undoes the insertion" "line 2 of 3 · 21 characters"
expect "and the line is as it was" "Zoë en 李"
tui_keys Down End Enter

# a paste far past the cap: read whole and fast, then refused whole
tmux_ load-buffer "$TUI_TMP/big.txt"
t0=$(now_ms)
tmux_ paste-buffer -p -t 0
expect "a paste past the cap is refused whole" "The paste does not fit: at most 4000 characters" 20
t1=$(now_ms)
echo "# a paste of about 24 KB was read in $((t1 - t0)) ms (with the polling)"
expect "and nothing of it was inserted" "line 4 of 4 · 22 characters"

# a paste that fits arrives whole
tmux_ load-buffer "$TUI_TMP/paste.txt"
t0=$(now_ms)
tmux_ paste-buffer -p -t 0
expect "a paste arrives whole" "line 143 of 143 · 3801 characters" 20
t1=$(now_ms)
echo "# a paste of 3779 characters showed after $((t1 - t0)) ms (with the polling)"
expect "its last line shows" "p0140 é ë 李 abcdefghijklmn"
tui_keys C-_
expect "a paste is one change for undo" "line 4 of 4 · 22 characters"
tui_keys C-_
expect "undo again redoes it" "line 143 of 143 · 3801 characters"
tui_keys F2
expect "F2 keeps the text and goes back to the form" "Propose a theme"
expect "the form's field shows the end of the text" "p0140 é ë 李"
tui_keys F2
expect "the form saves" "Theme proposed: Editor test theme"
saved=$(sql "select length(description) from theme where title = 'Editor test theme'")
[ "$saved" = 3801 ] && ok "the saved description has all 3801 characters" ||
	not_ok "the saved description has $saved characters, not 3801"
same=$(sql "select description = 'Café één' || char(10) || 'Zoë en 李' || char(10) || 'end' ||
	char(10) || cast(readfile('$TUI_TMP/paste.txt') as text)
	from theme where title = 'Editor test theme'")
[ "$same" = 1 ] && ok "the saved description is exactly what was typed and pasted" ||
	not_ok "the saved description differs"
tui_keys q q
[ "$(tui_status)" = 0 ] && ok "the session ends with 0" || not_ok "exit status"

# --- the user's own editor: $VISUAL with options
cat >"$TUI_TMP/ext.sh" <<EOF
#!/bin/sh
VISUAL="sed -i s/foo/bar/"
EDITOR=false
export VISUAL EDITOR
exec "$LEERNET" --config "$cfg" --database "$db" --user zoe
EOF
chmod +x "$TUI_TMP/ext.sh"
tui_start 100x30 "$TUI_TMP/ext.sh"
expect "leernet with VISUAL set starts" "My groups"
tui_keys t n
expect "the propose form" "Propose a theme"
type_text "External editor theme"
tui_keys Tab C-x
expect "the editor opens" "line 1 of 1 · 0 characters"
type_text "foo one"
tui_keys Enter
type_text "two foo"
tui_keys C-x
expect "C-x runs \$VISUAL with its options on the text" "bar one"
expect "on every line" "two bar"
expect "and says so" "The text from your editor is in"
[ -z "$(leftovers)" ] && ok "no temporary directory is left" || not_ok "left: $(leftovers)"
tui_keys F2 F2
expect "the form saves" "Theme proposed: External editor theme"
[ "$(sql "select description from theme where title = 'External editor theme'")" = "bar one
two bar" ] && ok "the saved description is the edited text" || not_ok "saved description"
tui_keys q q
[ "$(tui_status)" = 0 ] && ok "the session ends with 0" || not_ok "exit status"

# --- editors that leave a marker, fail, or write too much
cat >"$TUI_TMP/visual.sh" <<EOF
#!/bin/sh
case \$(cat "$TUI_TMP/mode") in
mark) touch "$TUI_TMP/marker" ;;
fail) exit 3 ;;
long) awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }' >"\$1" ;;
esac
EOF
chmod +x "$TUI_TMP/visual.sh"
TUI_ENV="LEERNET_TODAY=2026-11-23 VISUAL=$TUI_TMP/visual.sh"
tui_start 100x30 "$LEERNET --config $cfg --database $db --user zoe"
expect "leernet starts" "My groups"
tui_keys t n
expect "the propose form" "Propose a theme"
tui_keys Tab C-x
type_text "kept as it is"
echo mark >"$TUI_TMP/mode"
tui_keys C-x
expect "an editor that changes nothing" "Your editor left the text as it was"
[ -e "$TUI_TMP/marker" ] && ok "without --restricted, C-x runs \$VISUAL (the control)" ||
	not_ok "the marker editor did not run without --restricted"
rm -f "$TUI_TMP/marker"
echo fail >"$TUI_TMP/mode"
tui_keys C-x
expect "an editor that fails is reported" "ended with an error; your text is as it was"
expect "and the text stays" "kept as it is"
echo long >"$TUI_TMP/mode"
tui_keys C-x
expect "a text from the editor past the cap is refused" \
	"The text from the editor is too long (at most 4000 characters)"
expect "and the text stays" "line 1 of 1 · 13 characters"
[ -z "$(leftovers)" ] && ok "no temporary directory is left after failures" ||
	not_ok "left: $(leftovers)"
tui_keys Escape y Escape q q
[ "$(tui_status)" = 0 ] && ok "the session ends with 0" || not_ok "exit status"

# --- over a restricted login C-x starts nothing
echo mark >"$TUI_TMP/mode"
tui_start 100x30 "$LEERNET --restricted --user zoe --config $cfg --database $db"
expect "a restricted login starts" "My groups"
tui_keys t n
expect "the propose form" "Propose a theme"
tui_keys Tab C-x
expect "the built-in editor opens" "line 1 of 1 · 0 characters"
hints=$(tui_screen | tail -n 1)
case "$hints" in
*"C-x"*) not_ok "the hint bar offers C-x over a restricted login: $hints" ;;
*"F2 keep"*) ok "the hint bar does not offer the own editor" ;;
*) not_ok "hint bar: $hints" ;;
esac
type_text "restricted text"
tui_keys C-x
expect "C-x says why not" "Over this SSH login only the built-in editor is available."
sleep 0.3
[ ! -e "$TUI_TMP/marker" ] && ok "and \$VISUAL was not run" ||
	not_ok "\$VISUAL ran over a restricted login"
[ -z "$(leftovers)" ] && ok "and no temporary directory was made" || not_ok "left: $(leftovers)"
expect "the text is still there" "restricted text"
tui_keys Escape y Escape q q
[ "$(tui_status)" = 0 ] && ok "the session ends with 0" || not_ok "exit status"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
