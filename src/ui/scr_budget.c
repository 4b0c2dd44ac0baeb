/*
 * scr_budget.c — budget requests (#9): a group asks money for an outside
 * specialist, a coordinator decides.
 *
 * Shows: a group's requests (B on its page: every year), or, from the home
 * menu, every group's for a coordinator and the requests of my groups for
 * anyone else, of one school year; newest first: date, group, purpose,
 * cost, status and the decision's remark, under a line with the totals
 * (open, approved, declined: count and euros). Enter shows one request in
 * full. The group page's section: the latest three.
 * Widgets: header lines, virtual list (keyset pages by date), forms (ask or
 * change: purpose, specialist, cost, date needed; decide: approve or
 * decline, remark), a text view (one request), a yes/no question on the
 * status line (withdraw), hint bar.
 * Actions: open (Enter), new (n), edit (e), withdraw (-), decide (J,
 * coordinators), filter open/decided/all (f), school year back and on
 * ([ and ], the network's list).
 * Store: store_budget_page, store_budget_totals, store_budget_get,
 * store_budget_request, store_budget_change, store_budget_withdraw,
 * store_budget_decide, store_budget_may_read, store_group_get (the name).
 */
#include "autoconf.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/group_life.h"
#include "ui/keys.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

#define BUDGET_SECTION_ROWS 3	/* requests on the group's page */

/* One request; strings owned (budget_line_free). */
struct budget_line {
	int64_t id, group_id, requested_by;
	char *group_name, *requester, *decider, *requested_on, *needed_on, *decided_on;
	char *purpose, *specialist, *status, *remark;
	int64_t cost_cents;
	int version;
};

enum budget_filter { BUDGET_SHOW_OPEN, BUDGET_SHOW_DECIDED, BUDGET_SHOW_ALL, BUDGET_SHOW__N };

struct budget_screen {
	struct ui *ui;
	struct vlist list;
	int64_t group_id;		/* 0: the network's (or my groups') */
	char *group_name;
	enum budget_filter filter;
	struct date first, last;	/* the school year shown (network view) */
	struct budget_totals totals;
	bool totals_ok;
	bool asking;			/* a withdraw question waits for its answer */
	int64_t ask_id;
	int ask_version;
};

/* One request in full (Enter). */
struct budget_detail {
	int64_t id;
	struct budget_line *line;	/* NULL when it is gone */
	struct widget_lines lines;
	int top;
	bool asking;
};

