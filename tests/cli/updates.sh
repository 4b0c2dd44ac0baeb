#!/bin/sh
# updates.sh — "leernet updates" on the demo network (today 23-11-2026): the
# weekly digest of milan's groups as text and of one group as Markdown,
# exactly, with what Markdown would misread escaped; a follower (sanne) gets
# the groups she follows; --since; a group
# one neither belongs to nor follows is refused (65) with a word on how to
# follow it; nothing is marked read; no updates is said so; a read-only
# database; bad options are usage errors (64), an unknown group or a bad
# date is refused (65).
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
SQLITE3=${SQLITE3_BIN:-sqlite3}
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23

cfg="$CLI_TMP/leernet.yaml"
sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
db="$CLI_TMP/demo.db"
run $TODAY -- --config "$cfg" demo "$db"
check "demo FILE for the updates tests" 0
D="--config $cfg --database $db"
have_sqlite=true
command -v "$SQLITE3" >/dev/null 2>&1 || have_sqlite=false
q() { "$SQLITE3" "$db" "$1"; }

# same DESCRIPTION FILE — status 0 and standard output exactly FILE
same() {
	if [ "$STATUS" != 0 ]; then
		not_ok "$1 (status $STATUS)"
		return
	fi
	if cmp -s "$CLI_TMP/out" "$2"; then
		ok "$1"
	else
		not_ok "$1 (differs)"
		diff "$2" "$CLI_TMP/out" | sed 's/^/    /' | head -20
	fi
}
absent() { ! grep -qF -- "$1" "$CLI_TMP/out"; }

# --- milan's week, exactly: his two groups, oldest first per group, by group name
cat > "$CLI_TMP/milan.text" <<'EOF'
Updates of my groups since 16-11-2026

PLG Rust in de klas

* Volgende keer: lesobservaties
  19-11-2026 12:30 — Emre Çelik
  We bezoeken elkaars lessen in de week na de herfstbijeenkomst. Het
  kijkformulier staat in de gedeelde map; vul je voorkeursdag in voor
  vrijdag.

Tussenschools leernetwerk Rekenen

* Bronnen over automatiseren
  17-11-2026 09:15 — Emre Çelik
  Ik heb drie artikelen over korte, dagelijkse oefenmomenten klaargezet.
  Lees er vóór de volgende bijeenkomst minstens één.
EOF
$have_sqlite && reads_before=$(q "SELECT count(*) FROM update_read")
run $TODAY -- $D --user milan updates
same "milan's weekly digest as text" "$CLI_TMP/milan.text"
if $have_sqlite; then
	[ "$(q "SELECT count(*) FROM update_read")" = "$reads_before" ] &&
		ok "a digest marks nothing read" || not_ok "a digest marked updates read"
fi
run $TODAY -- $D --user milan updates --format text --since 16-11-2026
same "--format text and --since the default give the same" "$CLI_TMP/milan.text"

# --- one group as Markdown, from September
cat > "$CLI_TMP/rust.md" <<'EOF'
# Updates of PLG Rust in de klas since 01-09-2026

## PLG Rust in de klas

### Welkom in de PLG Rust in de klas

*03-09-2026 16:45 — Emre Çelik*

Fijn dat jullie meedoen! We starten met de vraag wat rust in de klas voor jou betekent. Neem voor de eerste bijeenkomst een situatie mee waarin het onrustig werd.

Tot woensdag, Emre

### Terugblik op de eerste intervisie

*17-10-2026 17:10 — Emre Çelik*

We hebben met de incidentmethode gewerkt. De adviezen over een vaste start van de les gaan we de komende weken uitproberen.
Wie wil volgende keer een casus inbrengen? Laat het me weten.

### Volgende keer: lesobservaties

*19-11-2026 12:30 — Emre Çelik*

We bezoeken elkaars lessen in de week na de herfstbijeenkomst. Het kijkformulier staat in de gedeelde map; vul je voorkeursdag in voor vrijdag.
EOF
run $TODAY -- $D --user emre updates --group "PLG Rust in de klas" --since 2026-09-01 --format md
same "one group as Markdown" "$CLI_TMP/rust.md"
run $TODAY -- $D --user emre updates --group "plg rust" --since 2026-09-01 --format md
same "the group named by a prefix, in any case" "$CLI_TMP/rust.md"

