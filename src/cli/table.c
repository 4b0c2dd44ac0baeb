/* table.c — rows of cells printed in columns by display width. */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "cli/table.h"
#include "core/text.h"
#include "core/xmalloc.h"

struct table_col {
	bool right;
	int limit;		/* 0 = no limit */
	int min;		/* at least this wide */
};

struct table {
	size_t n_cols;
	struct table_col *cols;
	char **cells;		/* (rows + 1) * n_cols, the header first */
	size_t n_rows;		/* including the header */
	size_t cap_rows;
};

/* Append one row of cells, copying them. */
static void
table_push(struct table *t, const char *const *cells)
{
	size_t i;

	if (t->n_rows == t->cap_rows) {
		t->cap_rows = t->cap_rows != 0 ? t->cap_rows * 2 : 16;
		t->cells = xreallocarray(t->cells, t->cap_rows * t->n_cols, sizeof *t->cells);
	}
	for (i = 0; i < t->n_cols; i++)
		t->cells[t->n_rows * t->n_cols + i] = xstrdup(cells[i] != NULL ? cells[i] : "");
	t->n_rows++;
}

struct table *
table_new(size_t n_cols, const char *const *header)
{
	struct table *t = xcalloc(1, sizeof *t);

	t->n_cols = n_cols;
	t->cols = xcalloc(n_cols, sizeof *t->cols);
	table_push(t, header);
	return t;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n_rows * t->n_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->cols);
	free(t);
}

void
table_right(struct table *t, size_t col)
{
	t->cols[col].right = true;
}

void
table_limit(struct table *t, size_t col, int width)
{
	t->cols[col].limit = width;
}

void
table_fixed(struct table *t, size_t col, int width)
{
	t->cols[col].limit = width;
	t->cols[col].min = width;
}

void
table_add(struct table *t, const char *const *cells)
{
	table_push(t, cells);
}

size_t
table_rows(const struct table *t)
{
	return t->n_rows - 1;
}

/* The width of column col: its widest cell, within the column's limit. */
static int
table_width(const struct table *t, size_t col)
{
	int w = 0, cw;
	size_t r;

	for (r = 0; r < t->n_rows; r++) {
		cw = text_width(t->cells[r * t->n_cols + col]);
		if (cw > w)
			w = cw;
	}
	if (t->cols[col].limit > 0 && w > t->cols[col].limit)
		w = t->cols[col].limit;
	return w > t->cols[col].min ? w : t->cols[col].min;
}

/* Append one cell fitted to width (padded, or right-aligned) at *w. */
static char *
table_cell(char *w, const char *s, int width, bool right)
{
	size_t size = strlen(s) + (size_t)width + 8;
	char *buf = xmalloc(size);
	int used = text_fit(s, width, 0, buf, size);

	if (right) {
		memset(w, ' ', (size_t)(width - used));
		w += width - used;
	}
	w = stpcpy(w, buf);
	if (!right) {
		memset(w, ' ', (size_t)(width - used));
		w += width - used;
	}
	free(buf);
	return w;
}

/* Print row r with the column widths w, without trailing spaces. */
static void
table_line(const struct table *t, size_t r, const int *w, FILE *out)
{
	const char *const *cells = (const char *const *)t->cells + r * t->n_cols;
	size_t size = 1, c;
	char *line, *p;

	for (c = 0; c < t->n_cols; c++)
		size += strlen(cells[c]) + (size_t)w[c] + 8;
	p = line = xmalloc(size);
	for (c = 0; c < t->n_cols; c++) {
		if (c > 0)
			p = stpcpy(p, "  ");
		p = table_cell(p, cells[c], w[c], t->cols[c].right);
	}
	while (p > line && p[-1] == ' ')
		p--;
	*p = '\0';
	fprintf(out, "%s\n", line);
	free(line);
}

/* Print the rows from first on (0 = the header). */
static void
table_print_from(const struct table *t, size_t first, FILE *out)
{
	int *w = xcalloc(t->n_cols, sizeof *w);
	size_t r, c;

	for (c = 0; c < t->n_cols; c++)
		w[c] = table_width(t, c);
	for (r = first; r < t->n_rows; r++)
		table_line(t, r, w, out);
	free(w);
}

void
table_print(const struct table *t, FILE *out)
{
	table_print_from(t, 0, out);
}

void
table_print_rows(const struct table *t, FILE *out)
{
	table_print_from(t, 1, out);
}
