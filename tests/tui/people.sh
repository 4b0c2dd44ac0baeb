#!/bin/sh
# people.sh — People and organisations in the real terminal: find a person
# by typing part of a name with an accent, open them and their group, add
# them to a group; as a coordinator add a person through the form (a bad
# email first), find them, remove them (no history: deleted), deactivate
# someone with history and see them only with f; the organisations list;
# narrower terminals drop columns; staff are not offered coordinators' keys;
# import from the screen (I): a CSV file checked first and shown (bad rows
# with their lines), then imported or not; restricted logins read no file.
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
tui_need_tmux
tui_demo_en 2026-11-23

# --- staff: the directory, their own page, no coordinators' keys
tui_start 100x30 "$LEERNET --config $cfg --database $db --user milan"
expect "staff start at home" "My groups"
tui_keys p
expect "p opens the people list" "Showing: active people"
expect "the list shows people with their organisation" "Anaïs Dubois"
hints=$(tui_screen | tail -n 1)
case "$hints" in
*"import"*|*"new"*) not_ok "staff are offered no import or new: $hints" ;;
*"organisations"*) ok "staff see search, filter and organisations, not import or new" ;;
*) not_ok "hint bar: $hints" ;;
esac
tui_keys n
expect "n anyway says why not" "Only a coordinator can add people"
tui_keys I
expect "I anyway says why not" "Only a coordinator can import people"
tui_keys q q
[ "$(tui_status)" = 0 ] && ok "the staff session ends with 0" || not_ok "staff exit status"

# --- a coordinator: search with an accent, the person, their group
tui_start 100x30 "$LEERNET --config $cfg --database $db --user zoe"
expect "the coordinator starts at home" "My groups"
tui_keys p
expect "p opens the people list" "Showing: active people"
expect "at 100 columns the list has an email column" "Email"
tui_keys /
type_text "Noë"
expect "typing an accented name searches as you type" "Search: Noë"
expect "the match is listed" "Noël Lambrechts"
expect_gone "others are not (Milan)" "Milan Đorđević"
expect_gone "others are not (Chloë, who shares the ë)" "Chloë Maas"
tui_keys Enter Enter
expect "Enter opens the person" "Email: n.lambrechts@obs-regenboog.example"
expect "the page shows the organisation" "Organisation: OBS De Regenboog"
expect "the page lists the current groups" "Current groups (2)"
expect "with group, role and date" "PLG Rust in de klas — Deelnemer — since 02-09-2026"
expect "and the hours of this school year" "Hours this school year (2026–2027)"
expect "and the themes registered for" "Themes registered for"
tui_keys Down Enter
expect "Enter on a membership opens the group" "(planned)"
screen_line "Rust in de klas" | grep -qF "PLG Rust in de klas" &&
	ok "it is the group that was selected" || not_ok "the wrong group opened"
tui_keys Escape
expect "Esc goes back to the person" "Current groups (2)"

# add to a group: pick by typing, keep the role, save
tui_keys +
expect "+ opens the group picker" "to which group?"
type_text "Reken"
expect "the picker searches as you type" "Tussenschools leernetwerk Rekenen"
expect_gone "and leaves out other groups" "PLG Rust in de klas"
tui_keys Enter
expect "Enter chooses the group: role and start follow" "‹ Deelnemer ›"
tui_keys F2
expect "the person is added" "is in Tussenschools leernetwerk Rekenen as Deelnemer from 23-11-2026"
expect "and the page shows it" "Current groups (3)"
tui_keys +
type_text "Reken"
tui_keys Enter F2
expect "joining twice is refused with a message" "overlaps"
tui_keys Escape
expect "Esc leaves the form" "Current groups (3)"

# --- add a person through the form
tui_keys Escape
expect "back in the list" "Showing: active people"
tui_keys n
expect "n opens the form" "Add a person"
type_text "Renée Brouwer"
tui_keys Tab
type_text "renee.brouwer-at-obs-debrug.example"
tui_keys F2
expect "a bad email is refused at the field" "needs one @"
tui_keys C-u
type_text "r.brouwer@obs-debrug.example"
tui_keys F2
expect "the fixed form saves" "Added: Renée Brouwer"
tui_keys /
tui_keys Escape
tui_keys /
type_text "brouwer"
expect "the new person is found by email" "r.brouwer@obs-debrug.ex"
expect "and by name" "Renée Brouwer"

