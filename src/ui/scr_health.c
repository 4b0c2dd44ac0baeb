/*
 * scr_health.c — the health of groups (#9): the group page's Health
 * section, a group's scans (Z), the form that fills one in, and the
 * coordinators' overview of every active group (L).
 *
 * Shows: the latest scan per success factor (score, bar, trend since the
 * scan before, remark) and the older scans; the signals of the group
 * (leads and coordinators); the overview table, weak signals marked with
 * "!" and the error colour. Widgets: text lines, form, a list drawn from
 * rows kept in memory (about 20 000 small structs at national scale).
 * Actions: n fill in (or change this term's) scan; s cycles the sort of
 * the overview, Enter opens a group, C-l computes it again.
 * Store: store_scans_get, store_scan_save, store_health_group,
 * store_health_overview (each decides who may). No statement stays open
 * while keys are awaited: every call reads and resets.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/health.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/group_life.h"
#include "ui/scr_themes.h"
#include "ui/screen.h"
#include "ui/widgets.h"

/* ---- shared ---- */

/* The config's norms of each row's type, then the signals on today. */
static void
health_ui_compute(struct ui *ui, struct health_row *rows, size_t n, const struct date *today)
{
	const struct config_group_type *t;
	size_t i;

	for (i = 0; i < n; i++) {
		t = config_group_type(ui->app->cfg, rows[i].type);
		rows[i].facts.expected_meetings = t != NULL ? t->expected_meetings : 0;
		if (rows[i].facts.hours_norm == 0 && t != NULL)
			rows[i].facts.hours_norm = t->hours_norm;
		health_compute(&rows[i].facts, today, &rows[i].sig);
	}
}

static const char *
health_factor_label(struct ui *ui, const char *key)
{
	const char *label = config_item_label(&ui->app->cfg->success_factors, key);

	return label != NULL ? label : key;
}

/* The average of a scan × 10. */
static int
health_scan_avg10(const struct scan *sc)
{
	long sum = 0;
	size_t i;

	for (i = 0; i < sc->n; i++)
		sum += sc->scores[i].score;
	return sc->n > 0 ? (int)((sum * 20 / (long)sc->n + 1) / 2) : 0;
}

/* "2026-2027 I, 3,4 on average (12-10-2026, Emre Çelik)" for a scan. */
static void
health_scan_line(struct ui *ui, const struct scan *sc, char *buf, size_t size)
{
	char term[HEALTH_TERM_LABEL_LEN], day[DATE_ISO_LEN], iso[DATE_ISO_LEN];
	struct health_term t;
	int avg = health_scan_avg10(sc);

	health_term_of(&sc->filled_on, &t);
	snprintf(buf, size, _("%s: %d%c%d on average (%s, %s)"), health_term_label(&t, term),
	    avg / 10, app_decimal(ui->app), avg % 10,
	    widget_day(date_format_iso(&sc->filled_on, iso), day),
	    sc->filled_by != NULL ? sc->filled_by : "?");
}

/* The score of factor in sc, 0 when it has none. */
static int
health_scan_score(const struct scan *sc, const char *factor)
{
	size_t i;

	for (i = 0; sc != NULL && i < sc->n; i++) {
		if (strcmp(sc->scores[i].factor, factor) == 0)
			return sc->scores[i].score;
	}
	return 0;
}

/* ---- the group page's section ---- */

/*
 * The signals of one group in a few wrapped lines ("Meetings 6/2 · Overdue
 * 8! · …"), weak ones marked "!", in the error colour when any is weak: the
 * group page keeps its roster in sight.
 */
static void
health_section_signals(struct ui *ui, const struct health_row *r, struct widget_lines *l)
{
	char value[48], *text, *next;
	int s;

	text = widget_format_number(P_("Signals this school year (%d weak):",
	    "Signals this school year (%d weak):", r->sig.weak_count), r->sig.weak_count);
	for (s = 0; s < HEALTH__SIGNALS; s++) {
		health_signal_format(&r->sig, (enum health_signal)s, app_decimal(ui->app), value,
		    sizeof value);
		next = xasprintf("%s%s %s %s%s", text, s == 0 ? "" : " \u00b7",
		    _(health_signal_title((enum health_signal)s)), value,
		    r->sig.weak[s] ? "!" : "");
		free(text);
		text = next;
	}
	widget_lines_wrap(l, 2, r->sig.weak_count > 0 ? ui_attr(ui, UI_COLOUR_ERROR) :
	    (int)A_NORMAL, text);
	free(text);
}


