#!/bin/sh
# layering.sh — the includes keep the layers apart (STYLE.md):
# curses only in src/ui, sqlite3.h only in src/store, yaml.h only in
# src/config, and src/core includes nothing but libc and itself.
set -u
src="${top_srcdir:-.}/src"
fail=0

bad() { printf 'layering: %s\n' "$*" >&2; fail=1; }

check_only() {	# header-pattern allowed-dir
	hits=$(grep -rlE "^[[:space:]]*#[[:space:]]*include[[:space:]]*<($1)>" "$src" --include='*.[ch]' |
		grep -v "^$src/$2/" || true)
	[ -z "$hits" ] || bad "<$1> included outside src/$2: $hits"
}

check_only 'n?curses(w)?\.h|ncursesw/curses\.h|term\.h|panel\.h|menu\.h|form\.h' ui
check_only 'sqlite3\.h' store
check_only 'yaml\.h' config
check_only 'libical/ical\.h|ical\.h' ical

# core: only its own headers and the C library (no other project layer).
hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(store|config|ui|cli)/' \
	"$src"/core/*.[ch] || true)
[ -z "$hits" ] || bad "src/core includes another layer: $hits"
# store and config never reach up into ui or cli.
hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(ui|cli)/' \
	"$src"/store/*.[ch] "$src"/config/*.[ch] || true)
[ -z "$hits" ] || bad "store/config include ui or cli: $hits"
# SQL lives in the store.
hits=$(grep -nE '"(SELECT|INSERT|UPDATE|DELETE) ' "$src"/core "$src"/ui "$src"/cli \
	"$src"/config "$src"/main.c -r || true)
[ -z "$hits" ] || bad "SQL outside src/store: $hits"

# Strings are written with bounds: snprintf, xasprintf, a builder; never these.
hits=$(grep -rnE '(^|[^_[:alnum:]])(strcpy|strcat|sprintf|vsprintf|gets)[[:space:]]*\(' "$src" \
	--include='*.[ch]' || true)
[ -z "$hits" ] || bad "unbounded string functions: $hits"

# The check must be able to fail: it must see the real includes.
grep -q '#include <sqlite3.h>' "$src/store/store_private.h" || bad "self-test: store has no sqlite3.h?"
grep -q '#include <curses.h>' "$src/ui/ui.c" || bad "self-test: ui has no curses.h?"

[ $fail -eq 0 ] && echo "layering: ok"
exit $fail
