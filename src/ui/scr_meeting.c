/*
 * scr_meeting.c — a meeting's page, and its attendance list for the roll-call.
 *
 * The page shows: the group (or "Network-wide"), the title, the day with its
 * weekday, start–end and length, place, working form (the config's label),
 * status, whether it is part of a series, the agenda (wrapped), whether it
 * has an intervision note (Enter opens it), for a network-wide meeting its
 * programme of presentations (scr_products.c; K opens it), then the attendance: a count per
 * status and one row per person on the roster that day (name, role, status,
 * hours credited, remark), a planned absence marked as such.
 * The attendance screen is a list with a cursor over the same rows under a
 * head (group, day, time, "N of M taken"); one key per status writes at once
 * and moves on to the next person, so a roll-call is a row of key presses.
 * Widgets: text view (the page), a list with a cursor (attendance), a
 * question on the last body row (cancel, restore), forms (a remark for one's
 * own absence; status, minutes and remark of one row).
 * Actions, page: edit (e), cancel or restore (C: this meeting or the rest of
 * its series), held ↔ planned (V) — for who may plan —; attendance (b); my
 * own absence beforehand (3: a member, not a lead; again withdraws it); the
 * note (Enter); scrolling. Attendance: present, late, excused, absent
 * (1–4), clear (-), edit a row (e), held (V), list movement — for who may
 * take attendance; others read it and are told why keys do nothing.
 * Store: store_meeting_get and store_attendance_list on enter (again when
 * another session changed data and after every change);
 * store_meeting_set_status, store_attendance_take.
 */
#include "autoconf.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/domain.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/group_life.h"
#include "ui/keys.h"
#include "ui/widgets.h"

#define MT_HEAD_LINES 4		/* the attendance screen's head, at most */

/* One row of the attendance list; strings owned. */
struct mt_row {
	int64_t person_id;
	char *name, *role, *status, *remark;	/* role, status, remark may be NULL */
	int minutes;		/* < 0: none entered */
	int credited;		/* minutes credited (held meetings) */
	bool planned;		/* entered before the meeting */
};

/* The question the page or the list asks on its last body row. */
enum mt_ask {
	MT_ASK_NONE,
	MT_ASK_CANCEL,		/* cancel this meeting? */
	MT_ASK_CANCEL_SERIES,	/* this one or the rest of the series? */
	MT_ASK_RESTORE		/* plan the cancelled meeting again? */
};

enum mt_count {
	MT_PRESENT,
	MT_LATE,
	MT_EXCUSED,
	MT_ABSENT,
	MT_UNTAKEN,
	MT_COUNTS
};

/* The data of both screens: the meeting and its attendance. */
struct mt {
	int64_t id;
	struct meeting m;
	bool loaded;		/* m holds the meeting */
	struct mt_row *rows;
	int n, cap;
	char *rows_note;	/* why there are no rows to show, owned */
	int counts[MT_COUNTS];
	enum mt_ask ask;
	int64_t keep_person;	/* the list: put the cursor on this person after a load */
	struct widget_lines programme;	/* network-wide: its programme (group_life.h) */
	/* the page as last drawn */
	int top, total, height;
	char hint[512];		/* the roll-call's hint bar */
};

/* ---- hints: only what this person may do here ---- */

