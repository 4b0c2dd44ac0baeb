#!/bin/sh
# products.sh — products and the knowledge-sharing day in the real terminal
# (issue #9). A member (milan) of the Projectgroep Techniekkisten adds a
# product to the group on its page (M, n), sees it as a draft, publishes it
# (S); it then appears in the network's Products list (M from home) and is
# found by typing part of a word of its title, and Enter shows it in full. A
# follower of no group (sanne) does not see another group's draft. The
# coordinator (zoe) opens the knowledge-sharing day's page from the calendar,
# sees its programme, assigns the group a slot with the new product (K, n),
# is refused a slot overlapping another in the same room, and the programme
# on the page and `leernet programme` show it.
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
TUI_SIZE=120x36
title="Bouwplaten voor de windmolenkist"
day=$(sql "SELECT substr(starts_at, 1, 10) FROM meeting WHERE group_id IS NULL
    AND title LIKE 'Kennisdeeldag%'")
[ -n "$day" ] || { echo "no knowledge-sharing day in the demo"; exit 1; }
nlday=$(echo "$day" | awk -F- '{ print $3 "-" $2 "-" $1 }')

# --- a member adds a product to the group and publishes it
run_as milan
expect "the home screen" "My groups"
tui_keys g
expect "the groups" "Projectgroep Techniekkist"
tui_keys /
type_text "Techniek"
tui_keys Enter
expect "found the group" "Projectgroep Techniekkist"
expect_gone "and only that one" "PLG Rust in de klas"
tui_keys Enter
expect "the group's page" "Learning or research question"
tui_keys G	# the group's life is below the roster
expect "the group's page has a Products section" "Products (1)"
expect "with the group's published product" "Handleiding bij de techniekkisten — professional product"
tui_keys M
expect "M: the group's products" "Handleiding bij de techniekkisten"
expect "a member may add one" "n new"
tui_keys n
expect "n: the product form" "Add a product"
type_text "$title"
focus Kind
choose Kind "lesson series"
focus "Short description"
type_text "Zes bouwplaten met uitleg voor groep 7 en 8."
focus "Link or file path"
type_text "https://leernet.example/bouwplaten-windmolen.pdf"
tui_keys F2
expect "saved" "Product saved: $title"
expect "listed as a draft" "draft"
n=$(sql "SELECT status || '|' || coalesce(published_on, '-') FROM product WHERE title = '$title'")
[ "$n" = "draft|-" ] && ok "a draft in the database" || not_ok "in the database: [$n]"
expect "the new draft on top, selected" "Bouwplaten voor de windmolenkist                      lesson series          Projectgroep Techniekkisten  draft"
tui_keys S
expect "S publishes it" "Published: $title"
n=$(sql "SELECT status || '|' || published_on FROM product WHERE title = '$title'")
[ "$n" = "published|2026-11-23" ] && ok "published today" || not_ok "in the database: [$n]"
expect "the list shows the date" "23-11-2026"

# --- it is in the network's list and found by typing part of its title
tui_keys H M
expect "M from home: the network's products" "Kind: all"
expect "newest first: the new one on top" "$title"
first=$(tui_screen | grep -n -F -- "$title" | head -n 1 | cut -d: -f1)
other=$(tui_screen | grep -n -F -- "Lessenserie automatiseren van de tafels" | head -n 1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$other" ] && [ "$first" -lt "$other" ] && ok "above the older ones" ||
	not_ok "order: [$first] [$other]"
tui_keys /
type_text "windmol"
expect_gone "the search leaves out the rest" "Lessenserie automatiseren van de tafels"
expect "the search finds it by a word's start" "$title"
tui_keys Enter Enter
expect "Enter opens it" "Added by Milan"
expect "with its link in full" "https://leernet.example/bouwplaten-windmolen.pdf"
expect "a member may edit it and take it back: e and S" "e edit  S publish/draft"
tui_keys Escape
tui_keys y
expect "y: one kind" "Kind: guide"
expect_gone "no lesson series among the guides" "$title"
tui_keys q q q q q
[ "$(tui_status)" = 0 ] && ok "milan quits" || not_ok "milan's exit status"

# --- a draft stays inside the group
run_as sanne
expect "sanne's home" "My groups"
tui_keys g
tui_keys /
type_text "Rust in"
tui_keys Enter Enter
expect "another group's page" "PLG Rust in de klas"
tui_keys G
expect "its products, without the draft" "Products (0)"
tui_keys M
expect "M: no product to show" "No published products yet."
expect_gone "and nothing of the draft" "Kijkwijzer rust in de klas"
expect_gone "no n for an outsider" "n new"
tui_keys q q q q q
[ "$(tui_status)" = 0 ] && ok "sanne quits" || not_ok "sanne's exit status"

# --- the coordinator gives the group a slot on the knowledge-sharing day
run_as zoe
expect "zoe's home" "(coordinator)"
tui_keys c
expect "the calendar" "November 2026"
tui_keys :
tui_keys C-u
type_text "$nlday"
tui_keys Enter
expect "at the knowledge-sharing day" "$nlday"
tui_keys Enter
expect "its page" "Kennisdeeldag: groepen delen hun opbrengsten"
expect "its programme" "Programme"
expect "with the demo's slots" "13:30–14:00  Lokaal 1.01  Tussenschools leernetwerk Rekenen"
expect "K offered to the coordinator" "K programme"
tui_keys K
expect "the programme screen" "n new"
tui_keys n
expect "the slot form" "Assign a slot"
type_text "Projectgroep Techniek"
focus Product
type_text "Bouwplaten"
focus Start
type_text "13:45"
focus End
type_text "14:15"
focus Room
type_text "lokaal 1.01"
tui_keys F2
expect "the same room at the same time is refused" "already presents in lokaal 1.01"
focus Room
tui_keys C-u
type_text "Lokaal 2.05"
tui_keys F2
expect "saved" "The programme is saved."
expect "the programme lists it" "13:45–14:15 Lokaal 2.05"
screen_line "13:45–14:15 Lokaal 2.05" | grep -F "Projectgroep Techniekkist" | grep -qF "Bouwplaten voor de windmolenkist" &&
	ok "the group and its product" || not_ok "the slot's line: [$(screen_line "Lokaal 2.05")]"
expect "in time order" "$(printf '%s' "Lokaal 1.02")"
a=$(tui_screen | grep -n -F "Lokaal 1.02" | cut -d: -f1)
b=$(tui_screen | grep -n -F "Lokaal 2.05" | cut -d: -f1)
c=$(tui_screen | grep -n -F "14:15–14:45" | head -n 1 | cut -d: -f1)
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ "$a" -lt "$b" ] && [ "$b" -lt "$c" ] &&
	ok "between 13:30 and 14:15" || not_ok "order: [$a] [$b] [$c]"
tui_keys Escape
expect "the meeting's page shows it too" "Projectgroep Techniekkisten — $title"
tui_keys q q q q q q
[ "$(tui_status)" = 0 ] && ok "zoe quits" || not_ok "zoe's exit status"

n=$(sql "SELECT count(*) FROM programme_slot s JOIN grp g ON g.id = s.group_id
    WHERE g.name = 'Projectgroep Techniekkisten' AND s.room = 'Lokaal 2.05'")
[ "$n" = 1 ] && ok "the slot is in the database" || not_ok "slots: [$n]"
LEERNET_TODAY=2026-11-23 "$LEERNET" --config "$cfg" --database "$db" --user sanne \
	programme "$day" > "$TUI_TMP/programme.txt"
grep -F "13:45–14:15  Lokaal 2.05" "$TUI_TMP/programme.txt" | grep -qF "$title" &&
	ok "leernet programme prints it" || { not_ok "leernet programme"; cat "$TUI_TMP/programme.txt"; }

[ "$TUI_FAILED" = 0 ]
