/*
 * scr_meeting_form.c — planning: one meeting, a change to one (or to the rest
 * of its series), and a series of meetings.
 *
 * Dates and times are typed the Dutch way or as ISO; the form checks them.
 * Before anything is saved the form shows what the meeting clashes with — a
 * school holiday, another meeting of the group, members who have another
 * meeting then, a network-wide meeting — and F2 a second time, with nothing
 * changed, plans it anyway. A series (every N weeks on a weekday, K times,
 * holidays skipped) is previewed on a screen of its own, with the skipped
 * days and the clashes per date, and created in one transaction from there.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "ui/form.h"
#include "ui/widgets.h"

#define MFORM_CONFLICTS_MAX 6

struct mform {
	int64_t meeting_id;		/* 0: a new meeting */
	int version;
	int64_t series_id;
	int64_t group_id;		/* fixed; 0 with group == NULL: network-wide */
	bool is_series;
	struct form_field *group, *title, *day, *start, *end, *place, *working_form, *agenda;
	struct form_field *weekday, *every, *count, *scope;
	char *warned;			/* the input whose clashes were shown; F2 again saves */
};

static void
mform_free(void *arg)
{
	struct mform *mf = arg;

	free(mf->warned);
	free(mf);
}

/* The group the form plans for: 0 network-wide, -1 none chosen. */
static int64_t
mform_group(const struct mform *mf)
{
	const char *key;

	if (mf->group == NULL)
		return mf->group_id;
	key = form_choice(mf->group);
	if (key == NULL)
		return -1;
	return strtoll(key, NULL, 10);
}

/* ---- clashes ---- */

struct mform_clashes {
	char text[600];
	int n;
};

static int
mform_clash(const struct meeting_conflict *c, void *arg)
{
	struct mform_clashes *cl = arg;
	size_t len = strlen(cl->text);
	const char *what = c->group_name != NULL ? c->group_name :
	    (c->title != NULL ? c->title : _("network-wide meeting"));
	const char *from = c->starts_at != NULL && strlen(c->starts_at) >= 16 ? c->starts_at + 11 : "";
	const char *to = c->ends_at != NULL && strlen(c->ends_at) >= 16 ? c->ends_at + 11 : "";

	if (c->kind == CONFLICT_MEMBER)
		snprintf(cl->text + len, sizeof cl->text - len, "%s%s: %s %s–%s", len ? "; " : "",
		    c->person_name != NULL ? c->person_name : "?", what, from, to);
	else if (c->kind == CONFLICT_GROUP)
		snprintf(cl->text + len, sizeof cl->text - len, "%s%s %s–%s", len ? "; " : "",
		    _("another meeting of the group"), from, to);
	else
		snprintf(cl->text + len, sizeof cl->text - len, "%s%s %s–%s", len ? "; " : "", what,
		    from, to);
	cl->n++;
	return 0;
}

/*
 * What one meeting on day start..end clashes with, into *cl (holiday name
 * into holiday, or ""). The number of clashes, holiday included.
 */