static const enum ui_action mt_hints_plan[] = {
	UI_ACTION_ATTENDANCE, UI_ACTION_EDIT, UI_ACTION_MARK_HELD, UI_ACTION_CANCEL_MEETING,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
/* a network-wide meeting for a coordinator: also its programme (K) */
static const enum ui_action mt_hints_network[] = {
	UI_ACTION_PROGRAMME, UI_ACTION_ATTENDANCE, UI_ACTION_EDIT, UI_ACTION_MARK_HELD,
	UI_ACTION_CANCEL_MEETING, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action mt_hints_member[] = {
	UI_ACTION_CHOICE_3, UI_ACTION_ATTENDANCE, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action mt_hints_read[] = {
	UI_ACTION_ATTENDANCE, UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};
/* The roll-call's own hint bar (att_hint_text) says "1 present", not "1 present/yes". */
static const struct {
	enum ui_action a;
	const char *label;	/* English, for _() */
} att_hint_items[] = {
	{ UI_ACTION_CHOICE_1, N_("present") }, { UI_ACTION_CHOICE_2, N_("late") },
	{ UI_ACTION_CHOICE_3, N_("excused") }, { UI_ACTION_CHOICE_4, N_("absent") },
	{ UI_ACTION_EDIT, N_("edit") }, { UI_ACTION_DELETE_ITEM, N_("clear") },
	{ UI_ACTION_MARK_HELD, N_("held") }, { UI_ACTION_HELP, N_("help") },
};
/* The roll-call's actions; its hint bar is att_hint_text. */
static const enum ui_action att_hints_take[] = {
	UI_ACTION_CHOICE_1, UI_ACTION_CHOICE_2, UI_ACTION_CHOICE_3, UI_ACTION_CHOICE_4,
	UI_ACTION_DELETE_ITEM, UI_ACTION_EDIT, UI_ACTION_MARK_HELD, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};
static const enum ui_action att_hints_read[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

/* ---- words ---- */

static const char *
mt_str(const char *s)
{
	return s != NULL ? s : "";
}

/* The label of a role: the config's, else our own word. */
static const char *
mt_role_label(struct ui *ui, const char *role)
{
	const char *label = config_item_label(&ui->app->cfg->roles, role);

	if (role == NULL)
		return "";
	return label != NULL ? label : _(domain_role_label(role));
}

static bool
mt_is(const char *status, const char *key)
{
	return status != NULL && strcmp(status, key) == 0;
}

/* A planned absence: excused, entered before the meeting. */
static bool
mt_row_planned_absence(const struct mt_row *r)
{
	return r->planned && mt_is(r->status, "excused");
}

/* The label of a row's status: "—" when not taken. */
static const char *
mt_row_status(const struct mt_row *r)
{
	if (r->status == NULL)
		return "—";
	if (mt_row_planned_absence(r))
		return _("planned absence");
	return _(domain_attendance_label(r->status));
}

/* Hours with the decimal comma when the messages are Dutch (as `leernet hours`). */
static char
mt_decimal(struct ui *ui)
{
	const char *lang;

	if (ui->app->cfg->language != CONFIG_LANGUAGE_AUTO)
		return ui->app->cfg->language == CONFIG_LANGUAGE_NL ? ',' : '.';
	lang = getenv("LANGUAGE");
	if (lang == NULL || *lang == '\0')
		lang = setlocale(LC_MESSAGES, NULL);
	return lang != NULL && strncmp(lang, "nl", 2) == 0 ? ',' : '.';
}

/* A day as the config writes dates, with its weekday: "Wednesday 25-11-2026". */
static const char *
mt_day(struct ui *ui, const struct date *d, char *buf, size_t size)
{
	static const char *const days[] = {
		"", N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
		N_("Saturday"), N_("Sunday")
	};
	char day[DATE_ISO_LEN];
	int wd = date_weekday(d);

	if (ui->app->cfg->date_format == CONFIG_DATE_ISO)
		date_format_iso(d, day);
	else
		date_format_nl(d, day);
	snprintf(buf, size, "%s %s", wd >= 1 && wd <= 7 ? _(days[wd]) : "", day);
	return buf;
}

/* "13:30–16:30" */
static const char *
mt_times(const struct meeting *m, char *buf, size_t size)
{
	snprintf(buf, size, "%02d:%02d–%02d:%02d", m->start_min / 60, m->start_min % 60,
	    m->end_min / 60, m->end_min % 60);
	return buf;
}

static const char *
mt_group(const struct meeting *m)
{
	return m->group_id != 0 && m->group_name != NULL ? m->group_name : _("Network-wide");
}

static bool
mt_status(const struct mt *p, const char *key)
{
	return p->loaded && mt_is(p->m.status, key);
}

/* Planned, and its day is today or past: V should make the hours count. */
static bool
mt_overdue(const struct mt *p)
{
	struct date today = date_today();

	return mt_status(p, "planned") && date_compare(&p->m.day, &today) <= 0;
}

/* ---- loading ---- */

static void
mt_rows_clear(struct mt *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->rows[i].name);
		free(p->rows[i].role);
		free(p->rows[i].status);
		free(p->rows[i].remark);
	}
	free(p->rows);
	p->rows = NULL;
	p->n = p->cap = 0;
	memset(p->counts, 0, sizeof p->counts);
	free(p->rows_note);
	p->rows_note = NULL;
}

static char *
mt_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
mt_count(struct mt *p, const char *status)
{
	static const char *const keys[] = { "present", "late", "excused", "absent" };
	int i;

	for (i = 0; i < MT_UNTAKEN; i++) {
		if (mt_is(status, keys[i])) {
			p->counts[i]++;
			return;
		}
	}
	p->counts[MT_UNTAKEN]++;
}

static int
mt_take_row(const struct attendance_row *r, void *arg)
{
	struct mt *p = arg;
	struct mt_row *row;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->rows = xreallocarray(p->rows, (size_t)p->cap, sizeof *p->rows);
	}
	row = &p->rows[p->n++];
	row->person_id = r->person_id;
	row->name = xstrdup(r->name != NULL ? r->name : "?");
	row->role = mt_dup(r->role);
	row->status = mt_dup(r->status);
	row->remark = mt_dup(r->remark);
	row->minutes = r->minutes;
	row->credited = r->credited;
	row->planned = r->planned;
	mt_count(p, r->status);
	return 0;
}

/* Fetch the meeting and its attendance; false when the meeting cannot be shown. */
static bool
mt_load(struct ui *ui, struct mt *p)
{
	char *error = NULL;
	int ret;

	meeting_clear(&p->m);
	mt_rows_clear(p);
	ret = store_meeting_get(ui->app->st, ui->app->who, p->id, &p->m, &error);
	p->loaded = ret == 1;
	if (!p->loaded) {
		ui_message(ui, true, "%s", error != NULL ? error :
		    _("That meeting no longer exists."));
		free(error);
		p->ask = MT_ASK_NONE;
		return false;
	}
	if (store_attendance_list(ui->app->st, ui->app->who, p->id, mt_take_row, p, &error) < 0)
		p->rows_note = error != NULL ? error : xstrdup(_("The attendance cannot be read."));
	return true;
}

/* The row of the acting person, or NULL. */
static const struct mt_row *
mt_my_row(struct ui *ui, const struct mt *p)
{
	int i;

	if (actor_is_visitor(ui->app->who))
		return NULL;
	for (i = 0; i < p->n; i++) {
		if (p->rows[i].person_id == ui->app->who->person_id)
			return &p->rows[i];
	}
	return NULL;
}

/* ---- a row as text, for both screens ---- */

/* Column widths of a row: name, role, status, hours, remark (0: left out), one space apart. */
static void
mt_columns(const struct mt *p, int width, int w[5])
{
	int gaps;

	w[2] = 16;
	w[3] = mt_status(p, "held") ? 5 : 0;
	w[1] = width >= 72 ? 12 : 0;
	w[0] = width >= 100 ? 30 : 22;
	gaps = 2 + (w[1] > 0) + (w[3] > 0);	/* between the columns shown, remark too */
	w[4] = width - w[0] - w[1] - w[2] - w[3] - gaps;
	if (w[4] >= 10)
		return;
	/* narrow: no remark, then a narrower name; nothing wraps */
	w[4] = 0;
	w[0] = width - w[1] - w[2] - w[3] - (gaps - 1);
	if (w[0] > 22)
		w[0] = 22;
}

/* Append s fitted to w columns (and a space) to the line in buf. */
static void
mt_cell(char *buf, size_t size, const char *s, int w)
{
	char cell[512];
	size_t len = strlen(buf);

	if (w <= 0)
		return;
	text_fit(s, w, 1, cell, sizeof cell);
	snprintf(buf + len, size - len, "%s ", cell);
}

/* Drop the spaces at the end of a line. */
static void
mt_trim(char *buf)
{
	size_t n = strlen(buf);

	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
}

/* The text of a row (or of the column heads when r is NULL) at width columns. */
static void
mt_row_text(struct ui *ui, const struct mt *p, const struct mt_row *r, int width, char *buf,
    size_t size)
{
	char hrs[16] = "";
	int w[5];

	mt_columns(p, width, w);
	buf[0] = '\0';
	if (r == NULL) {
		mt_cell(buf, size, _("Name"), w[0]);
		mt_cell(buf, size, _("Role"), w[1]);
		mt_cell(buf, size, _("Attendance"), w[2]);
		mt_cell(buf, size, _("Hours"), w[3]);
		mt_cell(buf, size, _("Remark"), w[4]);
		mt_trim(buf);
		return;
	}
	if (r->status != NULL)
		hours_format(r->credited, mt_decimal(ui), hrs, sizeof hrs);
	mt_cell(buf, size, r->name, w[0]);
	mt_cell(buf, size, mt_role_label(ui, r->role), w[1]);
	mt_cell(buf, size, mt_row_status(r), w[2]);
	mt_cell(buf, size, hrs, w[3]);
	mt_cell(buf, size, mt_str(r->remark), w[4]);
	mt_trim(buf);
}

/* "7 of 9 taken: present 5 · late 1 · excused 1 · absent 0" (the rest: not taken) */
static char *
mt_counts_text(const struct mt *p)
{
	return xasprintf(_("%d of %d taken: present %d · late %d · excused %d · absent %d"),
	    p->n - p->counts[MT_UNTAKEN], p->n, p->counts[MT_PRESENT], p->counts[MT_LATE],
	    p->counts[MT_EXCUSED], p->counts[MT_ABSENT]);
}

/* ---- the question on the last body row ---- */

/* Is code the answer whose key is the first letter of translated (or english)? */
static bool
mt_answer(int code, const char *translated, int english)
{
	int k = (unsigned char)translated[0];

	if (code == english || code == english - 'a' + 'A')
		return true;
	return code > 0 && code < 0x80 && k >= 'a' && k <= 'z' &&
	    (code == k || code == k - 'a' + 'A');
}

/* TRANSLATORS: the key (one lower-case letter) that answers "yes" to a question */
#define MT_YES _("y")
/* TRANSLATORS: cancel only this meeting of a series; the first letter is the key to press */
#define MT_THIS _("t = this one")
/* TRANSLATORS: cancel the rest of a series; the first letter is the key to press */
#define MT_REST _("r = the rest")

static char *
mt_question(const struct mt *p)
{
	switch (p->ask) {
	case MT_ASK_CANCEL:
		return xasprintf(_("Cancel this meeting? %s = yes, Esc = no"), MT_YES);
	case MT_ASK_CANCEL_SERIES:
		return xasprintf(_("Cancel this meeting or the rest of the series? "
		    "%s, %s, Esc = neither"), MT_THIS, MT_REST);
	case MT_ASK_RESTORE:
		return xasprintf(_("Plan this cancelled meeting again? %s = yes, Esc = no"),
		    MT_YES);
	case MT_ASK_NONE:
		break;
	}
	return NULL;
}

/* Draw the question, if any, wrapped over the body's last rows (at most three). */
static void
mt_draw_question(struct ui *ui, const struct mt *p, int bottom)
{
	char *q = mt_question(p), line[512];
	const char *at;
	size_t len, skip;
	int n = 0, i, attr = ui_attr(ui, UI_COLOUR_ERROR) | (int)A_BOLD;

	if (q == NULL)
		return;
	for (at = q; n < 3 && (len = text_wrap(at, COLS - 2, &skip)) > 0; at += skip)
		n++;
	for (at = q, i = 0; i < n && (len = text_wrap(at, COLS - 2, &skip)) > 0; at += skip, i++) {
		snprintf(line, sizeof line, "%.*s", (int)len, at);
		widget_text(bottom - n + 1 + i, 0, COLS, "", A_NORMAL);
		widget_text(bottom - n + 1 + i, 1, COLS - 2, line, attr);
	}
	free(q);
}

/* ---- changing the meeting's status ---- */

static void mt_reload(struct ui *ui, struct screen *s);

/* May who change the meeting? When not, say why. */
static bool
mt_may_plan(struct ui *ui, const struct mt *p)
{
	if (!p->loaded)
		return false;
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return false;
	}
	if (!p->m.can_plan) {
		ui_message(ui, true, "%s", p->m.group_id != 0 ?
		    _(access_reason(ACCESS_MEETING_PLAN)) :
		    _("Only coordinators change network-wide meetings."));
		return false;
	}
	return true;
}