static const enum ui_action budget_hints_lead[] = {
	UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_FILTER,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action budget_hints_coordinator[] = {
	UI_ACTION_OPEN, UI_ACTION_DECIDE, UI_ACTION_FILTER, UI_ACTION_DAY_PREV,
	UI_ACTION_DAY_NEXT, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action budget_hints_group_coordinator[] = {
	UI_ACTION_OPEN, UI_ACTION_DECIDE, UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_FILTER,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action budget_hints_mine[] = {
	UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_FILTER,
	UI_ACTION_DAY_PREV, UI_ACTION_DAY_NEXT, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action budget_hints_read[] = {
	UI_ACTION_OPEN, UI_ACTION_FILTER, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action budget_detail_hints[] = {
	UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_DECIDE, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};

/* ---- rows ---- */

static void
budget_line_free(void *p)
{
	struct budget_line *r = p;

	if (r == NULL)
		return;
	free(r->group_name);
	free(r->requester);
	free(r->decider);
	free(r->requested_on);
	free(r->needed_on);
	free(r->decided_on);
	free(r->purpose);
	free(r->specialist);
	free(r->status);
	free(r->remark);
	free(r);
}

static char *
budget_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static struct budget_line *
budget_line_new(const struct budget_row *r)
{
	struct budget_line *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->group_id = r->group_id;
	c->requested_by = r->requested_by;
	c->group_name = xstrdup(r->group_name != NULL ? r->group_name : "?");
	c->requester = budget_dup(r->requester);
	c->decider = budget_dup(r->decider);
	c->requested_on = xstrdup(r->requested_on != NULL ? r->requested_on : "");
	c->needed_on = budget_dup(r->needed_on);
	c->decided_on = budget_dup(r->decided_on);
	c->purpose = xstrdup(r->purpose != NULL ? r->purpose : "");
	c->specialist = budget_dup(r->specialist);
	c->status = xstrdup(r->status != NULL ? r->status : "");
	c->remark = budget_dup(r->remark);
	c->cost_cents = r->cost_cents;
	c->version = r->version;
	return c;
}

static int
budget_take_row(const struct budget_row *r, void *arg)
{
	vlist_page_add(arg, budget_line_new(r));
	return 0;
}

static bool
budget_line_same(const void *a, const void *b)
{
	return ((const struct budget_line *)a)->id == ((const struct budget_line *)b)->id;
}

/* The label of a status key. */
static const char *
budget_status_label(const char *status)
{
	if (status == NULL)
		return "";
	if (strcmp(status, "open") == 0)
		return C_("status", "open");
	if (strcmp(status, "approved") == 0)
		return _("approved");
	if (strcmp(status, "declined") == 0)
		return _("declined");
	return status;
}

static bool
budget_is_open(const struct budget_line *r)
{
	return r != NULL && strcmp(r->status, "open") == 0;
}

/* An amount right-aligned in width columns ("€" is one column of three bytes). */
static const char *
budget_amount(int64_t cents, int width, char *buf, size_t size)
{
	char amount[MONEY_TEXT_LEN];
	int cols;

	money_format(cents, amount, sizeof amount);
	cols = (int)strlen(amount) - 2;
	snprintf(buf, size, "%*s%s", width > cols ? width - cols : 0, "", amount);
	return buf;
}

/* ---- the list ---- */

static void
budget_query_of(const struct budget_screen *b, struct budget_query *q)
{
	static const char *const statuses[BUDGET_SHOW__N] = { "open", "decided", NULL };

	memset(q, 0, sizeof *q);
	q->group_id = b->group_id;
	q->status = statuses[b->filter];
	if (b->group_id == 0) {
		q->first = b->first;
		q->last = b->last;
	}
}

static int
budget_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct budget_screen *b = ctx;
	const struct budget_line *r = anchor;
	struct budget_anchor an;
	struct budget_query q;

	budget_query_of(b, &q);
	if (r != NULL) {
		an.requested_on = r->requested_on;
		an.id = r->id;
	}
	return store_budget_page(b->ui->app->st, b->ui->app->who, &q, r != NULL ? &an : NULL,
	    inclusive, forward, limit, budget_take_row, page, error) == 0 ? 0 : -1;
}

/* Column widths: date, group (0 in a group's list), purpose, cost, status, remark. */
static void
budget_columns(const struct budget_screen *b, int width, int w[6])
{
	w[0] = 10;
	w[1] = b->group_id != 0 ? 0 : width >= 130 ? 30 : width >= 90 ? 22 : 16;
	w[3] = 15;	/* "€ 10.000.000,00" */
	w[4] = 11;
	w[2] = (width - w[0] - w[1] - w[3] - w[4] - 8) * 11 / 20;
	if (w[2] < 12)
		w[2] = 12;
	w[5] = width - w[0] - w[1] - w[2] - w[3] - w[4] - 8;
}

static void
budget_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct budget_screen *b = ctx;
	const struct budget_line *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	char day[DATE_ISO_LEN], cost[MONEY_TEXT_LEN + 16];
	const char *cells[6];
	int w[6];

	budget_columns(b, width, w);
	cells[0] = widget_day(r->requested_on, day);
	cells[1] = r->group_name;
	cells[2] = r->purpose;
	cells[3] = budget_amount(r->cost_cents, w[3], cost, sizeof cost);
	cells[4] = budget_status_label(r->status);
	cells[5] = r->remark != NULL ? r->remark : "";
	widget_text(y, x, width, "", attr);
	widget_cells(y, x + 1, w, cells, 6, attr);
}

static const struct vlist_ops budget_vlist_ops = {
	.fetch = budget_fetch,
	.draw = budget_draw_row,
	.free_row = budget_line_free,
	.same = budget_line_same,
};

static void
budget_load_totals(struct ui *ui, struct budget_screen *b)
{
	struct budget_query q;
	char *error = NULL;

	budget_query_of(b, &q);
	b->totals_ok = store_budget_totals(ui->app->st, ui->app->who, &q, &b->totals,
	    &error) == 0;
	free(error);
}

static void
budget_reload(struct ui *ui, struct budget_screen *b, bool from_start)
{
	free(b->list.error);
	b->list.error = NULL;
	if (vlist_reload(&b->list, b->list.height > 0 ? b->list.height : LINES - 7,
	    from_start) != 0)
		ui_message(ui, true, "%s", b->list.error);
	budget_load_totals(ui, b);
	ui->dirty = true;
}

static void
budget_enter(struct ui *ui, struct screen *s)
{
	struct budget_screen *b = s->data;

	budget_reload(ui, b, false);
	s->list = &b->list;
}

/* "Open: 2 · € 3.450,00" */
static void
budget_total_part(char *buf, size_t size, const char *label, int n, int64_t cents)
{
	char amount[MONEY_TEXT_LEN];
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, "%s%s %d · %s", len > 0 ? "   " : "", label, n,
	    money_format(cents, amount, sizeof amount));
}

static void
budget_draw_header(struct ui *ui, struct budget_screen *b, int top)
{
	static const char *const shows[BUDGET_SHOW__N] = {
		N_("open requests"), N_("decided requests"), N_("all requests")
	};
	static const char *const heads[6] = {
		N_("Date"), N_("Group"), N_("Purpose"), N_("Cost"), N_("Status"), N_("Remark")
	};
	char line[512] = "", year[64];
	const char *cells[6];
	int w[6], i;

	if (b->group_id != 0)
		snprintf(line, sizeof line, _("%s   Showing: %s, every school year"),
		    b->group_name != NULL ? b->group_name : "", _(shows[b->filter]));
	else {
		snprintf(year, sizeof year, "%d-%d", b->first.year, b->last.year);
		snprintf(line, sizeof line, _("School year %s ([ and ] change it)   Showing: %s%s"),
		    year, _(shows[b->filter]), ui->app->who->coordinator ? "" :
		    _("   (the requests of your groups)"));
	}
	widget_text(top, 1, COLS - 2, line, A_BOLD);
	line[0] = '\0';
	if (b->totals_ok) {
		budget_total_part(line, sizeof line, _("Open:"), b->totals.open,
		    b->totals.open_cents);
		budget_total_part(line, sizeof line, _("Approved:"), b->totals.approved,
		    b->totals.approved_cents);
		budget_total_part(line, sizeof line, _("Declined:"), b->totals.declined,
		    b->totals.declined_cents);
	}
	widget_text(top + 1, 1, COLS - 2, line, A_NORMAL);
	budget_columns(b, COLS, w);
	for (i = 0; i < 6; i++)
		cells[i] = _(heads[i]);
	widget_cells(top + 2, 1, w, cells, 6, A_BOLD);
}

static void
budget_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct budget_screen *b = s->data;

	budget_draw_header(ui, b, top);
	if (b->list.height != height - 3) {
		b->list.height = height - 3;
		budget_reload(ui, b, false);
	}
	if (b->list.n == 0)
		widget_text(top + 3, 1, COLS - 2, b->list.error != NULL ? b->list.error :
		    _("No budget requests here."), ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&b->list, ui, top + 3, 0, COLS);
}

/* ---- asking and changing: the form ---- */

struct budget_form {
	int64_t id;			/* 0 = a new request */
	int version;
	int64_t group_id;		/* fixed group; 0 = the group field chooses */
	struct form_field *group, *purpose, *specialist, *cost, *needed;
};

/* Put a store message "label: why" at the field of that label; false when none has it. */
static bool
budget_field_error(struct budget_form *bf, struct form *f, const char *error)
{
	struct {
		const char *label;
		struct form_field *fld;
	} map[] = {
		{ _("purpose"), bf->purpose }, { _("specialist"), bf->specialist },
		{ _("cost"), bf->cost }, { _("date needed"), bf->needed },
	};
	size_t i, n;

	for (i = 0; error != NULL && i < sizeof map / sizeof map[0]; i++) {
		n = strlen(map[i].label);
		if (strncmp(error, map[i].label, n) == 0 && error[n] == ':') {
			form_error(map[i].fld, "%s", error + n + 1 + (error[n + 1] == ' '));
			form_focus(f, map[i].fld);
			return true;
		}
	}
	return false;
}

/* Read the form into r (strings borrowed); -1 with a field error when it does not fit. */
static int
budget_form_read(struct budget_form *bf, struct form *f, struct budget_new *r)
{
	const char *why = NULL, *group;

	memset(r, 0, sizeof *r);
	r->group_id = bf->group_id;
	if (bf->group != NULL && (group = form_choice(bf->group)) != NULL)
		r->group_id = strtoll(group, NULL, 10);
	r->purpose = form_text(bf->purpose);
	r->specialist = form_text(bf->specialist);
	if (money_parse(form_text(bf->cost), &r->cost_cents, &why) != 0) {
		form_error(bf->cost, "%s", _(why));
		form_focus(f, bf->cost);
		return -1;
	}
	if (r->cost_cents == 0) {
		form_error(bf->cost, "%s", _("the cost must be more than € 0,00"));
		form_focus(f, bf->cost);
		return -1;
	}
	if (form_date(bf->needed, &r->needed_on) != 0)
		memset(&r->needed_on, 0, sizeof r->needed_on);
	return 0;
}

static int
budget_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct budget_form *bf = arg;
	struct budget_new r;
	char amount[MONEY_TEXT_LEN], *error = NULL;
	int ret;

	if (budget_form_read(bf, f, &r) != 0)
		return -1;
	if (bf->id == 0)
		ret = store_budget_request(ui->app->st, ui->app->who, &r, NULL, &error);
	else
		ret = store_budget_change(ui->app->st, ui->app->who, bf->id, bf->version, &r,
		    &error);
	if (ret == 0) {
		ui_message(ui, false, bf->id == 0 ? _("Budget request filed: %s. A coordinator "
		    "decides on it.") : _("Budget request saved: %s."),
		    money_format(r.cost_cents, amount, sizeof amount));
		return 0;
	}
	if (ret == STORE_INVALID && budget_field_error(bf, f, error)) {
		free(error);
		return -1;
	}
	if (ret == STORE_CONFLICT)
		ui_message(ui, true, _("%s What you typed is kept: Esc leaves it."),
		    error != NULL ? error : "?");
	else
		ui_message(ui, true, "%s", error != NULL ? error : "?");
	free(error);
	return ret == STORE_DENIED || ret == STORE_NOT_FOUND ? 0 : -1;
}