/* One factor's line: its label, score bar and trend since prev; with its remark. */
static void
health_factor_line(struct ui *ui, const struct scan_factor_score *f, const struct scan *prev,
    bool remarks, struct widget_lines *l)
{
	char bar[32];

	widget_lines_add(l, 2, A_NORMAL, "%-40.40s %s %s",
	    health_factor_label(ui, f->factor), health_score_bar(f->score, bar, sizeof bar),
	    health_trend(health_scan_score(prev, f->factor), f->score));
	if (remarks && f->remark != NULL)
		widget_lines_wrap(l, 6, ui_attr(ui, UI_COLOUR_DIM), f->remark);
}

/*
 * Each factor of scan last in the configuration's order (as the scan's form
 * asks them), then those the configuration no longer has.
 */
static void
health_factor_lines(struct ui *ui, const struct scan *last, const struct scan *prev,
    bool remarks, struct widget_lines *l)
{
	const struct config_items *fs = &ui->app->cfg->success_factors;
	size_t i, k;

	for (k = 0; k < fs->n; k++) {
		for (i = 0; i < last->n; i++) {
			if (strcmp(last->scores[i].factor, fs->v[k].key) == 0)
				health_factor_line(ui, &last->scores[i], prev, remarks, l);
		}
	}
	for (i = 0; i < last->n; i++) {
		for (k = 0; k < fs->n && strcmp(last->scores[i].factor, fs->v[k].key) != 0; k++)
			;
		if (k == fs->n)
			health_factor_line(ui, &last->scores[i], prev, remarks, l);
	}
}

void
life_health_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l)
{
	struct date today = date_today();
	struct health_row r;
	struct scan *scans = NULL;
	char line[256], *error = NULL;
	size_t n = 0;
	bool may_scan, may_signal = ui->app->who->coordinator || ctx->is_lead;

	/* nothing for those who may see neither the scans nor the signals (followers) */
	may_scan = store_scans_get(ui->app->st, ui->app->who, d->id, &scans, &n, &error) == 0;
	if (!may_scan && !may_signal) {
		free(error);
		return;
	}
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Health"));
	if (may_scan) {
		if (n > 0) {
			health_scan_line(ui, &scans[0], line, sizeof line);
			widget_lines_add(l, 2, A_NORMAL, _("Latest scan %s"), line);
			/* the latest scores and the trend per factor (Z: the remarks, older scans) */
			health_factor_lines(ui, &scans[0], n > 1 ? &scans[1] : NULL, false, l);
		} else {
			widget_lines_add(l, 2, A_NORMAL, "%s", _("No scan yet (Z fills one in)."));
		}
	}
	free(error);
	error = NULL;
	store_scans_free(scans, n);
	if (!may_signal)
		return;
	if (store_health_group(ui->app->st, ui->app->who, d->id, &today, &r, &error) == 1) {
		health_ui_compute(ui, &r, 1, &today);
		health_section_signals(ui, &r, l);
		free(r.name);
		free(r.type);
	}
	free(error);
}

/* ---- a group's scans ---- */

struct scans {
	int64_t group_id;
	struct scan *v;
	size_t n;
	bool loaded, reload;
	struct widget_lines lines;
	int width;
};

/* The form of a scan: one score and one remark per factor. */
struct scan_form {
	struct scans *p;
	int64_t replaces_id;
	struct form_field **score, **remark;
	size_t n;
};

static const enum ui_action scans_hints[] = {
	UI_ACTION_NEW, UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_NONE
};

static void
scans_load(struct ui *ui, struct scans *p)
{
	char *error = NULL;

	store_scans_free(p->v, p->n);
	p->v = NULL;
	p->n = 0;
	p->loaded = store_scans_get(ui->app->st, ui->app->who, p->group_id, &p->v, &p->n,
	    &error) == 0;
	if (!p->loaded)
		ui_message(ui, true, "%s", error != NULL ? error : "?");
	free(error);
	p->reload = false;
	p->width = 0;
}

static void
scans_enter(struct ui *ui, struct screen *s)
{
	scans_load(ui, s->data);
}

