/*
 * vlist.c — a window of rows over a list of any length.
 *
 * Moving inside the window costs nothing; moving past its edge fetches one
 * row (or one page) beyond the edge row and slides the window. Home and End
 * fetch a page from either end. Nothing is ever counted or offset.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

void
vlist_page_add(struct vlist_page *page, void *row)
{
	if (page->n == page->cap) {
		page->cap = page->cap ? page->cap * 2 : 16;
		page->rows = xreallocarray(page->rows, (size_t)page->cap, sizeof *page->rows);
	}
	page->rows[page->n++] = row;
}

static void
vlist_page_free(const struct vlist *l, struct vlist_page *page, int from)
{
	int i;

	for (i = from; i < page->n; i++)
		l->ops->free_row(page->rows[i]);
	free(page->rows);
	memset(page, 0, sizeof *page);
}

void
vlist_init(struct vlist *l, const struct vlist_ops *ops, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ctx = ctx;
	l->selected = -1;
}

/* Drop rows [from, to) of the window. */
static void
vlist_drop(struct vlist *l, int from, int to)
{
	int i;

	if (to <= from)
		return;
	for (i = from; i < to; i++)
		l->ops->free_row(l->rows[i]);
	if (l->n > to)
		memmove(l->rows + from, l->rows + to, (size_t)(l->n - to) * sizeof *l->rows);
	l->n -= to - from;
}

void
vlist_clear(struct vlist *l)
{
	vlist_drop(l, 0, l->n);
	free(l->rows);
	free(l->error);
	l->rows = NULL;
	l->error = NULL;
	l->n = 0;
	l->selected = -1;
}

/* Run the screen's fetch; -1 keeps the error in l->error. */
static int
vlist_fetch(struct vlist *l, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page)
{
	char *error = NULL;

	memset(page, 0, sizeof *page);
	if (limit <= 0)
		return 0;
	if (l->ops->fetch(l->ctx, anchor, inclusive, forward, limit, page, &error) != 0) {
		free(l->error);
		l->error = error;
		vlist_page_free(l, page, 0);
		return -1;
	}
	return 0;
}

/* Make the window exactly the rows of page (ownership taken). */
static void
vlist_take(struct vlist *l, struct vlist_page *page)
{
	vlist_drop(l, 0, l->n);
	free(l->rows);
	l->rows = page->rows;
	l->n = page->n;
	memset(page, 0, sizeof *page);
}

/* Append rows after the window, sliding it so at most height remain. */
static void
vlist_append(struct vlist *l, struct vlist_page *page)
{
	int i;

	if (page->n == 0) {
		free(page->rows);
		memset(page, 0, sizeof *page);
		return;
	}
	l->rows = xreallocarray(l->rows, (size_t)(l->n + page->n), sizeof *l->rows);
	for (i = 0; i < page->n; i++)
		l->rows[l->n++] = page->rows[i];
	free(page->rows);
	memset(page, 0, sizeof *page);
	if (l->n > l->height) {
		int over = l->n - l->height;

		vlist_drop(l, 0, over);
		l->selected -= over;
	}
}

/* Prepend rows before the window, dropping from its end beyond height. */
static void
vlist_prepend(struct vlist *l, struct vlist_page *page)
{
	if (page->n == 0) {
		free(page->rows);
		memset(page, 0, sizeof *page);
		return;
	}
	l->rows = xreallocarray(l->rows, (size_t)(l->n + page->n), sizeof *l->rows);
	memmove(l->rows + page->n, l->rows, (size_t)l->n * sizeof *l->rows);
	memcpy(l->rows, page->rows, (size_t)page->n * sizeof *l->rows);
	l->n += page->n;
	l->selected += page->n;
	free(page->rows);
	memset(page, 0, sizeof *page);
	if (l->n > l->height)
		vlist_drop(l, l->height, l->n);
}

int
vlist_reload(struct vlist *l, int height, bool from_start)
{
	void *keep = NULL, *first = NULL;
	struct vlist_page page, more;
	int i;

	l->height = height > 0 ? height : 1;
	if (!from_start && l->n > 0) {
		first = l->rows[0];
		keep = vlist_selected(l);
	}
	if (vlist_fetch(l, first, true, true, l->height, &page) != 0)
		return -1;
	/* fill up from before when the end came too soon */
	if (page.n < l->height && page.n > 0 &&
	    vlist_fetch(l, page.rows[0], false, false, l->height - page.n, &more) == 0) {
		for (i = 0; i < page.n; i++)
			vlist_page_add(&more, page.rows[i]);
		free(page.rows);
		page = more;
	}
	l->selected = 0;
	for (i = 0; keep != NULL && i < page.n; i++) {
		if (l->ops->same(page.rows[i], keep))
			l->selected = i;
	}
	vlist_take(l, &page);
	if (l->n == 0)
		l->selected = -1;
	return 0;
}

/* One row down: inside the window, or fetch the next row. */
static void
vlist_down(struct vlist *l, int rows)
{
	struct vlist_page page;

	if (l->selected + rows < l->n) {
		l->selected += rows;
		return;
	}
	if (l->n > 0 && vlist_fetch(l, l->rows[l->n - 1], false, true, rows, &page) == 0) {
		int got = page.n;

		vlist_append(l, &page);
		l->selected = got < rows ? l->n - 1 : l->selected + rows;
		if (l->selected >= l->n)
			l->selected = l->n - 1;
	}
}

/* One row up: inside the window, or fetch the previous row. */
static void
vlist_up(struct vlist *l, int rows)
{
	struct vlist_page page;

	if (l->selected - rows >= 0) {
		l->selected -= rows;
		return;
	}
	if (l->n > 0 && vlist_fetch(l, l->rows[0], false, false, rows, &page) == 0) {
		int got = page.n;

		vlist_prepend(l, &page);
		l->selected = got < rows ? 0 : l->selected - rows;
		if (l->selected < 0)
			l->selected = 0;
	}
}

/* A page from either end. */
static void
vlist_end(struct vlist *l, bool last)
{
	struct vlist_page page;

	if (vlist_fetch(l, NULL, false, !last, l->height, &page) != 0)
		return;
	vlist_take(l, &page);
	l->selected = l->n == 0 ? -1 : last ? l->n - 1 : 0;
}

bool
vlist_action(struct vlist *l, enum ui_action a)
{
	int page = l->height > 1 ? l->height - 1 : 1;

	switch (a) {
	case UI_ACTION_DOWN: vlist_down(l, 1); break;
	case UI_ACTION_UP: vlist_up(l, 1); break;
	case UI_ACTION_PAGE_DOWN: vlist_down(l, page); break;
	case UI_ACTION_PAGE_UP: vlist_up(l, page); break;
	case UI_ACTION_FIRST: vlist_end(l, false); break;
	case UI_ACTION_LAST: vlist_end(l, true); break;
	default: return false;
	}
	return true;
}

void
vlist_draw(struct vlist *l, struct ui *ui, int top, int x, int width)
{
	int i;

	for (i = 0; i < l->n && i < l->height; i++)
		l->ops->draw(l->ctx, ui, l->rows[i], top + i, x, width, i == l->selected);
}

void *
vlist_selected(const struct vlist *l)
{
	if (l->selected < 0 || l->selected >= l->n)
		return NULL;
	return l->rows[l->selected];
}
