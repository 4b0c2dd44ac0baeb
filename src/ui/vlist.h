/*
 * vlist.h — the virtual list: shows a window of rows of a list of any size
 * and asks the screen for rows a page at a time (keyset paging), so it never
 * holds more than what is on screen.
 *
 * Rows are opaque, owned by the list once handed over, released with
 * ops->free_row. The screen's fetch turns a row back into its anchor.
 *
 * While no key waits, the interface reads ahead (vlist_read_ahead): the page
 * after the window, the last page, the page before and the first page, one
 * fetch at a time. A move that finds its rows there only draws; the rows
 * the window lets go of on one side become the other side's. A reload (a
 * change of data, filter or size) forgets all of it.
 */
#ifndef LEERNET_UI_VLIST_H
#define LEERNET_UI_VLIST_H

#include <stdbool.h>

#include "ui/ui_private.h"

/* Rows delivered by a fetch, in display order. */
struct vlist_page {
	void **rows;
	int n, cap;
};
/* Add a row (ownership taken) to a page. */
void vlist_page_add(struct vlist_page *page, void *row);

struct vlist_ops {
	/*
	 * Fetch at most limit rows after anchor (forward) or before it,
	 * in display order; anchor NULL = from the first or the last row;
	 * inclusive also gives the anchor row. Returns 0, or -1 with *error.
	 */
	int (*fetch)(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
	    struct vlist_page *page, char **error);
	/* Draw a row at (y, x) in width columns. */
	void (*draw)(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
	    bool selected);
	void (*free_row)(void *row);
	/* Same row? (to keep the selection across reloads) */
	bool (*same)(const void *a, const void *b);
};

/*
 * Rows read ahead on one side of the window or at one end of the list, in
 * display order; at_end: no rows lie beyond them (the list's end, or its
 * start for the rows before). Empty and not at_end: not read yet.
 */
struct vlist_side {
	struct vlist_page page;
	bool at_end;
	bool failed;		/* the last read failed: not again until a reload */
};

struct vlist {
	const struct vlist_ops *ops;
	void *ctx;
	void **rows;		/* the window, at most height rows */
	int n, height;
	int selected;		/* index into rows, -1 when empty */
	char *error;		/* the last fetch error, owned */
	/* read ahead: rows adjacent to the window; the list's first and last page */
	struct vlist_side after, before, first, last;
};

void vlist_init(struct vlist *l, const struct vlist_ops *ops, void *ctx);
void vlist_clear(struct vlist *l);

/*
 * Fill the window for height rows: from the first row shown (or the start),
 * keeping the selected row when it is still there. Call after a change of
 * filter (with from_start), of data, or of size. 0 or -1 (l->error set).
 */
int vlist_reload(struct vlist *l, int height, bool from_start);

/* Handle a navigation action; true when it was one. */
bool vlist_action(struct vlist *l, enum ui_action a);

/*
 * One step of reading ahead: one fetch, when one is due. True when it
 * fetched (call again while no key waits), false when there is nothing left
 * to read. Errors are not shown: the move that needs the rows fetches them.
 */
bool vlist_read_ahead(struct vlist *l);

/* Draw the window at rows top .. top+height-1, columns x .. x+width-1. */
void vlist_draw(struct vlist *l, struct ui *ui, int top, int x, int width);

/* The selected row, or NULL. */
void *vlist_selected(const struct vlist *l);

#endif