static struct form *
budget_form_fields(struct ui *ui, struct budget_form *bf, const struct budget_line *r)
{
	struct form *f = form_new();
	char plain[MONEY_TEXT_LEN], day[DATE_ISO_LEN];
	struct date d;

	if (bf->group_id == 0 && r == NULL) {
		bf->group = form_add(f, FORM_CHOICE, _("Group"), true);
		widget_groups_led(ui, bf->group, 0);
	}
	bf->purpose = form_add(f, FORM_LINE, _("Purpose"), true);
	bf->purpose->max_chars = BUDGET_TEXT_MAX;
	bf->specialist = form_add(f, FORM_LINE, _("Specialist"), false);
	bf->specialist->max_chars = BUDGET_TEXT_MAX;
	bf->cost = form_add(f, FORM_LINE, _("Cost in euros"), true);
	bf->cost->max_chars = 40;
	bf->needed = form_add(f, FORM_DATE, _("Date needed"), false);
	if (r != NULL) {
		form_set_text(bf->purpose, r->purpose);
		form_set_text(bf->specialist, r->specialist);
		form_set_text(bf->cost, money_format_plain(r->cost_cents, plain, sizeof plain));
		if (r->needed_on != NULL && date_parse_iso(r->needed_on, &d) == 0)
			form_set_text(bf->needed, date_format_nl(&d, day));
	}
	return f;
}