/* Set the status; a conflict reloads and says so. True when it changed. */
static bool
mt_set_status(struct ui *ui, struct screen *s, const char *status, bool rest)
{
	struct mt *p = s->data;
	char *error = NULL;
	int ret;

	ret = store_meeting_set_status(ui->app->st, ui->app->who, p->id, p->m.version, status,
	    rest, &error);
	mt_reload(ui, s);
	if (ret == STORE_CONFLICT)
		ui_message(ui, true, "%s", _("Someone else changed this meeting meanwhile; look "
		    "again and repeat."));
	else if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
	free(error);
	return ret == 0;
}

/* V: held ↔ planned. */
static void
mt_toggle_held(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;
	bool held;

	if (!mt_may_plan(ui, p))
		return;
	if (mt_status(p, "cancelled")) {
		ui_message(ui, true, "%s", _("The meeting is cancelled; C plans it again first."));
		return;
	}
	held = mt_status(p, "held");
	if (!mt_set_status(ui, s, held ? "planned" : "held", false))
		return;
	ui_message(ui, false, "%s", held ? _("The meeting is planned again; its hours no longer "
	    "count.") : _("The meeting is marked held; the hours of those present count."));
}

/* C: ask to cancel (this one or the rest of the series), or to plan a cancelled one again. */
static void
mt_cancel(struct ui *ui, struct mt *p)
{
	if (!mt_may_plan(ui, p))
		return;
	if (mt_status(p, "held")) {
		ui_message(ui, true, "%s", _("This meeting was held; V marks it planned again "
		    "before it can be cancelled."));
		return;
	}
	p->ask = mt_status(p, "cancelled") ? MT_ASK_RESTORE :
	    p->m.series_id != 0 ? MT_ASK_CANCEL_SERIES : MT_ASK_CANCEL;
}

