#!/bin/sh
# po.sh — every translatable string of the sources has a Dutch translation:
# the catalogue po/nl.po, merged with a fresh template, has nothing untranslated or fuzzy.
set -u
srcdir="${top_srcdir:-.}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$srcdir" || exit 99
command -v xgettext >/dev/null || { echo "po: xgettext missing"; exit 77; }
xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -kC_:1c,2 -kNC_:1c,2 -f po/POTFILES -o "$tmp/fresh.pot" 2>"$tmp/err" ||
	{ cat "$tmp/err"; exit 1; }
# every file with _( or N_( is listed in POTFILES
missing=$(grep -rlE '\b_\(|N_\(' src --include='*.c' --include='*.h' | sort |
	comm -23 - "$(sort po/POTFILES > "$tmp/potfiles"; echo "$tmp/potfiles")")
if [ -n "$missing" ]; then
	echo "po: files with translatable strings missing from po/POTFILES: $missing"
	exit 1
fi
msgmerge -q --no-fuzzy-matching po/nl.po "$tmp/fresh.pot" -o "$tmp/merged.po" || exit 1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1) || {
	echo "po: msgfmt --check refuses the catalogue (a format that does not match?):"
	echo "$stats"
	exit 1
}
case "$stats" in
*untranslated*|*fuzzy*)
	echo "po: po/nl.po is incomplete: $stats"
	msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | head -40
	msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -40
	exit 1 ;;
esac
echo "po: $stats"