/* n (r NULL) and e: the form for a new request of group_id, or to change r. */
static void
budget_form_push(struct ui *ui, int64_t group_id, const struct budget_line *r)
{
	struct budget_form *bf;
	struct form *f;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return;
	}
	if (r != NULL && !budget_is_open(r)) {
		ui_message(ui, true, "%s", _("This request has been decided: a decided request "
		    "cannot be changed."));
		return;
	}
	if (r == NULL && group_id != 0 &&
	    !store_budget_may_request(ui->app->st, ui->app->who, group_id)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_BUDGET_REQUEST)));
		return;
	}
	if (r != NULL && r->requested_by != ui->app->who->person_id &&
	    !store_budget_may_request(ui->app->st, ui->app->who, r->group_id)) {
		ui_message(ui, true, "%s", _("Only its requester, a lead of the group or a "
		    "coordinator can change a budget request."));
		return;
	}
	bf = xcalloc(1, sizeof *bf);
	bf->id = r != NULL ? r->id : 0;
	bf->version = r != NULL ? r->version : 0;
	bf->group_id = r != NULL ? r->group_id : group_id;
	f = budget_form_fields(ui, bf, r);
	if (bf->group != NULL && bf->group->n_items == 0) {
		ui_message(ui, true, "%s", _("You lead no group. A lead asks for budget from the "
		    "group's page (B)."));
		form_free(f);
		free(bf);
		return;
	}
	scr_form_push(ui, r != NULL ? N_("Change a budget request") : N_("Ask for budget"), f,
	    budget_form_submit, bf, free);
}