/* The answer to the question: every key ends it; Esc (back) and others say no. */
static bool
mt_on_answer(struct ui *ui, struct screen *s, int code)
{
	struct mt *p = s->data;
	enum mt_ask ask = p->ask;

	p->ask = MT_ASK_NONE;
	free(ui->message);
	ui->message = NULL;
	if (keys_action(code) == UI_ACTION_HELP)
		return false;
	if (ask == MT_ASK_RESTORE && mt_answer(code, MT_YES, 'y')) {
		if (mt_set_status(ui, s, "planned", false))
			ui_message(ui, false, "%s", _("The meeting is planned again."));
	} else if (ask == MT_ASK_CANCEL && mt_answer(code, MT_YES, 'y')) {
		if (mt_set_status(ui, s, "cancelled", false))
			ui_message(ui, false, "%s", _("The meeting is cancelled."));
	} else if (ask == MT_ASK_CANCEL_SERIES && mt_answer(code, MT_THIS, 't')) {
		if (mt_set_status(ui, s, "cancelled", false))
			ui_message(ui, false, "%s", _("This meeting is cancelled; the rest of the "
			    "series stays planned."));
	} else if (ask == MT_ASK_CANCEL_SERIES && mt_answer(code, MT_REST, 'r')) {
		if (mt_set_status(ui, s, "cancelled", true))
			ui_message(ui, false, "%s", _("This meeting and the rest of the series are "
			    "cancelled."));
	} else {
		ui_message(ui, false, "%s", _("Nothing was changed."));
	}
	return true;
}

static bool
mt_on_key(struct ui *ui, struct screen *s, int code)
{
	struct mt *p = s->data;

	if (p->ask == MT_ASK_NONE)
		return false;
	return mt_on_answer(ui, s, code);
}

/* ---- my own absence beforehand ---- */

struct mt_absence {
	int64_t meeting_id;
	struct form_field *remark;
};

static int
mt_absence_submit(struct ui *ui, struct form *f, void *arg)
{
	struct mt_absence *a = arg;
	const char *remark = form_text(a->remark);
	char *error = NULL;
	int ret;

	(void)f;
	ret = store_attendance_take(ui->app->st, ui->app->who, a->meeting_id,
	    ui->app->who->person_id, "excused", -1, remark[0] != '\0' ? remark : NULL, &error);
	if (ret == STORE_INVALID) {
		form_error(a->remark, "%s", error != NULL ? error : "?");
		free(error);
		return -1;
	}
	if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
	else
		ui_message(ui, false, "%s", _("Your absence is noted; 3 again withdraws it."));
	free(error);
	return ret == STORE_ERROR ? -1 : 0;
}

/* Why who cannot report an absence for this meeting; NULL when they can. */
static const char *
mt_absence_refused(struct ui *ui, const struct mt *p)
{
	struct date today = date_today();

	if (store_read_only(ui->app->st))
		return _("The database is open read-only; nothing can be changed.");
	if (p->m.can_take)
		return _("You take the attendance of this meeting: b opens the list.");
	if (p->m.group_id == 0)
		return _("A network-wide meeting has no roster to report an absence on.");
	if (!p->m.is_member)
		return _("Only members of the group on the meeting's day can report an absence.");
	if (mt_status(p, "cancelled"))
		return _("The meeting is cancelled.");
	if (!mt_status(p, "planned") || date_compare(&p->m.day, &today) < 0)
		return _("The meeting has taken place; the lead takes the attendance.");
	return NULL;
}

/* 3: "I'll be absent" with a remark; when already reported, withdraw it. */
static void
mt_absence(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;
	const struct mt_row *me = mt_my_row(ui, p);
	struct mt_absence *a;
	struct form *f;
	const char *why;
	char *error = NULL;

	if (!p->loaded)
		return;
	if ((why = mt_absence_refused(ui, p)) != NULL) {
		ui_message(ui, true, "%s", why);
		return;
	}
	if (me != NULL && mt_row_planned_absence(me)) {
		if (store_attendance_take(ui->app->st, ui->app->who, p->id, me->person_id, NULL, -1,
		    NULL, &error) < 0)
			ui_message(ui, true, "%s", error != NULL ? error :
			    _("The change was not saved."));
		else
			ui_message(ui, false, "%s", _("Your absence is withdrawn."));
		free(error);
		mt_reload(ui, s);
		return;
	}
	a = xcalloc(1, sizeof *a);
	a->meeting_id = p->id;
	f = form_new();
	a->remark = form_add(f, FORM_LINE, _("Remark"), false);
	a->remark->max_chars = VALIDATE_TITLE_MAX;
	scr_form_push(ui, N_("I'll be absent"), f, mt_absence_submit, a, free);
	ui_message(ui, false, "%s", _("A remark for the lead, if you like; F2 lets them know "
	    "you will be absent."));
}

/* ---- the page ---- */

