/*
 * tsv.h — split tab-separated lines (the demo data files in data/demo/).
 *
 * A line is split in place: tabs become NULs and fields point into it.
 * "\n", "\t" and "\\" inside a field are unescaped in place.
 * Lines that are empty or start with '#' are comments.
 */
#ifndef LEERNET_CORE_TSV_H
#define LEERNET_CORE_TSV_H

#include <stddef.h>

#define TSV_MAX_FIELDS 16

struct tsv_line {
	char *field[TSV_MAX_FIELDS];
	size_t n;
};

/*
 * Split line (modified; a trailing newline is dropped) into out.
 * Returns the number of fields, 0 for a comment or blank line, -1 when the
 * line has more than TSV_MAX_FIELDS fields.
 */
int tsv_split(char *line, struct tsv_line *out);

/* Field i, or "" when the line has fewer fields. */
const char *tsv_get(const struct tsv_line *l, size_t i);

#endif