/* ---- deciding ---- */

struct budget_decide {
	int64_t id;
	int version;
	struct form_field *choice, *remark;
};

static int
budget_decide_submit(struct ui *ui, struct form *f, void *arg)
{
	struct budget_decide *bd = arg;
	const char *choice = form_choice(bd->choice), *remark = form_text(bd->remark);
	bool approve = choice != NULL && strcmp(choice, "approved") == 0;
	char *error = NULL;
	int ret;

	if (!approve && (remark == NULL || remark[strspn(remark, " \t\n")] == '\0')) {
		form_error(bd->remark, "%s", _("say why the request is declined"));
		form_focus(f, bd->remark);
		return -1;
	}
	ret = store_budget_decide(ui->app->st, ui->app->who, bd->id, bd->version, approve,
	    remark, &error);
	if (ret == 0) {
		ui_message(ui, false, "%s", approve ? _("The budget request is approved.") :
		    _("The budget request is declined."));
		return 0;
	}
	if (ret == STORE_INVALID && error != NULL && strncmp(error, _("remark"),
	    strlen(_("remark"))) == 0) {
		form_error(bd->remark, "%s", error + strlen(_("remark")) + 2);
		form_focus(f, bd->remark);
		free(error);
		return -1;
	}
	ui_message(ui, true, "%s", error != NULL ? error : "?");
	free(error);
	return ret == STORE_CONFLICT ? -1 : 0;
}

/* J: approve or decline the request r (coordinators). */
static void
budget_decide_push(struct ui *ui, const struct budget_line *r)
{
	struct budget_decide *bd;
	struct form_field *fld;
	struct form *f;
	char amount[MONEY_TEXT_LEN], *line;

	if (r == NULL)
		return;
	if (!access_allows(ui->app->who, ACCESS_BUDGET_DECIDE, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_BUDGET_DECIDE)));
		return;
	}
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return;
	}
	if (!budget_is_open(r)) {
		ui_message(ui, true, _("This request is %s already: a decided request stays as it "
		    "is."), budget_status_label(r->status));
		return;
	}
	bd = xcalloc(1, sizeof *bd);
	bd->id = r->id;
	bd->version = r->version;
	f = form_new();
	/* a line to read, not to change: which request this is */
	fld = form_add(f, FORM_CHOICE, _("Request"), false);
	line = xasprintf("%s: %s — %s", r->group_name,
	    money_format(r->cost_cents, amount, sizeof amount), r->purpose);
	form_add_item(fld, "", line, true);
	free(line);
	bd->choice = form_add(f, FORM_CHOICE, _("Decision"), true);
	form_add_item(bd->choice, "approved", _("approve"), true);
	form_add_item(bd->choice, "declined", _("decline"), false);
	bd->remark = form_add(f, FORM_TEXT, _("Remark"), false);
	bd->remark->max_chars = BUDGET_REMARK_MAX;
	scr_form_push(ui, N_("Decide on a budget request"), f, budget_decide_submit, bd, free);
	form_focus(f, bd->choice);
}

/* ---- withdrawing ---- */

/* The letter that answers yes (as on the person page). */
static bool
budget_yes(int code)
{
	/* TRANSLATORS: the key (one lower-case letter) that answers "yes" to a question */
	const char *yes = _("y");

	if (code == 'y' || code == 'Y')
		return true;
	return code > 0 && code < 0x80 && yes[0] != '\0' && yes[1] == '\0' &&
	    tolower(code) == (unsigned char)yes[0];
}