static void
mt_build_facts(struct ui *ui, const struct mt *p, struct widget_lines *l)
{
	const struct meeting *m = &p->m;
	const char *form = config_item_label(&ui->app->cfg->working_forms, m->working_form);
	char day[64], times[32], hrs[16];
	int dim = ui_attr(ui, UI_COLOUR_DIM);

	widget_lines_add(l, 1, A_BOLD, "%s", mt_group(m));
	if (m->title != NULL && m->title[0] != '\0')
		widget_lines_add(l, 1, A_BOLD, "%s", m->title);
	hours_format(m->end_min - m->start_min, mt_decimal(ui), hrs, sizeof hrs);
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Date:"), mt_day(ui, &m->day, day, sizeof day));
	widget_lines_add(l, 1, A_NORMAL, _("Time: %s (%s hours)"), mt_times(m, times, sizeof times),
	    hrs);
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Place:"),
	    m->place != NULL && m->place[0] != '\0' ? m->place : "—");
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Working form:"),
	    form != NULL ? form : m->working_form != NULL ? m->working_form : "—");
	widget_lines_add(l, 1, mt_is(m->status, "cancelled") ? ui_attr(ui, UI_COLOUR_ERROR) :
	    (int)A_NORMAL, "%s %s%s", _("Status:"), _(domain_meeting_status_label(m->status)),
	    m->series_id != 0 ? _(", part of a series") : "");
	if (mt_overdue(p))
		widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_HINT_KEY), "%s", m->can_plan ?
		    _("Still planned: V marks it held so the hours count.") :
		    _("Still planned: the hours count once the lead marks it held."));
	if (m->note_id != 0)
		widget_lines_add(l, 1, A_NORMAL, "%s", _("Intervision note: Enter opens it."));
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Agenda"));
	if (m->agenda == NULL || m->agenda[0] == '\0')
		widget_lines_add(l, 3, dim, "%s", _("No agenda yet."));
	else
		widget_lines_wrap(l, 3, A_NORMAL, m->agenda);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
}

/* The member's own line: what 3 does for them now. */
static void
mt_build_mine(struct ui *ui, const struct mt *p, struct widget_lines *l)
{
	const struct mt_row *me = mt_my_row(ui, p);
	int hint = ui_attr(ui, UI_COLOUR_HINT_KEY);

	if (mt_absence_refused(ui, p) != NULL)
		return;
	if (me != NULL && mt_row_planned_absence(me))
		widget_lines_wrap(l, 3, hint, _("You have reported that you will be absent; 3 "
		    "withdraws it."));
	else
		widget_lines_wrap(l, 3, hint, _("Will you be absent? 3 lets the lead know."));
}

static void
mt_build_attendance(struct ui *ui, const struct mt *p, struct widget_lines *l)
{
	char line[1024], *counts;
	int i, dim = ui_attr(ui, UI_COLOUR_DIM), width = l->width - 3;

	widget_lines_add(l, 1, A_BOLD, "%s", _("Attendance"));
	if (p->rows_note != NULL) {
		widget_lines_wrap(l, 3, dim, p->rows_note);
		return;
	}
	if (mt_status(p, "cancelled")) {
		widget_lines_add(l, 3, dim, "%s", _("Cancelled: there is no attendance to take."));
		return;
	}
	if (p->n == 0) {
		widget_lines_wrap(l, 3, dim, p->m.group_id != 0 ?
		    _("Nobody was on the roster on this day.") :
		    _("No attendance has been recorded for this meeting."));
		return;
	}
	counts = mt_counts_text(p);
	widget_lines_wrap(l, 3, A_NORMAL, counts);
	free(counts);
	mt_build_mine(ui, p, l);
	mt_row_text(ui, p, NULL, width, line, sizeof line);
	widget_lines_add(l, 3, A_BOLD, "%s", line);
	for (i = 0; i < p->n; i++) {
		mt_row_text(ui, p, &p->rows[i], width, line, sizeof line);
		widget_lines_add(l, 3, mt_row_planned_absence(&p->rows[i]) ? dim : (int)A_NORMAL,
		    "%s", line);
	}
}

static const struct screen_ops mt_ops_plan, mt_ops_network, mt_ops_member, mt_ops_read;

static const struct screen_ops *
mt_page_ops(struct ui *ui, const struct mt *p)
{
	if (!p->loaded || store_read_only(ui->app->st))
		return &mt_ops_read;
	if (p->m.can_plan)
		return p->m.group_id == 0 ? &mt_ops_network : &mt_ops_plan;
	return mt_absence_refused(ui, p) == NULL ? &mt_ops_member : &mt_ops_read;
}

static void
mt_page_enter(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;

	mt_load(ui, p);
	widget_lines_clear(&p->programme);
	p->programme.width = COLS - 2;
	if (p->loaded && p->m.group_id == 0)
		life_programme_section(ui, p->id, &p->programme);
	s->ops = mt_page_ops(ui, p);
}

static void
mt_page_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct mt *p = s->data;
	struct widget_lines l;
	int i;

	if (!p->loaded) {
		widget_text(top, 1, COLS - 2, _("That meeting no longer exists."),
		    ui_attr(ui, UI_COLOUR_DIM));
		return;
	}
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	mt_build_facts(ui, p, &l);
	for (i = 0; i < p->programme.n; i++)
		widget_lines_add(&l, p->programme.v[i].indent, p->programme.v[i].attr, "%s",
		    p->programme.v[i].text);
	mt_build_attendance(ui, p, &l);
	p->total = l.n;
	p->height = height;
	widget_lines_draw(&l, &p->top, top, height);
	widget_lines_clear(&l);
	mt_draw_question(ui, p, top + height - 1);
}

/* Enter: the session's note, when there is one. */
static void
mt_open_note(struct ui *ui, const struct mt *p)
{
	if (!p->loaded)
		return;
	if (p->m.note_id == 0)
		ui_message(ui, false, "%s", _("This meeting has no intervision note."));
	else
		scr_note_push(ui, p->id);
}