static int
mform_clashes(struct ui *ui, int64_t group_id, const struct date *day, int start, int end,
    int64_t exclude, struct mform_clashes *cl, char *holiday, size_t size)
{
	const struct config_holiday *h = config_holiday_on(ui->app->cfg, day);
	char *error = NULL;

	memset(cl, 0, sizeof *cl);
	snprintf(holiday, size, "%s", h != NULL ? h->name : "");
	if (store_meeting_conflicts(ui->app->st, group_id, day, start, end, exclude,
	    MFORM_CONFLICTS_MAX, mform_clash, cl, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not look for clashes"));
		free(error);
	}
	return cl->n + (h != NULL);
}

/* One text for everything typed, to see whether F2 comes twice for the same input. */
static char *
mform_input(const struct mform *mf)
{
	return xasprintf("%lld|%s|%s|%s|%s|%s|%s", (long long)mform_group(mf),
	    form_text(mf->day), form_text(mf->start), form_text(mf->end),
	    mf->weekday != NULL ? form_choice(mf->weekday) : "",
	    mf->every != NULL ? form_text(mf->every) : "",
	    mf->count != NULL ? form_text(mf->count) : "");
}

/* Fill m from the form's fields (borrowed strings). 0, or -1 with field errors. */
static int
mform_meeting(struct mform *mf, struct meeting_new *m)
{
	memset(m, 0, sizeof *m);
	m->group_id = mform_group(mf);
	if (m->group_id < 0) {
		form_error(mf->group, "%s", _("choose a group"));
		return -1;
	}
	m->title = form_text(mf->title);
	if (m->group_id == 0 && *m->title == '\0') {
		form_error(mf->title, "%s", _("a network-wide meeting needs a title"));
		return -1;
	}
	if (form_date(mf->day, &m->day) != 0) {
		form_error(mf->day, "%s", _("type a date, such as 14-01-2027"));
		return -1;
	}
	if (form_time(mf->start, &m->start_min) != 0) {
		form_error(mf->start, "%s", _("type a time, such as 14:30"));
		return -1;
	}
	if (form_time(mf->end, &m->end_min) != 0) {
		form_error(mf->end, "%s", _("type a time, such as 16:30"));
		return -1;
	}
	if (m->end_min <= m->start_min) {
		form_error(mf->end, "%s", _("the meeting must end after it starts"));
		return -1;
	}
	m->place = form_text(mf->place);
	m->agenda = form_text(mf->agenda);
	m->working_form = form_choice(mf->working_form);
	return 0;
}

/* Report a refusal of the store at the form; STORE_CONFLICT also says to look again. */
static int
mform_refused(struct ui *ui, struct mform *mf, int rc, char *error)
{
	ui_message(ui, true, "%s", error != NULL ? error : _("could not save the meeting"));
	free(error);
	free(mf->warned);
	mf->warned = NULL;
	(void)rc;
	return 1;
}

static int
mform_submit_one(struct ui *ui, struct form *f, void *arg)
{
	struct mform *mf = arg;
	struct mform_clashes cl;
	struct meeting_new m;
	char holiday[128], day[DATE_ISO_LEN], *input, *error = NULL;
	int64_t id = 0;
	bool rest;
	int rc, n;

	(void)f;
	if (mform_meeting(mf, &m) != 0)
		return 1;
	input = mform_input(mf);
	n = mform_clashes(ui, m.group_id, &m.day, m.start_min, m.end_min, mf->meeting_id, &cl,
	    holiday, sizeof holiday);
	if (n > 0 && (mf->warned == NULL || strcmp(mf->warned, input) != 0)) {
		if (*holiday != '\0')
			form_error(mf->day, _("school holiday: %s"), holiday);
		if (cl.n > 0)
			form_error(mf->start, _("clashes with %s"), cl.text);
		free(mf->warned);
		mf->warned = input;
		ui_message(ui, true, "%s", _("See the warnings at the date and time. F2 again plans "
		    "it anyway; change the date or time to look again."));
		return 1;
	}
	free(input);
	rest = mf->scope != NULL && strcmp(form_choice(mf->scope), "rest") == 0;
	if (mf->meeting_id == 0)
		rc = store_meeting_plan(ui->app->st, ui->app->who, &m, &id, &error);
	else
		rc = store_meeting_update(ui->app->st, ui->app->who, mf->meeting_id, mf->version,
		    &m, rest, &error);
	if (rc != 0)
		return mform_refused(ui, mf, rc, error);
	date_format_nl(&m.day, day);
	ui_message(ui, false, mf->meeting_id == 0 ? _("Planned on %s.") :
	    (rest ? _("Changed, with the rest of the series (from %s).") : _("Changed (%s).")), day);
	return 0;
}

/* ---- the fields ---- */

static bool
mform_common(struct ui *ui, struct mform *mf, struct form *f, const struct date *day,
    const struct meeting *cur)
{
	const struct config *cfg = ui->app->cfg;
	char text[32];
	size_t i;
	int n = 0;

	/* the groups who may plan for: network-wide (coordinators) and the groups they lead */
	if (mf->group_id == 0 && cur == NULL) {
		mf->group = form_add(f, FORM_CHOICE, _("Group"), true);
		if (ui->app->who->coordinator) {
			form_add_item(mf->group, "0", _("Network-wide (everyone)"), false);
			n++;
		}
		if ((i = (size_t)widget_groups_led(ui, mf->group, 0)) == (size_t)-1)
			return false;
		n += (int)i;
		if (n == 0) {
			ui_message(ui, true, "%s", _("Only the lead of a group or a coordinator plans "
			    "meetings, and you lead no group."));
			return false;
		}
	}
	mf->title = form_add(f, FORM_LINE, mf->group_id == 0 && mf->group == NULL ?
	    _("Title") : _("Title (optional)"), false);
	mf->title->max_chars = 200;
	mf->day = form_add(f, FORM_DATE, mf->is_series ? _("First date") : _("Date"), true);
	mf->start = form_add(f, FORM_TIME, _("Start"), true);
	mf->end = form_add(f, FORM_TIME, _("End"), true);
	mf->place = form_add(f, FORM_LINE, _("Place"), false);
	mf->place->max_chars = 200;
	mf->working_form = form_add(f, FORM_CHOICE, _("Working form"), false);
	for (i = 0; i < cfg->working_forms.n; i++)
		form_add_item(mf->working_form, cfg->working_forms.v[i].key,
		    cfg->working_forms.v[i].label, false);
	mf->agenda = form_add(f, FORM_TEXT, _("Agenda"), false);
	if (cur != NULL) {
		form_set_text(mf->title, cur->title);
		form_set_text(mf->day, date_format_nl(&cur->day, text));
		snprintf(text, sizeof text, "%02d:%02d", (cur->start_min / 60) % 100, cur->start_min % 60);
		form_set_text(mf->start, text);
		snprintf(text, sizeof text, "%02d:%02d", (cur->end_min / 60) % 100, cur->end_min % 60);
		form_set_text(mf->end, text);
		form_set_text(mf->place, cur->place);
		form_set_text(mf->agenda, cur->agenda);
		for (i = 0; cur->working_form != NULL && i < mf->working_form->n_items; i++) {
			if (strcmp(mf->working_form->items[i].key, cur->working_form) == 0)
				mf->working_form->choice = (int)i;
		}
	} else {
		form_set_text(mf->day, date_format_nl(day, text));
	}
	return true;
}

void
scr_meeting_plan_push(struct ui *ui, int64_t group_id, const struct date *day)
{
	struct date today = date_today();
	struct mform *mf;
	struct form *f;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("This database is read-only."));
		return;
	}
	mf = xcalloc(1, sizeof *mf);
	mf->group_id = group_id;
	f = form_new();
	if (!mform_common(ui, mf, f, day != NULL ? day : &today, NULL)) {
		form_free(f);
		mform_free(mf);
		return;
	}
	scr_form_push(ui, N_("Plan a meeting"), f, mform_submit_one, mf, mform_free);
}

