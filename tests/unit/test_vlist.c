/*
 * test_vlist.c — the virtual list's window and its reading ahead.
 *
 * A list of numbers stands in for a screen's query (keyset paging on the
 * number). Two lists walk it side by side with the same moves: one never
 * reads ahead, the other reads ahead between moves as the interface does
 * while no key waits. They must always show the same rows and selection,
 * and a move whose rows were read ahead must not fetch.
 */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"
#include "ui/vlist.h"
#include "suites.h"

#define FAKE_MAX 1000

struct fake {
	int v[FAKE_MAX];	/* ascending */
	int n;
	int fetches;
	int fail;		/* fail the next fail fetches */
};

static void
fake_fill(struct fake *f, int n, int step)
{
	int i;

	memset(f, 0, sizeof *f);
	for (i = 0; i < n; i++)
		f->v[i] = 10 + i * step;
	f->n = n;
}

static int
fake_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct fake *f = ctx;
	int a = anchor != NULL ? *(const int *)anchor : 0, i, from, to, *row;

	f->fetches++;
	if (f->fail > 0) {
		f->fail--;
		*error = xstrdup("the fake list failed");
		return -1;
	}
	if (forward) {
		for (i = 0; i < f->n && anchor != NULL &&
		    (inclusive ? f->v[i] < a : f->v[i] <= a); i++)
			;
		from = i;
		to = from + limit < f->n ? from + limit : f->n;
	} else {
		for (i = f->n; i > 0 && anchor != NULL &&
		    (inclusive ? f->v[i - 1] > a : f->v[i - 1] >= a); i--)
			;
		to = i;
		from = to - limit > 0 ? to - limit : 0;
	}
	for (i = from; i < to; i++) {
		row = xmalloc(sizeof *row);
		*row = f->v[i];
		vlist_page_add(page, row);
	}
	return 0;
}

static void
fake_draw(void *ctx, struct ui *ui, const void *row, int y, int x, int width, bool selected)
{
	(void)ctx, (void)ui, (void)row, (void)y, (void)x, (void)width, (void)selected;
}

static bool
fake_same(const void *a, const void *b)
{
	return *(const int *)a == *(const int *)b;
}

static const struct vlist_ops fake_ops = {
	.fetch = fake_fetch,
	.draw = fake_draw,
	.free_row = free,
	.same = fake_same,
};

/* Both lists show the same rows, the same one selected. */
static void
same_window(const struct vlist *a, const struct vlist *b, int step)
{
	int i;

	ck_assert_msg(a->n == b->n, "step %d: %d rows against %d", step, a->n, b->n);
	ck_assert_msg(a->selected == b->selected, "step %d: row %d selected against %d", step,
	    a->selected, b->selected);
	for (i = 0; i < a->n; i++)
		ck_assert_msg(*(int *)a->rows[i] == *(int *)b->rows[i],
		    "step %d: row %d is %d against %d", step, i, *(int *)a->rows[i],
		    *(int *)b->rows[i]);
}

/* Read ahead until nothing is due; the number of fetches it took. */
static int
read_all(struct vlist *l, struct fake *f)
{
	int before = f->fetches, guard = 0;

	while (vlist_read_ahead(l))
		ck_assert_int_lt(++guard, 10);
	return f->fetches - before;
}

static const enum ui_action moves[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_PAGE_DOWN, UI_ACTION_PAGE_UP,
	UI_ACTION_FIRST, UI_ACTION_LAST
};

/* Random walks over lists of several lengths, read ahead at random moments. */
START_TEST(test_same_as_without)
{
	static const int lengths[] = { 0, 1, 5, 9, 10, 11, 23, 24, 100, 997 };
	static struct fake fa, fb;
	struct vlist a, b;
	unsigned seed = 42;
	int k, step, height;

	for (k = 0; k < (int)(sizeof lengths / sizeof *lengths); k++) {
		for (height = 1; height <= 12; height += 5) {
			fake_fill(&fa, lengths[k], 3);
			fake_fill(&fb, lengths[k], 3);
			vlist_init(&a, &fake_ops, &fa);
			vlist_init(&b, &fake_ops, &fb);
			ck_assert_int_eq(vlist_reload(&a, height, true), 0);
			ck_assert_int_eq(vlist_reload(&b, height, true), 0);
			same_window(&a, &b, -1);
			for (step = 0; step < 400; step++) {
				enum ui_action m = moves[rand_r(&seed) % 6];

				if (rand_r(&seed) % 3 != 0)
					read_all(&b, &fb);
				else if (rand_r(&seed) % 2 == 0)
					vlist_read_ahead(&b);
				/* now and then a reload, as after a change elsewhere */
				if (rand_r(&seed) % 50 == 0) {
					ck_assert_int_eq(vlist_reload(&a, height, false), 0);
					ck_assert_int_eq(vlist_reload(&b, height, false), 0);
				}
				vlist_action(&a, m);
				vlist_action(&b, m);
				same_window(&a, &b, step);
			}
			vlist_clear(&a);
			vlist_clear(&b);
		}
	}
}
END_TEST