static bool
mt_page_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct mt *p = s->data;

	if (widget_lines_scroll(&p->top, p->total, p->height, a))
		return true;
	switch (a) {
	case UI_ACTION_OPEN:
		mt_open_note(ui, p);
		return true;
	case UI_ACTION_EDIT:
		if (mt_may_plan(ui, p))
			scr_meeting_edit_push(ui, p->id);
		return true;
	case UI_ACTION_CANCEL_MEETING:
		mt_cancel(ui, p);
		return true;
	case UI_ACTION_MARK_HELD:
		mt_toggle_held(ui, s);
		return true;
	case UI_ACTION_ATTENDANCE:
		if (p->loaded)
			scr_attendance_push(ui, p->id);
		return true;
	case UI_ACTION_CHOICE_3:
		mt_absence(ui, s);
		return true;
	case UI_ACTION_PROGRAMME:
		if (p->loaded && p->m.group_id == 0)
			scr_programme_push(ui, p->id);
		else if (p->loaded)
			ui_message(ui, true, "%s", _("Only a network-wide meeting has a programme."));
		return true;
	default:
		return false;
	}
}

static void
mt_free(struct screen *s)
{
	struct mt *p = s->data;

	if (p == NULL)
		return;
	meeting_clear(&p->m);
	mt_rows_clear(p);
	widget_lines_clear(&p->programme);
	free(p);
}

/* The same page three times: the hint bar offers what who may do. */
#define MT_PAGE_OPS(hint_list) { \
	.name = N_("Meeting"), \
	.enter = mt_page_enter, \
	.draw = mt_page_draw, \
	.on_key = mt_on_key, \
	.on_action = mt_page_on_action, \
	.hints = hint_list, \
	.free = mt_free, \
}
static const struct screen_ops mt_ops_plan = MT_PAGE_OPS(mt_hints_plan);
static const struct screen_ops mt_ops_network = MT_PAGE_OPS(mt_hints_network);
static const struct screen_ops mt_ops_member = MT_PAGE_OPS(mt_hints_member);
static const struct screen_ops mt_ops_read = MT_PAGE_OPS(mt_hints_read);
#undef MT_PAGE_OPS

void
scr_meeting_push(struct ui *ui, int64_t meeting_id)
{
	struct mt *p = xcalloc(1, sizeof *p);

	p->id = meeting_id;
	screen_push(ui, &mt_ops_read, p);
}

/* ---- the attendance list ---- */

static const struct screen_ops att_ops_take, att_ops_read;

static bool
att_may_take(struct ui *ui, const struct mt *p)
{
	return p->loaded && p->m.can_take && !store_read_only(ui->app->st) &&
	    !mt_status(p, "cancelled");
}

/* Put the cursor on keep_person (or keep it in range) after a load. */
static void
att_reselect(struct screen *s, struct mt *p, int64_t person_id)
{
	int i;

	for (i = 0; person_id != 0 && i < p->n; i++) {
		if (p->rows[i].person_id == person_id) {
			s->selected = i;
			break;
		}
	}
	if (s->selected >= p->n)
		s->selected = p->n - 1;
	if (s->selected < 0)
		s->selected = 0;
}

static void
att_enter(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;
	int64_t keep = p->keep_person;

	if (keep == 0 && s->selected >= 0 && s->selected < p->n)
		keep = p->rows[s->selected].person_id;
	p->keep_person = 0;
	mt_load(ui, p);
	att_reselect(s, p, keep);
	s->ops = att_may_take(ui, p) ? &att_ops_take : &att_ops_read;
}

/* Fetch again after our own change (the idle check sees other sessions' only). */
static void
mt_reload(struct ui *ui, struct screen *s)
{
	s->ops->enter(ui, s);
	ui->dirty = true;
}

/* The head: group, day and time, the counts, and what needs doing. */
static int
att_draw_head(struct ui *ui, struct screen *s, int y)
{
	struct mt *p = s->data;
	char day[64], times[32], line[256], *counts;
	int y0 = y;

	widget_text(y++, 1, COLS - 2, mt_group(&p->m), A_BOLD);
	snprintf(line, sizeof line, "%s, %s · %s", mt_day(ui, &p->m.day, day, sizeof day),
	    mt_times(&p->m, times, sizeof times), _(domain_meeting_status_label(p->m.status)));
	widget_text(y++, 1, COLS - 2, line, A_NORMAL);
	counts = mt_counts_text(p);
	widget_text(y++, 1, COLS - 2, counts, A_NORMAL);
	free(counts);
	if (mt_status(p, "cancelled"))
		widget_text(y++, 1, COLS - 2, _("Cancelled: there is no attendance to take."),
		    ui_attr(ui, UI_COLOUR_ERROR));
	else if (mt_overdue(p))
		widget_text(y++, 1, COLS - 2, p->m.can_plan ?
		    _("Still planned: V marks it held so the hours count.") :
		    _("Still planned: the hours count once the lead marks it held."),
		    ui_attr(ui, UI_COLOUR_HINT_KEY) | (int)A_BOLD);
	else if (!att_may_take(ui, p))
		widget_text(y++, 1, COLS - 2, _("Read only: the lead takes the attendance."),
		    ui_attr(ui, UI_COLOUR_DIM));
	return y - y0;
}

static void
att_draw_row(struct ui *ui, struct screen *s, int i, int y)
{
	struct mt *p = s->data;
	const struct mt_row *r = &p->rows[i];
	int attr = i == s->selected ? ui_attr(ui, UI_COLOUR_SELECTED) :
	    mt_row_planned_absence(r) ? ui_attr(ui, UI_COLOUR_DIM) : (int)A_NORMAL;
	char line[1024];

	mt_row_text(ui, p, r, COLS - 2, line, sizeof line);
	widget_text(y, 0, COLS, "", attr);
	widget_text(y, 1, COLS - 2, line, attr);
}