/* The latest scan factor by factor, then the older ones. */
static void
scans_build(struct ui *ui, struct scans *p)
{
	const struct scan *last = p->n > 0 ? &p->v[0] : NULL, *prev = p->n > 1 ? &p->v[1] : NULL;
	char line[256];
	size_t i;

	widget_lines_clear(&p->lines);
	p->lines.width = COLS - 2;
	if (last == NULL) {
		widget_lines_add(&p->lines, 0, A_NORMAL, "%s", p->loaded ?
		    _("No scan yet. Press n to fill in the success factors, each 1 to 5.") : "");
		return;
	}
	health_scan_line(ui, last, line, sizeof line);
	widget_lines_add(&p->lines, 0, A_BOLD, _("Latest scan %s"), line);
	health_factor_lines(ui, last, prev, true, &p->lines);
	if (p->n > 1) {
		widget_lines_add(&p->lines, 0, A_NORMAL, "%s", "");
		widget_lines_add(&p->lines, 0, A_BOLD, "%s", _("Earlier scans"));
	}
	for (i = 1; i < p->n; i++) {
		health_scan_line(ui, &p->v[i], line, sizeof line);
		widget_lines_add(&p->lines, 2, A_NORMAL, "%s", line);
	}
}

static void
scans_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct scans *p = s->data;

	if (p->reload)
		scans_load(ui, p);
	if (p->width != COLS) {
		scans_build(ui, p);
		p->width = COLS;
	}
	s->height = height;
	widget_lines_draw(&p->lines, &s->top, top, height);
}

static void
scan_form_free(void *arg)
{
	struct scan_form *sf = arg;

	free(sf->score);
	free(sf->remark);
	free(sf);
}

/* Put the store's refusal at the field of the factor it names, else on the status line. */
static void
scan_form_refused(struct ui *ui, struct form *f, struct scan_form *sf, const char *error)
{
	const struct config_items *fs = &ui->app->cfg->success_factors;
	size_t i;

	for (i = 0; i < sf->n; i++) {
		if (strstr(error, fs->v[i].key) != NULL) {
			form_error(sf->score[i], "%s", error);
			form_focus(f, sf->score[i]);
			return;
		}
	}
	ui_message(ui, true, "%s", error);
}

static int
scan_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct scan_form *sf = arg;
	const struct config_items *fs = &ui->app->cfg->success_factors;
	struct health_score *scores = xreallocarray(NULL, sf->n + 1, sizeof *scores);
	const char **keys = xreallocarray(NULL, sf->n + 1, sizeof *keys);
	struct scan_new sn;
	char *error = NULL;
	size_t i;
	int ret;

	for (i = 0; i < sf->n; i++) {
		const char *choice = form_choice(sf->score[i]);

		keys[i] = fs->v[i].key;
		scores[i].factor = fs->v[i].key;
		scores[i].score = choice != NULL && *choice != '\0' ? atoi(choice) : 0;
		scores[i].remark = form_text(sf->remark[i]);
		form_error(sf->score[i], NULL);
		if (scores[i].score == 0)
			form_error(sf->score[i], "%s", _("Choose a score from 1 to 5."));
	}
	if (form_focus_error(f)) {
		ret = 1;
		goto out;
	}
	memset(&sn, 0, sizeof sn);
	sn.group_id = sf->p->group_id;
	sn.replaces_id = sf->replaces_id;
	sn.scores = scores;
	sn.n = sf->n;
	sn.factors = keys;
	sn.n_factors = sf->n;
	if ((ret = store_scan_save(ui->app->st, ui->app->who, &sn, NULL, &error)) != 0) {
		scan_form_refused(ui, f, sf, error != NULL ? error : "?");
		if (ret == STORE_CONFLICT)
			sf->p->reload = true;
		ret = 1;
		goto out;
	}
	ui_message(ui, false, "%s", _("The scan is saved."));
	sf->p->reload = true;
out:
	free(error);
	free(scores);
	free(keys);
	return ret;
}

