/* tsv.c — tab-separated lines with backslash escapes. */
#include "autoconf.h"

#include <string.h>

#include "core/tsv.h"

/* Undo \n, \t and \\ in place. */
static void
tsv_unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*w++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

int
tsv_split(char *line, struct tsv_line *out)
{
	size_t len = strlen(line);
	char *p;

	out->n = 0;
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (len == 0 || line[0] == '#')
		return 0;
	for (p = line; ; ) {
		char *tab = strchr(p, '\t');

		if (out->n == TSV_MAX_FIELDS)
			return -1;
		out->field[out->n++] = p;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	for (size_t i = 0; i < out->n; i++)
		tsv_unescape(out->field[i]);
	return (int)out->n;
}

const char *
tsv_get(const struct tsv_line *l, size_t i)
{
	return i < l->n ? l->field[i] : "";
}