void
scr_meeting_edit_push(struct ui *ui, int64_t meeting_id)
{
	struct meeting cur;
	struct mform *mf;
	struct form *f;
	char *error = NULL;
	int rc;

	rc = store_meeting_get(ui->app->st, ui->app->who, meeting_id, &cur, &error);
	if (rc <= 0) {
		ui_message(ui, true, "%s", rc == 0 ? _("The meeting no longer exists.") :
		    (error != NULL ? error : _("could not read the meeting")));
		free(error);
		return;
	}
	if (!cur.can_plan || store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", store_read_only(ui->app->st) ?
		    _("This database is read-only.") :
		    _("Only the lead of the group or a coordinator changes its meetings."));
		meeting_clear(&cur);
		return;
	}
	mf = xcalloc(1, sizeof *mf);
	mf->meeting_id = cur.id;
	mf->version = cur.version;
	mf->series_id = cur.series_id;
	mf->group_id = cur.group_id;
	f = form_new();
	mform_common(ui, mf, f, &cur.day, &cur);
	if (cur.series_id != 0) {
		mf->scope = form_add(f, FORM_CHOICE, _("Change"), true);
		form_add_item(mf->scope, "one", _("this meeting only"), true);
		form_add_item(mf->scope, "rest", _("this and the later meetings of the series"),
		    false);
	}
	meeting_clear(&cur);
	scr_form_push(ui, N_("Change a meeting"), f, mform_submit_one, mf, mform_free);
}

