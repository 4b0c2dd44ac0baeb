/*
 * vlist.c — a window of rows over a list of any length.
 *
 * Moving inside the window costs nothing; moving past its edge takes one
 * row (or one page) beyond the edge row and slides the window. Home and End
 * take a page from either end. Nothing is ever counted or offset.
 *
 * Those rows are read ahead while the user is not typing (vlist_read_ahead),
 * so that a move usually finds them in memory: at national scale a page of
 * groups reads some eighty database pages (each group's row, leads, members
 * and meetings lie apart), a few milliseconds that a key then does not wait
 * for. The move fetches them itself when they are not there yet.
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

/* Forget what was read ahead on one side. */
static void
vlist_side_reset(const struct vlist *l, struct vlist_side *side)
{
	vlist_page_free(l, &side->page, 0);
	side->at_end = false;
	side->failed = false;
}

static void
vlist_sides_reset(struct vlist *l)
{
	vlist_side_reset(l, &l->after);
	vlist_side_reset(l, &l->before);
	vlist_side_reset(l, &l->first);
	vlist_side_reset(l, &l->last);
}

/* Move k rows from the front (or the back) of side into page, in order. */
static void
vlist_side_take(struct vlist_side *side, int k, bool front, struct vlist_page *page)
{
	struct vlist_page *p = &side->page;
	int from = front ? 0 : p->n - k, i;

	memset(page, 0, sizeof *page);
	if (k <= 0)
		return;
	for (i = 0; i < k; i++)
		vlist_page_add(page, p->rows[from + i]);
	if (front)
		memmove(p->rows, p->rows + k, (size_t)(p->n - k) * sizeof *p->rows);
	p->n -= k;
}

/*
 * Add k rows (ownership taken) to side, at its back or its front; before:
 * side holds the rows before the window (its front lies farthest from it).
 * At most max rows stay: those farthest from the window go.
 */
static void
vlist_side_add(const struct vlist *l, struct vlist_side *side, void **rows, int k, bool back,
    bool before, int max)
{
	struct vlist_page *p = &side->page;
	int i, over;

	if (k <= 0)
		return;
	for (i = 0; i < k; i++)
		vlist_page_add(p, NULL);
	if (back) {
		memcpy(p->rows + p->n - k, rows, (size_t)k * sizeof *rows);
	} else {
		memmove(p->rows + k, p->rows, (size_t)(p->n - k) * sizeof *p->rows);
		memcpy(p->rows, rows, (size_t)k * sizeof *rows);
	}
	if ((over = p->n - max) <= 0)
		return;
	side->at_end = false;
	for (i = 0; i < over; i++)
		l->ops->free_row(p->rows[before ? i : p->n - over + i]);
	if (before)
		memmove(p->rows, p->rows + over, (size_t)(p->n - over) * sizeof *p->rows);
	p->n -= over;
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
	vlist_sides_reset(l);
	vlist_drop(l, 0, l->n);
	free(l->rows);
	free(l->error);
	l->rows = NULL;
	l->error = NULL;
	l->n = 0;
	l->selected = -1;
}

/*
 * Run the screen's fetch; -1 on failure with the error kept in l->error, or
 * dropped when quiet (reading ahead shows no errors).
 */
static int
vlist_fetch_as(struct vlist *l, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, bool quiet)
{
	char *error = NULL;

	memset(page, 0, sizeof *page);
	if (limit <= 0)
		return 0;
	if (l->ops->fetch(l->ctx, anchor, inclusive, forward, limit, page, &error) == 0)
		return 0;
	if (quiet) {
		free(error);
	} else {
		free(l->error);
		l->error = error;
	}
	vlist_page_free(l, page, 0);
	return -1;
}

static int
vlist_fetch(struct vlist *l, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page)
{
	return vlist_fetch_as(l, anchor, inclusive, forward, limit, page, false);
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

		/* the rows let go of are now the ones just before the window */
		vlist_side_add(l, &l->before, l->rows, over, true, true, l->height);
		memmove(l->rows, l->rows + over, (size_t)(l->n - over) * sizeof *l->rows);
		l->n -= over;
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
	if (l->n > l->height) {
		vlist_side_add(l, &l->after, l->rows + l->height, l->n - l->height, false,
		    false, l->height);
		l->n = l->height;
	}
}

int
vlist_reload(struct vlist *l, int height, bool from_start)
{
	void *keep = NULL, *first = NULL;
	struct vlist_page page, more;
	int i;

	l->height = height > 0 ? height : 1;
	vlist_sides_reset(l);
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
	/* not a full window: the whole list is in it, nothing to read ahead */
	l->after.at_end = l->before.at_end = page.n < l->height;
	vlist_take(l, &page);
	if (l->n == 0)
		l->selected = -1;
	return 0;
}