static void
att_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct mt *p = s->data;
	char line[1024];
	int y = top, i, rows;

	if (!p->loaded) {
		widget_text(top, 1, COLS - 2, _("That meeting no longer exists."),
		    ui_attr(ui, UI_COLOUR_DIM));
		return;
	}
	/* a short terminal keeps at least two rows of the list */
	if (height >= MT_HEAD_LINES + 3)
		y += att_draw_head(ui, s, y);
	mt_row_text(ui, p, NULL, COLS - 2, line, sizeof line);
	widget_text(y++, 1, COLS - 2, line, A_BOLD);
	rows = top + height - y;
	s->height = rows > 0 ? rows : 1;
	if (s->selected < s->top)
		s->top = s->selected;
	if (s->selected >= s->top + s->height)
		s->top = s->selected - s->height + 1;
	if (s->top > 0 && s->top + s->height > p->n)
		s->top = p->n - s->height > 0 ? p->n - s->height : 0;
	if (p->rows_note != NULL)
		widget_text(y, 1, COLS - 2, p->rows_note, ui_attr(ui, UI_COLOUR_DIM));
	else if (p->n == 0)
		widget_text(y, 1, COLS - 2, p->m.group_id != 0 ?
		    _("Nobody was on the roster on this day.") :
		    _("No attendance has been recorded yet; + adds someone who was there."),
		    ui_attr(ui, UI_COLOUR_DIM));
	for (i = 0; i < s->height && s->top + i < p->n; i++)
		att_draw_row(ui, s, s->top + i, y + i);
	mt_draw_question(ui, p, top + height - 1);
}

/* The selected row, or NULL (said why). */
static const struct mt_row *
att_selected(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;

	if (s->selected < 0 || s->selected >= p->n) {
		ui_message(ui, true, "%s", _("There is nobody on this list."));
		return NULL;
	}
	return &p->rows[s->selected];
}

/* Not the lead: why a key does nothing here. */
static void
att_refuse(struct ui *ui, const struct mt *p)
{
	if (!p->loaded)
		return;
	if (store_read_only(ui->app->st))
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
	else if (mt_status(p, "cancelled"))
		ui_message(ui, true, "%s", _("Cancelled: there is no attendance to take."));
	else if (p->m.is_member && mt_absence_refused(ui, p) == NULL)
		ui_message(ui, true, "%s", _("Only the lead takes attendance; 3 on your own row "
		    "reports your absence."));
	else
		ui_message(ui, true, "%s", _(access_reason(ACCESS_ATTENDANCE_TAKE)));
}

/* Write one row's attendance, then fetch again on the same person; 0 when saved. */
static int
att_write(struct ui *ui, struct screen *s, const struct mt_row *r, const char *status,
    int minutes, const char *remark)
{
	struct mt *p = s->data;
	char *error = NULL;
	int ret;

	ret = store_attendance_take(ui->app->st, ui->app->who, p->id, r->person_id, status, minutes,
	    remark, &error);
	if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
	free(error);
	return ret < 0 ? ret : 0;
}

/* 1–4: the status of the selected person, then on to the next (roll-call). */
static void
att_set(struct ui *ui, struct screen *s, const char *status)
{
	struct mt *p = s->data;
	const struct mt_row *r;
	char *name, *remark;
	int64_t person_id;
	int minutes;

	if (!att_may_take(ui, p)) {
		if (mt_is(status, "excused") && p->loaded && !p->m.can_take &&
		    (r = att_selected(ui, s)) != NULL && r->person_id == ui->app->who->person_id &&
		    mt_absence_refused(ui, p) == NULL)
			mt_absence(ui, s);
		else
			att_refuse(ui, p);
		return;
	}
	if ((r = att_selected(ui, s)) == NULL)
		return;
	/* the remark stays; minutes only for a late arrival that had them */
	minutes = mt_is(status, "late") && mt_is(r->status, "late") ? r->minutes : -1;
	name = xstrdup(r->name);
	remark = r->remark != NULL ? xstrdup(r->remark) : NULL;
	person_id = r->person_id;
	if (att_write(ui, s, r, status, minutes, remark) == 0) {
		p->keep_person = s->selected + 1 < p->n ? p->rows[s->selected + 1].person_id :
		    person_id;
		ui_message(ui, false, "%s: %s", name, _(domain_attendance_label(status)));
	}
	free(name);
	free(remark);
	mt_reload(ui, s);
}

/* -: clear the selected row (not taken). */
static void
att_clear(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;
	const struct mt_row *r;
	char *name;

	if (!att_may_take(ui, p)) {
		if (p->loaded && !p->m.can_take && (r = att_selected(ui, s)) != NULL &&
		    r->person_id == ui->app->who->person_id && mt_row_planned_absence(r) &&
		    mt_absence_refused(ui, p) == NULL)
			mt_absence(ui, s);	/* withdraws it */
		else
			att_refuse(ui, p);
		return;
	}
	if ((r = att_selected(ui, s)) == NULL)
		return;
	if (r->status == NULL) {
		ui_message(ui, false, _("No attendance of %s to clear."), r->name);
		return;
	}
	name = xstrdup(r->name);
	if (att_write(ui, s, r, NULL, -1, NULL) == 0)
		ui_message(ui, false, _("%s: attendance cleared."), name);
	free(name);
	mt_reload(ui, s);
}

/* e: status, minutes attended and remark of one row. */
struct att_edit {
	struct mt *p;
	int64_t person_id;
	char *name;
	struct form_field *status, *minutes, *remark;
};

static void
att_edit_free(void *arg)
{
	struct att_edit *e = arg;

	free(e->name);
	free(e);
}

static int
att_edit_submit(struct ui *ui, struct form *f, void *arg)
{
	struct att_edit *e = arg;
	const char *status = form_choice(e->status), *remark = form_text(e->remark);
	char *error = NULL;
	int minutes = -1, ret;

	(void)f;
	if (form_number(e->minutes, &minutes) != 0)
		minutes = -1;
	if (minutes >= 0 && !mt_is(status, "present") && !mt_is(status, "late")) {
		form_error(e->minutes, "%s", _("only for present or late; leave it empty"));
		return -1;
	}
	ret = store_attendance_take(ui->app->st, ui->app->who, e->p->id, e->person_id, status,
	    minutes, remark[0] != '\0' ? remark : NULL, &error);
	if (ret == STORE_INVALID) {
		/* the form checks the minutes itself: what is left is the remark */
		form_error(e->remark, "%s", error != NULL ? error : "?");
		free(error);
		return -1;
	}
	if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
	else
		ui_message(ui, false, "%s: %s", e->name, _(domain_attendance_label(status)));
	free(error);
	e->p->keep_person = e->person_id;
	return ret == STORE_ERROR ? -1 : 0;
}