/* ---- a series ---- */

struct preview {
	struct meeting_new m;		/* strings owned below */
	char *title, *place, *agenda, *working_form;
	struct date days[CALENDAR_SERIES_MAX];
	size_t n;
	struct date skipped[CALENDAR_SKIPPED_MAX];
	size_t n_skipped;
	char *notes[CALENDAR_SERIES_MAX];	/* clashes per date, or NULL */
	int clashes;
};

static bool
preview_holiday(const struct date *d, void *arg)
{
	return config_holiday_on(arg, d) != NULL;
}

static void
preview_free(struct screen *s)
{
	struct preview *p = s->data;
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->notes[i]);
	free(p->title);
	free(p->place);
	free(p->agenda);
	free(p->working_form);
	free(p);
}

static const char *const weekday_names[8] = {
	"", N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
	N_("Saturday"), N_("Sunday")
};

static void
preview_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct preview *p = s->data;
	const struct config_holiday *h;
	char day[DATE_ISO_LEN], line[512];
	size_t i;
	int row = top, cols = COLS, attr;

	s->height = height;
	mvprintw(row++, 1, P_("%zu meeting, %02d:%02d–%02d:%02d", "%zu meetings, %02d:%02d–%02d:%02d",
	    p->n), p->n, p->m.start_min / 60, p->m.start_min % 60, p->m.end_min / 60,
	    p->m.end_min % 60);
	if (p->n_skipped > 0)
		mvprintw(row++, 1, P_("%zu date skipped: a school holiday",
		    "%zu dates skipped: school holidays", p->n_skipped), p->n_skipped);
	row++;
	for (i = (size_t)s->top; i < p->n + p->n_skipped && row < top + height - 1; i++) {
		attr = A_NORMAL;
		if (i < p->n) {
			snprintf(line, sizeof line, "%-9s %s  %s", _(weekday_names[date_weekday(
			    &p->days[i])]), date_format_nl(&p->days[i], day),
			    p->notes[i] != NULL ? p->notes[i] : "");
			if (p->notes[i] != NULL)
				attr = ui_attr(ui, UI_COLOUR_ERROR);
		} else {
			const struct date *d = &p->skipped[i - p->n];

			h = config_holiday_on(ui->app->cfg, d);
			snprintf(line, sizeof line, "%-9s %s  %s: %s", _(weekday_names[date_weekday(d)]),
			    date_format_nl(d, day), _("skipped"), h != NULL ? h->name : "");
			attr = ui_attr(ui, UI_COLOUR_DIM);
		}
		widget_text(row++, 1, cols - 2, line, attr);
	}
	if (row < top + height - 1)
		mvprintw(top + height - 1, 1, "%s", _("F2 or Enter creates the series; Esc goes back "
		    "to the form."));
}

static bool
preview_on_key(struct ui *ui, struct screen *s, int code)
{
	struct preview *p = s->data;
	char *error = NULL;
	int64_t series = 0;

	if (code != KEYS_FN(KEY_F(2)) && code != '\n' && code != '\r' && code != KEYS_FN(KEY_ENTER))
		return false;
	if (store_meeting_plan_series(ui->app->st, ui->app->who, &p->m, p->days, p->n, &series,
	    &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not plan the series"));
		free(error);
		return true;
	}
	ui_message(ui, false, P_("Planned a series of %zu meeting.",
	    "Planned a series of %zu meetings.", p->n), p->n);
	screen_pop(ui);		/* the preview */
	screen_pop(ui);		/* the form */
	return true;
}

static bool
preview_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct preview *p = s->data;
	int rows = (int)(p->n + p->n_skipped);

	(void)ui;
	switch (a) {
	case UI_ACTION_DOWN:
	case UI_ACTION_PAGE_DOWN:
		if (s->top + s->height - 4 < rows)
			s->top += a == UI_ACTION_DOWN ? 1 : s->height - 4;
		return true;
	case UI_ACTION_UP:
	case UI_ACTION_PAGE_UP:
		s->top -= a == UI_ACTION_UP ? 1 : s->height - 4;
		if (s->top < 0)
			s->top = 0;
		return true;
	default:
		return false;
	}
}