/* Once read ahead, page down, page up, end and home fetch nothing. */
START_TEST(test_moves_need_no_fetch)
{
	static struct fake f;
	struct vlist l;

	fake_fill(&f, 500, 1);
	vlist_init(&l, &fake_ops, &f);
	ck_assert_int_eq(vlist_reload(&l, 20, true), 0);
	/* after, last, before (nothing: the start), first */
	ck_assert_int_eq(read_all(&l, &f), 4);
	f.fetches = 0;
	/* to the window's last row, then a page beyond it */
	vlist_action(&l, UI_ACTION_PAGE_DOWN);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10 + 19);
	vlist_action(&l, UI_ACTION_PAGE_DOWN);
	ck_assert_int_eq(f.fetches, 0);
	ck_assert_int_eq(*(int *)l.rows[0], 10 + 19);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10 + 38);
	/* the rows let go of are the page before: back up without a fetch */
	vlist_action(&l, UI_ACTION_PAGE_UP);
	vlist_action(&l, UI_ACTION_PAGE_UP);
	ck_assert_int_eq(f.fetches, 0);
	ck_assert_int_eq(*(int *)l.rows[0], 10);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10);
	read_all(&l, &f);
	f.fetches = 0;
	vlist_action(&l, UI_ACTION_LAST);
	ck_assert_int_eq(f.fetches, 0);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10 + 499);
	vlist_action(&l, UI_ACTION_FIRST);
	ck_assert_int_eq(f.fetches, 0);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10);
	/* a list that fits its window reads nothing ahead after the first look */
	vlist_clear(&l);
	fake_fill(&f, 5, 1);
	ck_assert_int_eq(vlist_reload(&l, 20, true), 0);
	ck_assert_int_eq(read_all(&l, &f), 0);
	vlist_clear(&l);
}
END_TEST

/* A reload forgets what was read: rows added meanwhile show up. */
START_TEST(test_reload_forgets)
{
	static struct fake f;
	struct vlist l;
	int i;

	fake_fill(&f, 50, 2);
	vlist_init(&l, &fake_ops, &f);
	ck_assert_int_eq(vlist_reload(&l, 10, true), 0);
	read_all(&l, &f);
	/* 11 joins between 10 and 12, just after the window's first row */
	for (i = f.n; i > 1; i--)
		f.v[i] = f.v[i - 1];
	f.v[1] = 11;
	f.n++;
	ck_assert_int_eq(vlist_reload(&l, 10, false), 0);
	vlist_action(&l, UI_ACTION_DOWN);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 11);
	vlist_action(&l, UI_ACTION_LAST);
	ck_assert_int_eq(*(int *)vlist_selected(&l), f.v[f.n - 1]);
	vlist_clear(&l);
}
END_TEST

/* A failed read ahead is silent; the move then fetches, and its error shows. */
START_TEST(test_read_failure)
{
	static struct fake f;
	struct vlist l;

	fake_fill(&f, 100, 1);
	vlist_init(&l, &fake_ops, &f);
	ck_assert_int_eq(vlist_reload(&l, 10, true), 0);
	f.fail = 1;
	ck_assert(vlist_read_ahead(&l));
	ck_assert_ptr_null(l.error);
	vlist_action(&l, UI_ACTION_PAGE_DOWN);
	f.fetches = 0;
	vlist_action(&l, UI_ACTION_PAGE_DOWN);
	ck_assert_int_eq(f.fetches, 1);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10 + 18);
	f.fail = 1;
	vlist_action(&l, UI_ACTION_LAST);
	ck_assert_ptr_nonnull(l.error);
	ck_assert_int_eq(*(int *)vlist_selected(&l), 10 + 18);
	vlist_clear(&l);
}
END_TEST

Suite *
suite_vlist(void)
{
	Suite *s = suite_create("vlist");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_same_as_without);
	tcase_add_test(tc, test_moves_need_no_fetch);
	tcase_add_test(tc, test_reload_forgets);
	tcase_add_test(tc, test_read_failure);
	suite_add_tcase(s, tc);
	return s;
}