static void
att_edit(struct ui *ui, struct screen *s)
{
	static const char *const keys[] = { "present", "late", "excused", "absent" };
	struct mt *p = s->data;
	const struct mt_row *r;
	struct att_edit *e;
	struct form *f;
	struct form_field *who;
	char num[16];
	size_t i;

	if (!att_may_take(ui, p)) {
		att_refuse(ui, p);
		return;
	}
	if ((r = att_selected(ui, s)) == NULL)
		return;
	e = xcalloc(1, sizeof *e);
	e->p = p;
	e->person_id = r->person_id;
	e->name = xstrdup(r->name);
	f = form_new();
	who = form_add(f, FORM_CHOICE, _("Person"), false);
	form_add_item(who, "", r->name, false);
	e->status = form_add(f, FORM_CHOICE, _("Attendance"), true);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		form_add_item(e->status, keys[i], _(domain_attendance_label(keys[i])), false);
		if (mt_is(r->status, keys[i]) || (r->status == NULL && i == 0))
			e->status->choice = (int)i;
	}
	e->minutes = form_add(f, FORM_NUMBER, _("Minutes attended"), false);
	e->minutes->min = 0;
	e->minutes->max = p->m.end_min - p->m.start_min;
	if (r->minutes >= 0) {
		snprintf(num, sizeof num, "%d", r->minutes);
		form_set_text(e->minutes, num);
	}
	e->remark = form_add(f, FORM_LINE, _("Remark"), false);
	e->remark->max_chars = VALIDATE_TITLE_MAX;
	form_set_text(e->remark, r->remark);
	form_focus(f, e->status);
	scr_form_push(ui, N_("Attendance of one person"), f, att_edit_submit, e, att_edit_free);
	ui_message(ui, false, "%s", _("Minutes attended: for a late arrival or an early leave; "
	    "empty is the full length."));
}

/* A network-wide meeting has no roster: the coordinator adds who was there. */
static void
att_add_picked(struct ui *ui, int64_t person_id, const char *name, void *arg)
{
	struct mt *p = arg;
	char *error = NULL;

	if (store_attendance_take(ui->app->st, ui->app->who, p->id, person_id, "present", -1,
	    NULL, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not save the attendance"));
		free(error);
		return;
	}
	p->keep_person = person_id;
	ui_message(ui, false, _("%s: present."), name);
	/* the picker is gone already: the list below shows the new row now */
	if (screen_top(ui) != NULL && screen_top(ui)->data == p)
		att_enter(ui, screen_top(ui));
}

static void
att_add(struct ui *ui, struct mt *p)
{
	if (!p->loaded)
		return;
	if (p->m.group_id != 0) {
		ui_message(ui, true, "%s", _("The list is the group's roster on the meeting's day; "
		    "+ on the group's page adds a member."));
		return;
	}
	if (!p->m.can_take || store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("Only coordinators take attendance at network-wide "
		    "meetings."));
		return;
	}
	scr_pick_person_push(ui, N_("Present at the meeting: whom?"), att_add_picked, p);
}

static bool
att_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct mt *p = s->data;

	if (widget_list_move(s, a, p->n))
		return true;
	switch (a) {
	case UI_ACTION_CHOICE_1:
		att_set(ui, s, "present");
		return true;
	case UI_ACTION_CHOICE_2:
		att_set(ui, s, "late");
		return true;
	case UI_ACTION_CHOICE_3:
		att_set(ui, s, "excused");
		return true;
	case UI_ACTION_CHOICE_4:
		att_set(ui, s, "absent");
		return true;
	case UI_ACTION_DELETE_ITEM:
		att_clear(ui, s);
		return true;
	case UI_ACTION_EDIT:
	case UI_ACTION_OPEN:
		att_edit(ui, s);
		return true;
	case UI_ACTION_MARK_HELD:
		mt_toggle_held(ui, s);
		return true;
	case UI_ACTION_ADD_MEMBER:
		att_add(ui, p);
		return true;
	default:
		return false;
	}
}

/* The roll-call's hint bar: one short word per key. */
static const char *
att_hint_text(struct ui *ui, struct screen *s)
{
	struct mt *p = s->data;
	char key[32];
	size_t i, len = 0;

	(void)ui;
	p->hint[0] = '\0';
	for (i = 0; i < sizeof att_hint_items / sizeof att_hint_items[0]; i++) {
		keys_first(att_hint_items[i].a, key, sizeof key);
		snprintf(p->hint + len, sizeof p->hint - len, "%s %s  ", key,
		    _(att_hint_items[i].label));
		len = strlen(p->hint);
	}
	mt_trim(p->hint);
	return p->hint;
}

#define ATT_OPS(hint_list, hint_fn) { \
	.name = N_("Attendance"), \
	.enter = att_enter, \
	.draw = att_draw, \
	.on_key = mt_on_key, \
	.on_action = att_on_action, \
	.hints = hint_list, \
	.hint_text = hint_fn, \
	.free = mt_free, \
}
static const struct screen_ops att_ops_take = ATT_OPS(att_hints_take, att_hint_text);
static const struct screen_ops att_ops_read = ATT_OPS(att_hints_read, NULL);
#undef ATT_OPS

void
scr_attendance_push(struct ui *ui, int64_t meeting_id)
{
	struct mt *p = xcalloc(1, sizeof *p);

	p->id = meeting_id;
	screen_push(ui, &att_ops_read, p);
}