static const enum ui_action preview_hints[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static const struct screen_ops scr_preview_ops = {
	.name = N_("Series preview"),
	.draw = preview_draw,
	.on_key = preview_on_key,
	.on_action = preview_on_action,
	.hints = preview_hints,
	.free = preview_free,
};

static int
mform_submit_series(struct ui *ui, struct form *f, void *arg)
{
	struct mform *mf = arg;
	struct calendar_series spec;
	struct mform_clashes cl;
	struct meeting_new m;
	struct preview *p;
	char holiday[128];
	size_t i;

	(void)f;
	if (mform_meeting(mf, &m) != 0)
		return 1;
	memset(&spec, 0, sizeof spec);
	spec.from = m.day;
	spec.weekday = (int)strtol(form_choice(mf->weekday), NULL, 10);
	if (form_number(mf->every, &spec.every_weeks) != 0) {
		form_error(mf->every, "%s", _("a number of weeks, 1 to 52"));
		return 1;
	}
	if (form_number(mf->count, &spec.count) != 0) {
		form_error(mf->count, _("a number of meetings, 1 to %d"), CALENDAR_SERIES_MAX);
		return 1;
	}
	p = xcalloc(1, sizeof *p);
	if (calendar_series_days(&spec, preview_holiday, (void *)ui->app->cfg, p->days,
	    CALENDAR_SERIES_MAX, &p->n, p->skipped, CALENDAR_SKIPPED_MAX, &p->n_skipped) != 0) {
		free(p);
		form_error(mf->count, "%s", _("no series fits: too many dates fall in holidays"));
		return 1;
	}
	p->title = xstrdup(m.title);
	p->place = xstrdup(m.place);
	p->agenda = xstrdup(m.agenda);
	p->working_form = m.working_form != NULL ? xstrdup(m.working_form) : NULL;
	p->m = m;
	p->m.title = p->title;
	p->m.place = p->place;
	p->m.agenda = p->agenda;
	p->m.working_form = p->working_form;
	for (i = 0; i < p->n; i++) {
		if (mform_clashes(ui, m.group_id, &p->days[i], m.start_min, m.end_min, 0, &cl,
		    holiday, sizeof holiday) > 0 && cl.n > 0) {
			p->notes[i] = xasprintf(_("clashes with %s"), cl.text);
			p->clashes++;
		}
	}
	screen_push(ui, &scr_preview_ops, p);
	return 1;	/* the form stays below the preview */
}

void
scr_series_push(struct ui *ui, int64_t group_id, const struct date *day)
{
	struct date today = date_today(), from = day != NULL ? *day : today;
	struct mform *mf;
	struct form *f;
	char num[8];
	int w;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("This database is read-only."));
		return;
	}
	mf = xcalloc(1, sizeof *mf);
	mf->group_id = group_id;
	mf->is_series = true;
	f = form_new();
	if (!mform_common(ui, mf, f, &from, NULL)) {
		form_free(f);
		mform_free(mf);
		return;
	}
	mf->weekday = form_add(f, FORM_CHOICE, _("Weekday"), true);
	for (w = 1; w <= 7; w++) {
		snprintf(num, sizeof num, "%d", w);
		form_add_item(mf->weekday, num, _(weekday_names[w]), false);
	}
	mf->weekday->choice = date_weekday(&from) - 1;
	mf->every = form_add(f, FORM_NUMBER, _("Every … weeks"), true);
	mf->every->min = 1;
	mf->every->max = 52;
	form_set_text(mf->every, "2");
	mf->count = form_add(f, FORM_NUMBER, _("Number of meetings"), true);
	mf->count->min = 1;
	mf->count->max = CALENDAR_SERIES_MAX;
	form_set_text(mf->count, "6");
	scr_form_push(ui, N_("Plan a series"), f, mform_submit_series, mf, mform_free);
}