/* -: ask before withdrawing r; true when the question is on the status line. */
static bool
budget_ask_withdraw(struct ui *ui, const struct budget_line *r)
{
	char amount[MONEY_TEXT_LEN];

	if (r == NULL)
		return false;
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return false;
	}
	if (!budget_is_open(r)) {
		ui_message(ui, true, "%s", _("This request has been decided: a decided request "
		    "cannot be withdrawn."));
		return false;
	}
	ui_message(ui, false, _("Withdraw the request of %s for %s? (%s = yes, any other key = "
	    "no)"), money_format(r->cost_cents, amount, sizeof amount), r->group_name, _("y"));
	return true;
}

/* The answer to the question: withdraw id (at version) on yes. True when withdrawn. */
static bool
budget_answer_withdraw(struct ui *ui, int code, int64_t id, int version)
{
	char *error = NULL;

	free(ui->message);
	ui->message = NULL;
	if (!budget_yes(code)) {
		ui_message(ui, false, "%s", _("Nothing changed."));
		return false;
	}
	if (store_budget_withdraw(ui->app->st, ui->app->who, id, version, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : "?");
		free(error);
		return false;
	}
	ui_message(ui, false, "%s", _("The budget request is withdrawn."));
	return true;
}

/* ---- one request in full ---- */

/* The hint bar: the screen's keys, with [ and ] shown as one "school year". */
static const char *
budget_hint_text(struct ui *ui, struct screen *s)
{
	static char buf[512];
	const enum ui_action *h;
	char key[32], key2[32];
	size_t len = 0;

	(void)ui;
	buf[0] = '\0';
	for (h = s->ops->hints; h != NULL && *h != UI_ACTION_NONE && len < sizeof buf; h++) {
		if (*h == UI_ACTION_DAY_NEXT)
			continue;
		keys_first(*h, key, sizeof key);
		if (*h == UI_ACTION_DAY_PREV)
			snprintf(buf + len, sizeof buf - len, "%s %s %s  ", key,
			    keys_first(UI_ACTION_DAY_NEXT, key2, sizeof key2), _("school year"));
		else
			snprintf(buf + len, sizeof buf - len, "%s %s  ", key,
			    *h == UI_ACTION_DELETE_ITEM ? _("withdraw") : _(keys_action_hint(*h)));
		len = strlen(buf);
	}
	return buf;
}


static int
budget_detail_take(const struct budget_row *r, void *arg)
{
	struct budget_detail *d = arg;

	budget_line_free(d->line);
	d->line = budget_line_new(r);
	return 0;
}

static void
budget_detail_enter(struct ui *ui, struct screen *s)
{
	struct budget_detail *d = s->data;
	char *error = NULL;

	budget_line_free(d->line);
	d->line = NULL;
	if (store_budget_get(ui->app->st, ui->app->who, d->id, budget_detail_take, d,
	    &error) < 0)
		ui_message(ui, true, "%s", error != NULL ? error : "?");
	free(error);
	ui->dirty = true;
}

static void
budget_detail_build(struct ui *ui, struct budget_detail *d)
{
	struct widget_lines *l = &d->lines;
	const struct budget_line *r = d->line;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN], amount[MONEY_TEXT_LEN];

	widget_lines_clear(l);
	memset(l, 0, sizeof *l);
	l->width = COLS - 2;
	if (r == NULL) {
		widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("This budget request no longer exists: it was withdrawn."));
		return;
	}
	widget_lines_add(l, 1, A_BOLD, "%s", r->group_name);
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Cost:"),
	    money_format(r->cost_cents, amount, sizeof amount));
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Status:"), budget_status_label(r->status));
	widget_lines_add(l, 1, A_NORMAL, _("Asked by %s on %s"),
	    r->requester != NULL ? r->requester : "?", widget_day(r->requested_on, a));
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Date needed:"), widget_day(r->needed_on, b));
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Specialist:"),
	    r->specialist != NULL ? r->specialist : "-");
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Purpose"));
	widget_lines_wrap(l, 2, A_NORMAL, r->purpose);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Decision"));
	if (budget_is_open(r)) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("Not decided yet: a coordinator approves or declines it."));
		return;
	}
	widget_lines_add(l, 2, A_NORMAL, _("%s by %s on %s"), budget_status_label(r->status),
	    r->decider != NULL ? r->decider : "?", widget_day(r->decided_on, a));
	if (r->remark != NULL)
		widget_lines_wrap(l, 2, A_NORMAL, r->remark);
}

static void
budget_detail_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct budget_detail *d = s->data;

	budget_detail_build(ui, d);
	widget_lines_draw(&d->lines, &d->top, top, height);
}

