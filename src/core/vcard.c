/*
 * vcard.c — vCard 4.0 (RFC 6350): escaping, folding and Dutch-aware N.
 *
 * Each content line is built unfolded in one buffer, then folded into the
 * card; the card is appended to the caller's buffer in one go.
 */
#include "autoconf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/vcard.h"
#include "core/xmalloc.h"

#define VCARD_FOLD 75		/* octets in a line, without its CRLF */

/* A growing byte buffer, always NUL-terminated. */
struct vcard_buf {
	char *p;
	size_t len, cap;
};

/* Lowercase words that begin a family name (tussenvoegsels and kin). */
static const char *const vcard_particles[] = {
	"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op",
	"aan", "bij", "uit", "onder", "voor", "over", "'s", "von", "vom", "zu",
	"zum", "zur", "du", "des", "la", "le", "da", "di", "del", "dos", "das",
};

/* Append n bytes at s to b. */
static void
vcard_put(struct vcard_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		if (b->cap == 0)
			b->cap = 256;
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Append the string s to b. */
static void
vcard_puts(struct vcard_buf *b, const char *s)
{
	vcard_put(b, s, strlen(s));
}

/* Append s as an escaped text value: \\ \, \; and \n (CRLF and CR too). */
static void
vcard_escape(struct vcard_buf *b, const char *s)
{
	const char *run;

	for (run = s; *s != '\0'; s++) {
		const char *esc = NULL;

		if (*s == '\\')
			esc = "\\\\";
		else if (*s == ',')
			esc = "\\,";
		else if (*s == ';')
			esc = "\\;";
		else if (*s == '\n' || *s == '\r')
			esc = "\\n";
		if (esc == NULL)
			continue;
		vcard_put(b, run, (size_t)(s - run));
		vcard_puts(b, esc);
		if (s[0] == '\r' && s[1] == '\n')
			s++;
		run = s + 1;
	}
	vcard_put(b, run, (size_t)(s - run));
}

/* Append the content line in line to card, folded, with CRLF line ends. */
static void
vcard_fold(struct vcard_buf *card, const struct vcard_buf *line)
{
	size_t pos = 0, limit = VCARD_FOLD, k;

	for (;;) {
		k = line->len - pos;
		if (k > limit) {
			k = limit;
			while (k > 0 && ((unsigned char)line->p[pos + k] & 0xc0) == 0x80)
				k--;
			if (k == 0)
				k = limit;	/* not UTF-8: cut anyway */
		}
		vcard_put(card, line->p + pos, k);
		vcard_put(card, "\r\n", 2);
		pos += k;
		if (pos >= line->len)
			break;
		vcard_put(card, " ", 1);
		limit = VCARD_FOLD - 1;
	}
}

/* Append the property "name:value" (value escaped) when value is set. */
static void
vcard_prop(struct vcard_buf *card, struct vcard_buf *line, const char *name,
    const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	line->len = 0;
	vcard_puts(line, name);
	vcard_put(line, ":", 1);
	vcard_escape(line, value);
	vcard_fold(card, line);
}

/* Is the word of n bytes at s a name particle? */
static bool
vcard_particle(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof vcard_particles / sizeof vcard_particles[0]; i++) {
		if (strlen(vcard_particles[i]) == n && memcmp(vcard_particles[i], s, n) == 0)
			return true;
	}
	return false;
}

/* The next word of s (spaces and tabs between words): NULL at the end. */
static const char *
vcard_word(const char *s, size_t *n)
{
	s += strspn(s, " \t");
	if (*s == '\0')
		return NULL;
	*n = strcspn(s, " \t");
	return s;
}

void
vcard_split_name(const char *name, char *family, char *given)
{
	const char *w, *s;
	size_t n, words = 0, split = (size_t)-1, i;
	char *out;

	*family = *given = '\0';
	if (name == NULL)
		return;
	for (s = name; (w = vcard_word(s, &n)) != NULL; s = w + n) {
		if (split == (size_t)-1 && vcard_particle(w, n) && vcard_word(w + n, &i) != NULL)
			split = words;
		words++;
	}
	if (split == (size_t)-1)
		split = words - (words > 0);
	for (s = name, i = 0; (w = vcard_word(s, &n)) != NULL; s = w + n, i++) {
		out = i < split ? given : family;
		out += strlen(out);
		if (out != (i < split ? given : family))
			*out++ = ' ';
		memcpy(out, w, n);
		out[n] = '\0';
	}
}

/* Append the N property: family;given;;; with each component escaped. */
static void
vcard_n(struct vcard_buf *card, struct vcard_buf *line, const char *name)
{
	size_t size = strlen(name) + 1;
	char *family = xmalloc(size), *given = xmalloc(size);

	vcard_split_name(name, family, given);
	line->len = 0;
	vcard_puts(line, "N:");
	vcard_escape(line, family);
	vcard_put(line, ";", 1);
	vcard_escape(line, given);
	vcard_puts(line, ";;;");
	vcard_fold(card, line);
	free(family);
	free(given);
}

void
vcard_append(char **buf, size_t *len, const struct vcard_person *p)
{
	struct vcard_buf card = { NULL, 0, 0 }, line = { NULL, 0, 0 };
	const char *name = p->name != NULL ? p->name : "";

	vcard_puts(&card, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
	line.len = 0;
	vcard_puts(&line, "FN:");
	vcard_escape(&line, name);
	vcard_fold(&card, &line);
	vcard_n(&card, &line, name);
	vcard_prop(&card, &line, "EMAIL;TYPE=work", p->email);
	vcard_prop(&card, &line, "ORG", p->organisation);
	vcard_prop(&card, &line, "TITLE", p->function);
	vcard_prop(&card, &line, "ROLE", p->role);
	vcard_prop(&card, &line, "UID", p->uid);
	vcard_puts(&card, "END:VCARD\r\n");
	*buf = xrealloc(*buf, *len + card.len + 1);
	memcpy(*buf + *len, card.p, card.len + 1);
	*len += card.len;
	free(card.p);
	free(line.p);
}