# --- Markdown: a line of the text (or a title) that Markdown would misread gets a backslash
if $have_sqlite; then
	cp "$db" "$CLI_TMP/md.db"
	"$SQLITE3" "$CLI_TMP/md.db" "INSERT INTO update_post (group_id, author_id, posted_at, title, body)
	    SELECT g.id, p.id, '2026-11-20T10:00', 'Vraag #', '# Geen kop' || char(10) ||
	    '> geen citaat' || char(10) || '- geen lijst' || char(10) || '1. geen telling' ||
	    char(10) || '---' || char(10) || '  ## ingesprongen' || char(10) ||
	    'Gewoon #3 en *nadruk* en 2.5 uur'
	    FROM grp g, person p WHERE g.name = 'PLG Rust in de klas' AND p.login = 'emre'"
	cat > "$CLI_TMP/escaped.md" <<'EOF'
# Updates of PLG Rust in de klas since 20-11-2026

## PLG Rust in de klas

### Vraag \#

*20-11-2026 10:00 — Emre Çelik*

\# Geen kop
\> geen citaat
\- geen lijst
1\. geen telling
\---
  \## ingesprongen
Gewoon #3 en *nadruk* en 2.5 uur
EOF
	run $TODAY -- --config "$cfg" --database "$CLI_TMP/md.db" --user emre updates \
		--group "PLG Rust in de klas" --since 2026-11-20 --format md
	same "Markdown escapes what would become a heading, quote, list or rule" "$CLI_TMP/escaped.md"
fi

# --- a follower: the groups she follows, from the day of --since
run $TODAY -- $D --user sanne updates --since 01-10-2026
check "a follower's digest" 0 out "PLG Rust in de klas" out "* Terugblik op de eerste intervisie" \
	out "Onderzoeksgroep Academische werkplaats" out "* Onderzoeksopzet goedgekeurd" \
	out "30-10-2026 11:00 — Saskia Veenstra"
absent "Rekenen" && ok "not the groups she is not in" || not_ok "sanne sees Rekenen"
absent "Welkom in de PLG" && ok "nothing before --since" || not_ok "an update before --since"
[ "$(grep -n 'Academische' "$CLI_TMP/out" | cut -d: -f1)" -lt \
    "$(grep -n '^PLG Rust' "$CLI_TMP/out" | cut -d: -f1)" ] &&
	ok "groups in name order" || not_ok "groups out of order"

# --- refusals
run $TODAY -- $D --user milan updates --group "Onderzoeksgroep Academische werkplaats"
check "a group one is not in (65)" 65 err "follow"
[ -s "$CLI_TMP/out" ] && not_ok "a refusal printed a digest" || ok "a refusal prints no digest"
run $TODAY -- $D --user zoe updates --group "Onderzoeksgroep Academische werkplaats" \
	--since 2026-08-01
check "a coordinator reads any group" 0 out "Onderzoeksopzet goedgekeurd"
run $TODAY -- $D --user nobody updates
check "an unknown login (65)" 65 err "nobody"
run $TODAY -- $D --user milan updates --group "Bestaat niet"
check "an unknown group (65)" 65 err "Bestaat niet"
run $TODAY -- $D --user milan updates --since 31-02-2026
check "a date that does not exist (65)" 65 err "31-02-2026"

# --- nothing to tell
run $TODAY -- $D --user zoe updates
check "no updates is said so" 0 out "No updates since 16-11-2026."
run $TODAY -- $D --user milan updates --since 2026-11-20
check "a week without news" 0 out "No updates since 20-11-2026."

# --- a read-only database can be read
run $TODAY -- $D --read-only --user milan updates
same "a read-only database gives the same digest" "$CLI_TMP/milan.text"

# --- the command line
run $TODAY -- $D --user milan updates --format csv
check "--format csv (64)" 64 err "csv"
run $TODAY -- $D --user milan updates --since
check "--since without a value (64)" 64
run $TODAY -- $D --user milan updates extra
check "an unexpected argument (64)" 64 err "extra"
run $TODAY -- $D --user milan updates --bogus
check "an unknown option (64)" 64
run -- --help
check "--help names the updates command" 0 out "updates [--group GROUP]"

[ "$CLI_FAILED" = 0 ]