static bool
budget_detail_on_key(struct ui *ui, struct screen *s, int code)
{
	struct budget_detail *d = s->data;

	if (!d->asking)
		return false;
	d->asking = false;
	if (d->line != NULL && budget_answer_withdraw(ui, code, d->line->id, d->line->version))
		screen_pop(ui);
	return true;
}

static bool
budget_detail_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct budget_detail *d = s->data;

	if (widget_lines_scroll(&d->top, d->lines.n, s->height, a))
		return true;
	switch (a) {
	case UI_ACTION_EDIT:
		if (d->line != NULL)
			budget_form_push(ui, d->line->group_id, d->line);
		return true;
	case UI_ACTION_DELETE_ITEM:
		d->asking = budget_ask_withdraw(ui, d->line);
		return true;
	case UI_ACTION_DECIDE:
		budget_decide_push(ui, d->line);
		return true;
	default:
		return false;
	}
}

static void
budget_detail_free(struct screen *s)
{
	struct budget_detail *d = s->data;

	if (d == NULL)
		return;
	budget_line_free(d->line);
	widget_lines_clear(&d->lines);
	free(d);
}

static const struct screen_ops budget_detail_ops = {
	.name = N_("Budget request"),
	.enter = budget_detail_enter,
	.draw = budget_detail_draw,
	.on_key = budget_detail_on_key,
	.on_action = budget_detail_on_action,
	.hints = budget_detail_hints,
	.hint_text = budget_hint_text,
	.free = budget_detail_free,
};

static void
budget_detail_push(struct ui *ui, const struct budget_line *r)
{
	struct budget_detail *d;

	if (r == NULL)
		return;
	d = xcalloc(1, sizeof *d);
	d->id = r->id;
	screen_push(ui, &budget_detail_ops, d);
}

/* ---- the list screen ---- */

/* [ and ]: the school year before or after the one shown. */
static void
budget_year(struct ui *ui, struct budget_screen *b, int step)
{
	struct date day = { b->first.year + step, 9, 1 };

	if (b->group_id != 0)
		return;
	if (day.year < 1 || day.year > 9998)
		return;
	date_school_year(&day, &b->first, &b->last);
	budget_reload(ui, b, true);
}

static bool
budget_on_key(struct ui *ui, struct screen *s, int code)
{
	struct budget_screen *b = s->data;

	if (!b->asking)
		return false;
	b->asking = false;
	if (budget_answer_withdraw(ui, code, b->ask_id, b->ask_version))
		budget_reload(ui, b, false);
	return true;
}

static bool
budget_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct budget_screen *b = s->data;
	struct budget_line *r = vlist_selected(&b->list);

	if (vlist_action(&b->list, a)) {
		if (b->list.error != NULL)
			ui_message(ui, true, "%s", b->list.error);
		return true;
	}
	switch (a) {
	case UI_ACTION_OPEN:
		budget_detail_push(ui, r);
		return true;
	case UI_ACTION_NEW:
		budget_form_push(ui, b->group_id, NULL);
		return true;
	case UI_ACTION_EDIT:
		if (r != NULL)
			budget_form_push(ui, r->group_id, r);
		return true;
	case UI_ACTION_DELETE_ITEM:
		if ((b->asking = budget_ask_withdraw(ui, r))) {
			b->ask_id = r->id;
			b->ask_version = r->version;
		}
		return true;
	case UI_ACTION_DECIDE:
		budget_decide_push(ui, r);
		return true;
	case UI_ACTION_FILTER:
		b->filter = (b->filter + 1) % BUDGET_SHOW__N;
		budget_reload(ui, b, true);
		return true;
	case UI_ACTION_DAY_PREV:
		budget_year(ui, b, -1);
		return true;
	case UI_ACTION_DAY_NEXT:
		budget_year(ui, b, 1);
		return true;
	default:
		return false;
	}
}

static void
budget_free(struct screen *s)
{
	struct budget_screen *b = s->data;

	if (b == NULL)
		return;
	vlist_clear(&b->list);
	free(b->group_name);
	free(b);
}