/*
 * The rows rows beyond the window's edge (after it when forward) into page:
 * from what was read ahead when it holds them, else fetched. -1 on error.
 */
static int
vlist_beyond(struct vlist *l, int rows, bool forward, struct vlist_page *page)
{
	struct vlist_side *side = forward ? &l->after : &l->before;

	if (side->page.n >= rows || (side->at_end && !side->failed)) {
		vlist_side_take(side, side->page.n < rows ? side->page.n : rows, forward, page);
		return 0;
	}
	vlist_side_reset(l, side);
	if (vlist_fetch(l, l->rows[forward ? l->n - 1 : 0], false, forward, rows, page) != 0)
		return -1;
	side->at_end = page->n < rows;
	return 0;
}

/* One row down: inside the window, or take the next row. */
static void
vlist_down(struct vlist *l, int rows)
{
	struct vlist_page page;

	if (l->selected + rows < l->n) {
		l->selected += rows;
		return;
	}
	if (l->n > 0 && vlist_beyond(l, rows, true, &page) == 0) {
		int got = page.n;

		vlist_append(l, &page);
		l->selected = got < rows ? l->n - 1 : l->selected + rows;
		if (l->selected >= l->n)
			l->selected = l->n - 1;
	}
}

/* One row up: inside the window, or take the previous row. */
static void
vlist_up(struct vlist *l, int rows)
{
	struct vlist_page page;

	if (l->selected - rows >= 0) {
		l->selected -= rows;
		return;
	}
	if (l->n > 0 && vlist_beyond(l, rows, false, &page) == 0) {
		int got = page.n;

		vlist_prepend(l, &page);
		l->selected = got < rows ? 0 : l->selected - rows;
		if (l->selected < 0)
			l->selected = 0;
	}
}

/* A page from either end (first/last.at_end: that page was read ahead). */
static void
vlist_end(struct vlist *l, bool last)
{
	struct vlist_side *end = last ? &l->last : &l->first;
	struct vlist_page page;

	if (end->at_end) {
		page = end->page;
		memset(&end->page, 0, sizeof end->page);
		end->at_end = false;
	} else if (vlist_fetch(l, NULL, false, !last, l->height, &page) != 0) {
		return;
	}
	vlist_side_reset(l, &l->after);
	vlist_side_reset(l, &l->before);
	/* nothing lies beyond that end; nothing at all when the page is not full */
	(last ? &l->after : &l->before)->at_end = true;
	if (page.n < l->height)
		(last ? &l->before : &l->after)->at_end = true;
	vlist_take(l, &page);
	l->selected = l->n == 0 ? -1 : last ? l->n - 1 : 0;
}

/* One fetch for reading ahead, its error dropped: the side is marked failed. */
static bool
vlist_read(struct vlist *l, struct vlist_side *side, const void *anchor, bool forward,
    int limit, struct vlist_page *page)
{
	if (vlist_fetch_as(l, anchor, false, forward, limit, page, true) == 0)
		return true;
	side->failed = true;
	return false;
}

/* Read the rows next to the window on one side up to a page; false: nothing due. */
static bool
vlist_read_side(struct vlist *l, bool forward)
{
	struct vlist_side *side = forward ? &l->after : &l->before;
	struct vlist_page page;
	const void *anchor;
	int want = l->height - side->page.n;

	if (side->at_end || side->failed || want <= 0)
		return false;
	if (side->page.n > 0)
		anchor = side->page.rows[forward ? side->page.n - 1 : 0];
	else
		anchor = l->rows[forward ? l->n - 1 : 0];
	if (vlist_read(l, side, anchor, forward, want, &page)) {
		side->at_end = page.n < want;
		/* the rows after go behind those read; the rows before, in front */
		vlist_side_add(l, side, page.rows, page.n, forward, !forward, l->height);
		free(page.rows);
	}
	return true;
}

/* Read the first or the last page; false: nothing due. */
static bool
vlist_read_end(struct vlist *l, bool last)
{
	struct vlist_side *end = last ? &l->last : &l->first;

	if (end->at_end || end->failed)
		return false;
	/* the whole list is in the window: no end to read */
	if (l->after.at_end && l->before.at_end)
		return false;
	end->at_end = vlist_read(l, end, NULL, !last, l->height, &end->page);
	return true;
}

bool
vlist_read_ahead(struct vlist *l)
{
	if (l->n == 0)
		return false;
	return vlist_read_side(l, true) || vlist_read_end(l, true) ||
	    vlist_read_side(l, false) || vlist_read_end(l, false);
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
