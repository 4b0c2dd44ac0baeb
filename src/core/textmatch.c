/* textmatch.c — typed words against a text, accents and case folded. */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "core/textmatch.h"
#include "core/xmalloc.h"

/* The base letters of U+00C0 … U+017F ('\0': not a letter to fold). */
static const char textmatch_latin[] =
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"	/* C0 … DF */
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty"	/* E0 … FF */
	"aaaaaaccccccccdd" "ddeeeeeeeeeegggg"	/* 100 … 11F */
	"gggghhhhiiiiiiii" "iiiijjkkklllllll"	/* 120 … 13F */
	"lllnnnnnnnnnoooo" "oooorrrrrrssssss"	/* 140 … 15F */
	"ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";	/* 160 … 17F */

/*
 * The next character of s folded: an ASCII letter or digit lower-cased, a
 * Latin letter with an accent as its base letter, other letters as their
 * code point; 0 for a character that separates words. *n = its bytes.
 */
static unsigned long
textmatch_next(const char *s, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;

	*n = 1;
	if (p[0] < 0x80) {
		if ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= '0' && p[0] <= '9'))
			return p[0];
		return p[0] >= 'A' && p[0] <= 'Z' ? (unsigned long)p[0] + 32 : 0;
	}
	if ((p[0] & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80) {
		*n = 2;
		c = ((unsigned long)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
	} else if ((p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
		*n = 3;
		c = ((unsigned long)(p[0] & 0x0f) << 12) | ((unsigned long)(p[1] & 0x3f) << 6) |
		    (p[2] & 0x3f);
	} else if ((p[0] & 0xf8) == 0xf0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
	    (p[3] & 0xc0) == 0x80) {
		*n = 4;
		c = ((unsigned long)(p[0] & 0x07) << 18) | ((unsigned long)(p[1] & 0x3f) << 12) |
		    ((unsigned long)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
	} else {
		return 0;	/* not UTF-8: a separator */
	}
	if (c >= 0xc0 && c <= 0x17f)
		return textmatch_latin[c - 0xc0] != '\0' ? (unsigned long)textmatch_latin[c - 0xc0] : 0;
	if (c == 0xa0 || (c >= 0x2000 && c <= 0x206f) || c == 0x3000)
		return 0;	/* spaces and punctuation */
	return c;
}

/* Is s the Dutch ligature ĳ or Ĳ (U+0133, U+0132), which folds to two letters "ij"? */
static bool
textmatch_ij(const char *s)
{
	return (unsigned char)s[0] == 0xc4 && ((unsigned char)s[1] == 0xb2 ||
	    (unsigned char)s[1] == 0xb3);
}

/* Does the folded word at w start with the folded word at q? */
static bool
textmatch_prefix(const char *w, const char *q)
{
	unsigned long a, b;
	size_t n, m;
	bool j_due = false;	/* the text's ĳ gave its i; its j comes next */

	for (;;) {
		if (*q == '\0' || (b = textmatch_next(q, &m)) == 0)
			return true;
		if (j_due) {
			if (b != 'j' && b != 0x133)
				return false;
			j_due = false;
			q += m;
			continue;
		}
		if (*w == '\0' || (a = textmatch_next(w, &n)) == 0)
			return false;
		if (textmatch_ij(w) && (b == 'i' || b == 0x133)) {
			j_due = !textmatch_ij(q);	/* typed "ij" (its j next), or ĳ itself */
		} else if (textmatch_ij(q) && a == 'i') {
			/* typed ĳ against "ij" written out: the text's j follows */
			if (textmatch_next(w + n, &n) != 'j')
				return false;
			n += 1;
		} else if (a != b) {
			return false;
		}
		w += textmatch_ij(w) ? 2 : n;
		q += m;
	}
}

/* Skip separators; then the bytes of the word at s (0 at the end). */
static const char *
textmatch_word(const char *s, size_t *len)
{
	size_t n;

	while (*s != '\0' && textmatch_next(s, &n) == 0)
		s += n;
	*len = 0;
	while (s[*len] != '\0' && textmatch_next(s + *len, &n) != 0)
		*len += n;
	return s;
}

/* Does a word of text start with the query word q? The first such word into at and len. */
static bool
textmatch_one(const char *text, const char *q, size_t *at, size_t *len)
{
	const char *w = text;
	size_t n;

	for (;;) {
		w = textmatch_word(w, &n);
		if (n == 0)
			return false;
		if (textmatch_prefix(w, q)) {
			*at = (size_t)(w - text);
			*len = n;
			return true;
		}
		w += n;
	}
}

bool
textmatch(const char *text, const char *query, size_t *at, size_t *len)
{
	const char *q = query;
	size_t qn, a, l, first_at = 0, first_len = 0;
	bool any = false;

	if (text == NULL || query == NULL)
		return false;
	for (;;) {
		q = textmatch_word(q, &qn);
		if (qn == 0)
			break;
		if (!textmatch_one(text, q, &a, &l))
			return false;
		if (!any || a < first_at) {
			first_at = a;
			first_len = l;
		}
		any = true;
		q += qn;
	}
	if (any && at != NULL)
		*at = first_at;
	if (any && len != NULL)
		*len = first_len;
	return any;
}

/* Back from i to the start of a UTF-8 character. */
static size_t
textmatch_char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* Append n bytes of s to out (line breaks and tabs as spaces). */
static char *
textmatch_put(char *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		*out++ = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
	return out;
}

char *
textmatch_snippet(const char *text, size_t at, size_t len, int width)
{
	size_t total = strlen(text), before = (size_t)(width > 8 ? width / 3 : 3);
	size_t from, to, room = (size_t)(width > 8 ? width : 8) * 4;
	char *buf, *out;

	if (at > total)
		at = total;
	if (len > total - at)
		len = total - at;
	from = textmatch_char_start(text, at > before ? at - before : 0);
	to = at + len + (size_t)(width > 8 ? width : 8) - before;
	to = to >= total ? total : textmatch_char_start(text, to);
	out = buf = xmalloc(room + (to - from) + 16);
	if (from > 0)
		out = textmatch_put(out, "…", strlen("…"));
	out = textmatch_put(out, text + from, at - from);
	*out++ = '[';
	out = textmatch_put(out, text + at, len);
	*out++ = ']';
	out = textmatch_put(out, text + at + len, to - at - len);
	if (to < total)
		out = textmatch_put(out, "…", strlen("…"));
	*out = '\0';
	return buf;
}