#define BUDGET_OPS(hint_list) { \
	.name = N_("Budget requests"), \
	.enter = budget_enter, \
	.draw = budget_draw, \
	.on_key = budget_on_key, \
	.on_action = budget_on_action, \
	.hints = hint_list, \
	.hint_text = budget_hint_text, \
	.free = budget_free, \
}
static const struct screen_ops budget_ops_lead = BUDGET_OPS(budget_hints_lead);
static const struct screen_ops budget_ops_coordinator = BUDGET_OPS(budget_hints_coordinator);
static const struct screen_ops budget_ops_group_coordinator =
    BUDGET_OPS(budget_hints_group_coordinator);
static const struct screen_ops budget_ops_mine = BUDGET_OPS(budget_hints_mine);
static const struct screen_ops budget_ops_read = BUDGET_OPS(budget_hints_read);

/* The screen's keys for who: what they may do here. */
static const struct screen_ops *
budget_ops_for(struct ui *ui, int64_t group_id)
{
	const struct actor *who = ui->app->who;

	if (store_read_only(ui->app->st))
		return &budget_ops_read;
	if (who->coordinator)
		return group_id != 0 ? &budget_ops_group_coordinator : &budget_ops_coordinator;
	if (group_id == 0)
		return &budget_ops_mine;
	return store_budget_may_request(ui->app->st, who, group_id) ? &budget_ops_lead :
	    &budget_ops_read;
}

void
scr_budget_push(struct ui *ui, int64_t group_id)
{
	struct budget_screen *b;
	struct group_detail d;
	struct date today = date_today();
	char *error = NULL;

	if (group_id != 0 && !store_budget_may_read(ui->app->st, ui->app->who, group_id)) {
		ui_message(ui, true, "%s", _("Only the group's leads and members and coordinators "
		    "can see its budget requests."));
		return;
	}
	if (group_id == 0 && actor_is_visitor(ui->app->who) && !ui->app->who->coordinator) {
		ui_message(ui, true, "%s", _("Only people known in the network have budget "
		    "requests."));
		return;
	}
	b = xcalloc(1, sizeof *b);
	b->ui = ui;
	b->group_id = group_id;
	b->filter = ui->app->who->coordinator && group_id == 0 ? BUDGET_SHOW_OPEN : BUDGET_SHOW_ALL;
	date_school_year(&today, &b->first, &b->last);
	if (group_id != 0) {
		memset(&d, 0, sizeof d);
		if (store_group_get(ui->app->st, ui->app->who, group_id, &d, &error) == 1)
			b->group_name = xstrdup(d.name);
		store_group_detail_clear(&d);
		free(error);
	}
	vlist_init(&b->list, &budget_vlist_ops, b);
	screen_push(ui, budget_ops_for(ui, group_id), b);
}

/* ---- the group page's section ---- */

struct budget_section {
	struct ui *ui;
	struct widget_lines *l;
	int n;
};

static int
budget_section_row(const struct budget_row *r, void *arg)
{
	struct budget_section *sec = arg;
	char day[DATE_ISO_LEN], amount[MONEY_TEXT_LEN];

	widget_lines_add(sec->l, 2, A_NORMAL, "%s  %s  %s  %s", widget_day(r->requested_on, day),
	    money_format(r->cost_cents, amount, sizeof amount), budget_status_label(r->status),
	    r->purpose != NULL ? r->purpose : "");
	if (r->remark != NULL && strcmp(r->status, "open") != 0)
		widget_lines_wrap(sec->l, 4, ui_attr(sec->ui, UI_COLOUR_DIM), r->remark);
	sec->n++;
	return 0;
}

void
life_budget_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l)
{
	struct budget_section sec = { ui, l, 0 };
	struct budget_query q;
	char *error = NULL;
	int mark;

	if (d == NULL || !store_budget_may_read(ui->app->st, ui->app->who, d->id))
		return;
	memset(&q, 0, sizeof q);
	q.group_id = d->id;
	mark = l->n;
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Budget requests"));
	if (store_budget_page(ui->app->st, ui->app->who, &q, NULL, false, true,
	    BUDGET_SECTION_ROWS, budget_section_row, &sec, &error) != 0) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_ERROR), "%s", error != NULL ? error :
		    _("The budget requests cannot be read."));
		free(error);
		return;
	}
	if (sec.n > 0)
		return;
	if ((ctx != NULL && ctx->is_lead) || ui->app->who->coordinator) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("No budget requests. B asks for a specialist."));
		return;
	}
	/* nothing to show a member: leave the page short */
	while (l->n > mark) {
		free(l->v[l->n - 1].text);
		l->n--;
	}
}