# someone without history is deleted, not deactivated
tui_keys Escape /
type_text "Renée"
tui_keys Enter Enter
expect "her page opens" "Email: r.brouwer@obs-debrug.example"
tui_keys d
expect "d asks first" "Deactivate Renée Brouwer?"
tui_keys y
expect "without history she is deleted" "had no history and was deleted"
expect "back in the list, nobody matches" "Nobody matches."
tui_keys f
expect "f shows deactivated people too" "Showing: active and deactivated people"
expect "and a deleted one is gone for good" "Nobody matches."
tui_keys f

# someone with history is deactivated: gone unless f
tui_keys / Escape /
type_text "Noë"
tui_keys Enter Enter
expect "Noël's page opens" "Email: n.lambrechts@obs-regenboog.example"
tui_keys d n
expect "any other key than y keeps them" "Nothing changed."
tui_keys d y
expect "with history he is deactivated" "is deactivated; their history is kept"
expect "his page says so" "Status: deactivated"
tui_keys Escape
expect "the list without deactivated people misses him" "Nobody matches."
tui_keys f
expect "f shows him, marked" "Noël Lambrechts (inactive)"
tui_keys Enter d y
expect "d on a deactivated person reactivates" "is active again"
tui_keys Escape f
expect "and he is back in the list" "Showing: active people"
case "$(screen_line "Noël Lambrechts")" in
*"(inactive)"*|"") not_ok "active again in the list: $(screen_line "Noël")" ;;
*) ok "active again, without the mark" ;;
esac

# --- narrower terminals drop email, then function
tui_keys / Escape
tmux_ resize-window -t 0 -x 80 -y 30
sleep 0.3
expect_gone "at 80 columns the email column goes" "Email"
expect "but the function stays" "Function"
tmux_ resize-window -t 0 -x 60 -y 30
sleep 0.3
expect_gone "at 60 columns the function goes too" "Function"
width=$(tui_screen | LC_ALL=C.UTF-8 wc -L)
[ "$width" -le 60 ] && ok "nothing is drawn past column 60" || not_ok "drawn past 60 ($width)"
tmux_ resize-window -t 0 -x 100 -y 30
sleep 0.3

# --- organisations
tui_keys O
expect "O opens the organisations" "Kind"
expect "a school with its board" "Stichting Kompas Primair Onderwijs"
tui_keys n
expect "n opens the organisation form" "Add an organisation"
type_text "OBS De Linde"
tui_keys Tab Tab Right F2
expect "a school with a board is added" "Added: OBS De Linde"
tui_keys /
type_text "Linde"
expect "and listed" "OBS De Linde"
line=$(screen_line "OBS De Linde")
case "$line" in
*"school"*) ok "as a school: $line" ;;
*) not_ok "kind of the new organisation: $line" ;;
esac
tui_keys Escape /
type_text "De Brug"
tui_keys Enter Enter
expect "Enter shows the organisation's people" "Organisation: OBS De Brug"
expect "such as Emre" "Emre Çelik"
expect_gone "and nobody from elsewhere (Milan)" "Milan Đorđević"
tui_keys q q q q
[ "$(tui_status)" = 0 ] && ok "the coordinator's session ends with 0" ||
	not_ok "coordinator exit status"

# --- import from the People screen: a coordinator, a file checked before it is written
# a Dutch export: semicolons, Dutch header, one good row with an accented name
printf 'naam;e-mail;organisatie\nMaëlle Vermeulen;m.vermeulen@obs-debrug.example;OBS De Brug\n' \
	>"$TUI_TMP/new.csv"
# one good row and a bad email on line 3
printf 'naam;e-mail;organisatie\nGijs Goedhart;g.goedhart@obs-debrug.example;OBS De Brug\n%s\n' \
	'Bram Fout;b.fout@obs-debrug;OBS De Brug' >"$TUI_TMP/bad.csv"
# 250 bad rows: the first 200 are listed, the rest counted
{
	echo 'naam;e-mail'
	i=0
	while [ $i -lt 250 ]; do echo "Rij $i;geen-adres"; i=$((i + 1)); done
} >"$TUI_TMP/many.csv"
# found PERSON — leernet people --search lists PERSON (a second process, next to the terminal)
found() {
	LEERNET_TODAY=2026-11-23 "$LEERNET" --config "$cfg" --database "$db" --user zoe \
		people --search "$1" --format csv 2>/dev/null | grep -qF -- "$1"
}
tui_start 100x30 "$LEERNET --config $cfg --database $db --user zoe"
expect "the coordinator starts again" "My groups"
tui_keys p
expect "p opens the people list" "Showing: active people"
tui_keys I
expect "I asks for the CSV file" "CSV file"
expect "and whether bad rows are skipped (off)" "Skip bad rows  [ ] no"
type_text "$TUI_TMP/missing.csv"
tui_keys F2
expect "a file that is not there is refused at the field" \
	"cannot read $TUI_TMP/missing.csv: No such file or directory"
