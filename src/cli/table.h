/*
 * table.h — plain-text tables for the commands: columns lined up by display
 * width (core/text.h), so "Zoë van Ĳsselstein" takes 18 columns, not 21.
 *
 * A table owns copies of its cells. Columns are separated by two spaces;
 * the last column is not padded, so no line ends in spaces.
 */
#ifndef LEERNET_CLI_TABLE_H
#define LEERNET_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct table;

/* A table of n_cols columns with a header row (n_cols strings, copied). */
struct table *table_new(size_t n_cols, const char *const *header);
/* Release the table; NULL accepted. */
void table_free(struct table *t);

/* Align column col to the right (numbers). */
void table_right(struct table *t, size_t col);
/* Cut cells of column col to at most width columns, ending them with "…". */
void table_limit(struct table *t, size_t col, int width);
/* Make column col exactly width columns wide (cut as table_limit, padded), so
 * that tables printed one after another line up. */
void table_fixed(struct table *t, size_t col, int width);

/* Add a row of n_cols cells (copied; NULL is empty). */
void table_add(struct table *t, const char *const *cells);
/* Rows added, without the header. */
size_t table_rows(const struct table *t);

/* Print the header and the rows to out. */
void table_print(const struct table *t, FILE *out);
/* Print the rows only: the next part of a long listing (see table_fixed). */
void table_print_rows(const struct table *t, FILE *out);

#endif