/* n: fill in this term's scan, or change it when it has one. */
static void
scans_new(struct ui *ui, struct scans *p)
{
	const struct config_items *fs = &ui->app->cfg->success_factors;
	struct date today = date_today();
	const struct scan *cur = p->n > 0 && health_same_term(&p->v[0].filled_on, &today) ?
	    &p->v[0] : NULL;
	struct scan_form *sf;
	struct form *f;
	char key[4], label[32];
	size_t i;
	int k, score;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("This database is read-only."));
		return;
	}
	if (fs->n == 0) {
		ui_message(ui, true, "%s", _("The configuration lists no success factors."));
		return;
	}
	sf = xcalloc(1, sizeof *sf);
	sf->p = p;
	sf->n = fs->n;
	sf->replaces_id = cur != NULL ? cur->id : 0;
	sf->score = xcalloc(fs->n, sizeof *sf->score);
	sf->remark = xcalloc(fs->n, sizeof *sf->remark);
	f = form_new();
	for (i = 0; i < fs->n; i++) {
		score = health_scan_score(cur, fs->v[i].key);
		sf->score[i] = form_add(f, FORM_CHOICE, fs->v[i].label, true);
		form_add_item(sf->score[i], "", "-", score == 0);
		for (k = HEALTH_SCORE_MIN; k <= HEALTH_SCORE_MAX; k++) {
			snprintf(key, sizeof key, "%d", k);
			health_score_bar(k, label, sizeof label);
			form_add_item(sf->score[i], key, label, k == score);
		}
		sf->score[i]->choice = score;
		sf->remark[i] = form_add(f, FORM_LINE, _("  remark"), false);
		sf->remark[i]->max_chars = HEALTH_REMARK_MAX;
		for (k = 0; cur != NULL && k < (int)cur->n; k++) {
			if (strcmp(cur->scores[k].factor, fs->v[i].key) == 0)
				form_set_text(sf->remark[i], cur->scores[k].remark);
		}
	}
	scr_form_push(ui, cur != NULL ? N_("Change this term's scan") : N_("Fill in the scan"), f,
	    scan_form_submit, sf, scan_form_free);
}

static bool
scans_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct scans *p = s->data;

	switch (a) {
	case UI_ACTION_NEW: scans_new(ui, p); return true;
	default: return widget_lines_scroll(&s->top, p->lines.n, s->height, a);
	}
}

static void
scans_free(struct screen *s)
{
	struct scans *p = s->data;

	store_scans_free(p->v, p->n);
	widget_lines_clear(&p->lines);
	free(p);
}

static const struct screen_ops scans_ops = {
	.name = N_("Health scans"),
	.enter = scans_enter,
	.draw = scans_draw,
	.on_action = scans_on_action,
	.hints = scans_hints,
	.free = scans_free,
};

void
scr_scans_push(struct ui *ui, int64_t group_id)
{
	struct scans *p = xcalloc(1, sizeof *p);
	struct scan *v = NULL;
	char *error = NULL;
	size_t n = 0;

	/* refuse before a screen opens: who may not see them gets the reason */
	if (store_scans_get(ui->app->st, ui->app->who, group_id, &v, &n, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : "?");
		free(error);
		free(p);
		return;
	}
	store_scans_free(v, n);
	p->group_id = group_id;
	screen_push(ui, &scans_ops, p);
}

/* ---- the coordinators' overview ---- */

struct overview {
	struct health_row *rows;
	size_t n;
	int sort;
	bool loaded;
	char as_of[8];		/* "HH:MM" of the computation */
};

static const enum ui_action overview_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_SORT, UI_ACTION_REDRAW, UI_ACTION_DOWN, UI_ACTION_UP,
	UI_ACTION_BACK, UI_ACTION_NONE
};

/* Compute every group's signals (the statements are reset before this returns). */
static void
overview_load(struct ui *ui, struct screen *s)
{
	struct overview *p = s->data;
	struct date today = date_today();
	char *error = NULL;
	int now = date_now_minutes();

	widget_text(LINES - 2, 0, COLS, _("Computing…"), A_NORMAL);
	refresh();
	health_rows_free(p->rows, p->n);
	p->rows = NULL;
	p->n = 0;
	if (store_health_overview(ui->app->st, ui->app->who, &today, &p->rows, &p->n,
	    &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : "?");
		free(error);
	}
	health_ui_compute(ui, p->rows, p->n, &today);
	health_sort(p->rows, p->n, p->sort);
	snprintf(p->as_of, sizeof p->as_of, "%02d:%02d", now / 60 % 24, now % 60);
	p->loaded = true;
	if (s->selected >= (int)p->n)
		s->selected = p->n > 0 ? (int)p->n - 1 : 0;
}