tui_keys C-u
type_text "$TUI_TMP"
tui_keys F2
expect "so is a directory" "cannot read $TUI_TMP: it is not a regular file"
# a sparse file of 65 MiB: refused by its size, before a byte is read
truncate -s 65M "$TUI_TMP/huge.csv"
tui_keys C-u
type_text "$TUI_TMP/huge.csv"
tui_keys F2
expect "a file over 64 MiB is refused" "cannot read $TUI_TMP/huge.csv: it is larger than 64 MiB"
tui_keys C-u
type_text "$TUI_TMP/new.csv"
tui_keys F2
expect "F2 checks the file first: what the import would do" \
	"Checked, nothing written yet: 1 added, 0 updated, 0 unchanged, 0 organisations added."
expect "the screen says which key imports" "Press F2 or Enter to import"
found "Maëlle Vermeulen" && not_ok "the check wrote the person" || ok "the check writes nothing"
tui_keys Escape
expect "Esc goes back to the form, as typed" "$TUI_TMP/new.csv"
found "Maëlle Vermeulen" && not_ok "Esc wrote the person" || ok "Esc writes nothing"
tui_keys F2
expect "F2 checks again" "1 added, 0 updated"
tui_keys Enter
expect "Enter imports" "Imported: 1 added, 0 updated, 0 unchanged, 0 organisations added."
expect "and goes back to the People list" "Showing: active people"
found "Maëlle Vermeulen" && ok "the person is in the database" || not_ok "the import wrote nobody"
tui_keys /
type_text "Maël"
expect "the new person is found in the list" "Maëlle Vermeulen"
case "$(screen_line "Maëlle Vermeulen")" in
*"OBS De Brug"*) ok "with her organisation" ;;
*) not_ok "her row: $(screen_line "Maëlle Vermeulen")" ;;
esac
tui_keys Escape

# a bad row stops everything unless "Skip bad rows" is ticked
tui_keys I
expect "I opens a fresh form" "Skip bad rows  [ ] no"
type_text "$TUI_TMP/bad.csv"
tui_keys F2
expect "the bad row is listed with its line and reason" \
	"line 3: email: the part after @ is not a domain name"
expect "and nothing can be imported" "1 row is bad, so nothing can be imported"
tui_keys Enter
expect "Enter says so instead of importing" "Nothing can be imported; Esc goes back to the form."
tui_keys F2
found "Gijs Goedhart" && not_ok "a file with a bad row was imported" ||
	ok "neither Enter nor F2 imports a file with a bad row"
tui_keys Escape
expect "Esc goes back to the form" "$TUI_TMP/bad.csv"
tui_keys Tab Space
expect "Space ticks Skip bad rows" "Skip bad rows  [x] yes"
tui_keys F2
expect "with the bad rows skipped the good one can be imported" "1 added, 0 updated"
expect "the skipped row is counted" "1 bad row will be skipped."
expect "and still listed" "line 3: email: the part after @ is not a domain name"
tui_keys Escape Escape
expect "Esc twice is the list again" "Showing: active people"
found "Gijs Goedhart" && not_ok "cancelled, yet imported" || ok "cancelled: nothing written"

# many bad rows: the first 200, then a count; the list scrolls
tui_keys I
type_text "$TUI_TMP/many.csv"
tui_keys F2
expect "all bad rows are counted" "Bad rows (250)"
expect "the first is listed" "line 2: email: "
tui_keys End
expect "End scrolls to the last listed" "line 201: email: "
expect "followed by the count of the rest" "… and 50 more"
expect_gone "a row past the first 200 is not listed" "line 202:"
tui_keys Escape Escape q q q
[ "$(tui_status)" = 0 ] && ok "the import session ends with 0" || not_ok "import exit status"

# --- restricted (an SSH forced command): I reads no file, and says so
tui_start 100x30 "$LEERNET --config $cfg --database $db --restricted --user zoe"
expect "restricted, the coordinator starts at home" "My groups"
tui_keys p
expect "p opens the people list" "Showing: active people"
tui_keys I
expect "I explains that no files are read here" "Over this SSH login no files are read"
expect_gone "and asks for no file" "CSV file"
tui_keys q q q
[ "$(tui_status)" = 0 ] && ok "the restricted session ends with 0" ||
	not_ok "restricted exit status"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