static void
overview_enter(struct ui *ui, struct screen *s)
{
	struct overview *p = s->data;

	/* another session's commit does not recompute 20 000 groups: C-l does */
	if (!p->loaded)
		overview_load(ui, s);
}

/* The columns after the name: width of each signal's cell and of "weak". */
#define OVERVIEW_CELL 9
#define OVERVIEW_WEAK 5

static void
overview_draw_row(struct ui *ui, const struct health_row *r, int y, int name_w, bool selected)
{
	int base = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL, weak = ui_attr(ui, UI_COLOUR_ERROR) | base;
	char cell[48], n[8];
	size_t len;
	int s, x = 1 + name_w;

	widget_text(y, 1, name_w, r->name, base);
	for (s = 0; s < HEALTH__SIGNALS; s++, x += OVERVIEW_CELL) {
		health_signal_format(&r->sig, (enum health_signal)s, app_decimal(ui->app), cell,
		    sizeof cell - 2);
		len = strlen(cell);
		memmove(cell + 1, cell, len + 1);
		cell[0] = ' ';
		if (r->sig.weak[(enum health_signal)s])
			memcpy(cell + len + 1, "!", 2);
		widget_text(y, x, OVERVIEW_CELL, cell, r->sig.weak[s] ? weak : base);
	}
	snprintf(n, sizeof n, " %d", r->sig.weak_count);
	widget_text(y, x, OVERVIEW_WEAK, n, base);
}

static void
overview_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct overview *p = s->data;
	int name_w = COLS - 2 - HEALTH__SIGNALS * OVERVIEW_CELL - OVERVIEW_WEAK, x, i, y;
	char head[256];

	if (name_w < 12)
		name_w = 12;
	snprintf(head, sizeof head, _("%zu active groups, computed at %s; sorted by %s; "
	    "\"!\" marks a weak signal"), p->n, p->as_of, health_sort_key(p->sort));
	widget_text(top, 1, COLS - 2, head, A_NORMAL);
	widget_text(top + 1, 1, name_w, _("Group"), A_BOLD);
	for (i = 0, x = 1 + name_w; i < HEALTH__SIGNALS; i++, x += OVERVIEW_CELL) {
		snprintf(head, sizeof head, " %s", _(health_signal_title((enum health_signal)i)));
		widget_text(top + 1, x, OVERVIEW_CELL, head, A_BOLD);
	}
	widget_text(top + 1, x, OVERVIEW_WEAK, _(" Weak"), A_BOLD);
	s->height = height - 2;
	if (s->selected < s->top)
		s->top = s->selected;
	if (s->height > 0 && s->selected >= s->top + s->height)
		s->top = s->selected - s->height + 1;
	for (i = s->top, y = top + 2; i < (int)p->n && y < top + height; i++, y++)
		overview_draw_row(ui, &p->rows[i], y, name_w, i == s->selected);
	if (p->n == 0 && p->loaded)
		widget_text(top + 2, 1, COLS - 2, _("No active groups."), A_NORMAL);
}

static bool
overview_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct overview *p = s->data;

	switch (a) {
	case UI_ACTION_SORT:
		p->sort = (p->sort + 1) % HEALTH_SORT__COUNT;
		health_sort(p->rows, p->n, p->sort);
		s->selected = s->top = 0;
		ui_message(ui, false, _("Sorted by %s."), health_sort_key(p->sort));
		return true;
	case UI_ACTION_REDRAW:
		overview_load(ui, s);
		return false;	/* the interface redraws too */
	case UI_ACTION_OPEN:
		if (s->selected >= 0 && s->selected < (int)p->n)
			scr_group_push(ui, p->rows[s->selected].id);
		return true;
	default:
		return widget_list_move(s, a, (int)p->n);
	}
}

static void
overview_free(struct screen *s)
{
	struct overview *p = s->data;

	health_rows_free(p->rows, p->n);
	free(p);
}

static const struct screen_ops overview_ops = {
	.name = N_("Overview"),
	.enter = overview_enter,
	.draw = overview_draw,
	.on_action = overview_on_action,
	.hints = overview_hints,
	.free = overview_free,
};

void
scr_overview_push(struct ui *ui)
{
	if (!access_allows(ui->app->who, ACCESS_OVERVIEW, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_OVERVIEW)));
		return;
	}
	screen_push(ui, &overview_ops, xcalloc(1, sizeof(struct overview)));
}
