/*
 * scr_theme.c — a theme's page and the forms around a theme.
 *
 * Shows: title, status, intended type and orientation, proposer and date,
 * interest against the threshold ("ready to form"), the description, the
 * registrations (name, school, function, date, manager agreed, remark) and
 * the groups formed from it.
 * Widgets: text view, forms (propose, edit, register).
 * Actions: register (r), register-other (R), edit (e), archive (a),
 * form-group (F), scrolling.
 * Store: store_theme_get, store_interest_each, store_theme_groups_each on
 * enter; the writes of store_themes.c on the actions.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/domain.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/scr_themes.h"
#include "ui/widgets.h"

struct theme_reg {
	int64_t person_id;
	char *text;		/* the registration as one line */
};

struct theme_page {
	int64_t id;
	struct theme_detail d;
	struct theme_reg *regs;
	int n_regs;
	char **groups;
	int n_groups;
	bool registered;
	int top;
	int total, height;	/* lines at the last draw, for scrolling */
};

static const enum ui_action theme_hints[] = {
	UI_ACTION_REGISTER, UI_ACTION_EDIT, UI_ACTION_FORM_GROUP, UI_ACTION_ARCHIVE,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
theme_page_clear(struct theme_page *p)
{
	int i;

	store_theme_detail_clear(&p->d);
	for (i = 0; i < p->n_regs; i++)
		free(p->regs[i].text);
	free(p->regs);
	for (i = 0; i < p->n_groups; i++)
		free(p->groups[i]);
	free(p->groups);
	p->regs = NULL;
	p->groups = NULL;
	p->n_regs = p->n_groups = 0;
}

struct theme_take {
	struct theme_page *page;
	const struct config *cfg;
};

static int
theme_take_reg(const struct interest_row *r, void *arg)
{
	struct theme_take *take = arg;
	struct theme_page *p = take->page;
	const char *function = r->function != NULL ?
	    config_item_label(&take->cfg->functions, r->function) : NULL;
	struct date d;
	char day[DATE_ISO_LEN];

	if (date_parse_iso(r->registered_on, &d) == 0)
		date_format_nl(&d, day);
	else
		snprintf(day, sizeof day, "?");
	p->regs = xreallocarray(p->regs, (size_t)p->n_regs + 1, sizeof *p->regs);
	p->regs[p->n_regs].person_id = r->person_id;
	p->regs[p->n_regs].text = xasprintf("%s — %s, %s — %s — %s%s%s", r->name,
	    r->organisation != NULL ? r->organisation : "-",
	    function != NULL ? function : r->function != NULL ? r->function : "-",
	    day, r->manager_agreed ? _("manager agreed") : _("manager not (yet) agreed"),
	    r->remark != NULL ? " — " : "", r->remark != NULL ? r->remark : "");
	p->n_regs++;
	return 0;
}

static int
theme_take_group(const struct group_row *r, void *arg)
{
	struct theme_page *p = arg;

	p->groups = xreallocarray(p->groups, (size_t)p->n_groups + 1, sizeof *p->groups);
	p->groups[p->n_groups++] = xasprintf("%s (%s, %d)", r->name,
	    _(domain_group_status_label(r->status)), r->members);
	return 0;
}

static void
theme_enter(struct ui *ui, struct screen *s)
{
	struct theme_page *p = s->data;
	struct app *app = ui->app;
	struct theme_take take = { p, app->cfg };
	char *error = NULL;
	int i;

	theme_page_clear(p);
	if (store_theme_get(app->st, app->who, p->id, &p->d, &error) != 1 ||
	    store_interest_each(app->st, app->who, p->id, theme_take_reg, &take, &error) != 0 ||
	    store_theme_groups_each(app->st, app->who, p->id, theme_take_group, p, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That theme no longer exists."));
		free(error);
	}
	p->registered = false;
	for (i = 0; i < p->n_regs; i++) {
		if (p->regs[i].person_id == app->who->person_id && !actor_is_visitor(app->who))
			p->registered = true;
	}
}

/* The lines of the page for the current width. */
static void
theme_build(struct ui *ui, struct theme_page *p, struct widget_lines *l)
{
	const struct config_group_type *type = config_group_type(ui->app->cfg, p->d.group_type);
	int threshold = type != NULL ? type->interest_threshold : 0;
	bool open = p->d.status != NULL && (strcmp(p->d.status, "proposed") == 0 ||
	    strcmp(p->d.status, "gathering") == 0);
	char day[DATE_ISO_LEN];
	int i;

	widget_lines_add(l, 1, A_BOLD, "%s", p->d.title != NULL ? p->d.title : "");
	widget_lines_add(l, 1, A_NORMAL, "%s %s   %s %s   %s %s", _("Status:"),
	    _(domain_theme_status_label(p->d.status)), _("Type:"),
	    widget_group_type_label(ui, p->d.group_type), _("Orientation:"),
	    p->d.orientation != NULL ? config_item_label(&ui->app->cfg->orientations,
	    p->d.orientation) ?: p->d.orientation : "-");
	widget_lines_add(l, 1, A_NORMAL, _("Proposed by %s on %s"),
	    p->d.proposer != NULL ? p->d.proposer : "-",
	    date_valid(&p->d.proposed_on) ? date_format_nl(&p->d.proposed_on, day) : "-");
	widget_lines_add(l, 1, open && rules_theme_ready(p->d.interest, threshold) ?
	    ui_attr(ui, UI_COLOUR_HINT_KEY) : (int)A_NORMAL, _("Interest: %d of %d%s%s"),
	    p->d.interest, threshold,
	    open && rules_theme_ready(p->d.interest, threshold) ? _(" — ready to form a group") : "",
	    p->registered ? _(" — you are registered") : "");
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_wrap(l, 1, A_NORMAL, p->d.description != NULL ? p->d.description : "");
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, _("Registrations (%d)"), p->n_regs);
	for (i = 0; i < p->n_regs; i++)
		widget_lines_add(l, 2, A_NORMAL, "%s", p->regs[i].text);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, _("Groups formed from this theme (%d)"), p->n_groups);
	for (i = 0; i < p->n_groups; i++)
		widget_lines_add(l, 2, A_NORMAL, "%s", p->groups[i]);
}

static void
theme_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct theme_page *p = s->data;
	struct widget_lines l;

	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	theme_build(ui, p, &l);
	p->total = l.n;
	p->height = height;
	widget_lines_draw(&l, &p->top, top, height);
	widget_lines_clear(&l);
}

/* ---- forms ---- */

struct theme_form {
	int64_t theme_id;
	int version;
	struct theme_detail orig;	/* as read when the edit form opened */
	int64_t proposer_id;
	struct form_field *title, *description, *type, *orientation;
	struct form_field *person, *agreed, *remark;
};

static void
theme_form_free(void *arg)
{
	struct theme_form *tf = arg;

	store_theme_detail_clear(&tf->orig);
	free(tf);
}

/* Someone saved the theme meanwhile: show their values, keep ours, take their version. */
static int
theme_edit_conflict(struct ui *ui, struct theme_form *tf)
{
	struct theme_detail now;
	char *error = NULL;

	if (store_theme_get(ui->app->st, ui->app->who, tf->theme_id, &now, &error) != 1) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That theme no longer exists."));
		free(error);
		return 0;
	}
	widget_mark_changed(tf->title, tf->orig.title, now.title);
	widget_mark_changed(tf->description, tf->orig.description, now.description);
	widget_mark_changed(tf->type, tf->orig.group_type, now.group_type);
	widget_mark_changed(tf->orientation, tf->orig.orientation, now.orientation);
	widget_conflict_message(ui, "theme", tf->theme_id);
	store_theme_detail_clear(&tf->orig);
	tf->orig = now;
	tf->version = now.version;
	return -1;	/* the form stays, with what was typed */
}

/* Fill a CHOICE field with the config's items, choosing key. */
static void
theme_choices(struct form_field *f, const struct config_items *items, const char *key)
{
	size_t i;

	for (i = 0; i < items->n; i++) {
		form_add_item(f, items->v[i].key, items->v[i].label, false);
		if (key != NULL && strcmp(items->v[i].key, key) == 0)
			f->choice = (int)i;
	}
}

static void
theme_type_choices(struct ui *ui, struct form_field *f, const char *key)
{
	const struct config *cfg = ui->app->cfg;
	size_t i;

	for (i = 0; i < cfg->n_group_types; i++) {
		form_add_item(f, cfg->group_types[i].key, cfg->group_types[i].label, false);
		if (key != NULL && strcmp(cfg->group_types[i].key, key) == 0)
			f->choice = (int)i;
	}
}

/* The fields of the propose and edit forms. */
static struct form *
theme_form_fields(struct ui *ui, struct theme_form *tf, const struct theme_detail *d)
{
	struct form *f = form_new();

	tf->title = form_add(f, FORM_LINE, _("Title"), true);
	tf->title->max_chars = 200;
	tf->description = form_add(f, FORM_TEXT, _("Description"), false);
	tf->type = form_add(f, FORM_CHOICE, _("Intended group type"), true);
	tf->orientation = form_add(f, FORM_CHOICE, _("Orientation"), false);
	theme_type_choices(ui, tf->type, d != NULL ? d->group_type : NULL);
	theme_choices(tf->orientation, &ui->app->cfg->orientations,
	    d != NULL ? d->orientation : NULL);
	if (d != NULL) {
		form_set_text(tf->title, d->title);
		form_set_text(tf->description, d->description);
	}
	return f;
}

/* Show a store refusal at the form or as a message; keeps the form open. */
static int
theme_refused(struct ui *ui, struct form_field *fld, char *error)
{
	if (fld != NULL)
		form_error(fld, "%s", error != NULL ? error : "?");
	else
		ui_message(ui, true, "%s", error != NULL ? error : "?");
	free(error);
	return -1;
}

static int
theme_propose_submit(struct ui *ui, struct form *f, void *arg)
{
	struct theme_form *tf = arg;
	struct theme_new t;
	char *error = NULL;
	int64_t id;

	(void)f;
	memset(&t, 0, sizeof t);
	t.title = form_text(tf->title);
	t.description = form_text(tf->description);
	t.proposer_id = ui->app->who->person_id;
	t.proposed_on = date_today();
	t.group_type = form_choice(tf->type);
	t.orientation = form_choice(tf->orientation);
	t.status = "proposed";
	if (store_theme_insert(ui->app->st, ui->app->who, &t, &id, &error) != 0)
		return theme_refused(ui, tf->title, error);
	ui_message(ui, false, _("Theme proposed: %s"), t.title);
	return 0;
}

void
scr_theme_propose(struct ui *ui)
{
	struct theme_form *tf = xcalloc(1, sizeof *tf);

	if (!access_allows(ui->app->who, ACCESS_THEME_PROPOSE, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_THEME_PROPOSE)));
		free(tf);
		return;
	}
	scr_form_push(ui, N_("Propose a theme"), theme_form_fields(ui, tf, NULL),
	    theme_propose_submit, tf, theme_form_free);
}

static int
theme_edit_submit(struct ui *ui, struct form *f, void *arg)
{
	struct theme_form *tf = arg;
	struct theme_detail d;
	char *error = NULL;
	int ret;

	(void)f;
	memset(&d, 0, sizeof d);
	d.id = tf->theme_id;
	d.version = tf->version;
	d.title = (char *)form_text(tf->title);
	d.description = (char *)form_text(tf->description);
	d.group_type = (char *)form_choice(tf->type);
	d.orientation = (char *)form_choice(tf->orientation);
	ret = store_theme_update(ui->app->st, ui->app->who, &d, &error);
	if (ret == STORE_CONFLICT) {
		free(error);
		return theme_edit_conflict(ui, tf);
	}
	if (ret != 0)
		return theme_refused(ui, ret == STORE_INVALID ? tf->title : NULL, error);
	ui_message(ui, false, "%s", _("Theme saved."));
	return 0;
}

static void
theme_edit(struct ui *ui, struct theme_page *p)
{
	struct access_ctx ctx = { .owner_id = p->d.proposer_id };
	struct theme_form *tf;

	if (!access_allows(ui->app->who, ACCESS_THEME_EDIT, &ctx)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_THEME_EDIT)));
		return;
	}
	tf = xcalloc(1, sizeof *tf);
	tf->theme_id = p->id;
	if (store_theme_get(ui->app->st, ui->app->who, p->id, &tf->orig, NULL) != 1) {
		theme_form_free(tf);
		return;
	}
	tf->version = tf->orig.version;
	scr_form_push(ui, N_("Edit theme"), theme_form_fields(ui, tf, &tf->orig), theme_edit_submit,
	    tf, theme_form_free);
}

static int
theme_register_submit(struct ui *ui, struct form *f, void *arg)
{
	struct theme_form *tf = arg;
	struct date today = date_today();
	char *error = NULL, *name = NULL;
	int64_t person = ui->app->who->person_id;
	int ret;

	(void)f;
	if (tf->person != NULL) {
		ret = store_person_lookup(ui->app->st, form_text(tf->person), &person, &name, &error);
		if (ret <= 0) {
			if (ret == 0)
				form_error(tf->person, "%s", _("nobody has that login or email"));
			return theme_refused(ui, ret == 0 ? NULL : tf->person, error);
		}
	}
	ret = store_interest_insert(ui->app->st, ui->app->who, tf->theme_id, person, &today,
	    tf->agreed->choice != 0, form_text(tf->remark), &error);
	if (ret != 0) {
		free(name);
		return theme_refused(ui, ret == STORE_INVALID ? tf->remark : NULL, error);
	}
	ui_message(ui, false, _("Registered: %s"), name != NULL ? name : ui->app->who->name);
	free(name);
	return 0;
}

/* The register form: for someone else (other) or for oneself. */
static void
theme_register_form(struct ui *ui, int64_t id, bool other)
{
	struct theme_form *tf = xcalloc(1, sizeof *tf);
	struct form *f = form_new();

	tf->theme_id = id;
	if (other)
		tf->person = form_add(f, FORM_LINE, _("Login or email"), true);
	tf->agreed = form_add(f, FORM_BOOL, _("Manager agreed"), false);
	tf->remark = form_add(f, FORM_LINE, _("Remark"), false);
	tf->remark->max_chars = 200;
	scr_form_push(ui, other ? N_("Register someone's interest") : N_("Register your interest"),
	    f, theme_register_submit, tf, theme_form_free);
}

void
scr_theme_toggle_interest(struct ui *ui, int64_t id, const char *title)
{
	struct app *app = ui->app;
	char *error = NULL;
	int has;

	if (actor_is_visitor(app->who)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_INTEREST_SELF)));
		return;
	}
	has = store_interest_has(app->st, id, app->who->person_id, &error);
	if (has < 0) {
		ui_message(ui, true, "%s", error);
		free(error);
		return;
	}
	if (has == 0) {
		theme_register_form(ui, id, false);
		return;
	}
	if (store_interest_withdraw(app->st, app->who, id, app->who->person_id, &error) != 0) {
		ui_message(ui, true, "%s", error);
		free(error);
		return;
	}
	ui_message(ui, false, _("Interest withdrawn: %s (press r to register again)"), title);
}

/* a: archive, or restore an archived theme. */
static void
theme_archive(struct ui *ui, struct theme_page *p)
{
	const char *to = strcmp(p->d.status, "archived") == 0 ? "gathering" : "archived";
	char *error = NULL;

	if (store_theme_set_status(ui->app->st, ui->app->who, p->id, p->d.version, to,
	    &error) != 0) {
		ui_message(ui, true, "%s", error);
		free(error);
	} else {
		ui_message(ui, false, _("Theme is now %s."), _(domain_theme_status_label(to)));
	}
}

static bool
theme_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct theme_page *p = s->data;

	if (widget_lines_scroll(&p->top, p->total, p->height, a))
		return true;
	switch (a) {
	case UI_ACTION_REGISTER:
		scr_theme_toggle_interest(ui, p->id, p->d.title);
		break;
	case UI_ACTION_REGISTER_OTHER:
		if (!access_allows(ui->app->who, ACCESS_INTEREST_OTHERS, NULL))
			ui_message(ui, true, "%s", _(access_reason(ACCESS_INTEREST_OTHERS)));
		else
			theme_register_form(ui, p->id, true);
		break;
	case UI_ACTION_EDIT:
		theme_edit(ui, p);
		break;
	case UI_ACTION_ARCHIVE:
		theme_archive(ui, p);
		break;
	case UI_ACTION_FORM_GROUP:
		scr_group_form_push(ui, p->id);
		break;
	default:
		return false;
	}
	if (screen_top(ui) == s)
		theme_enter(ui, s);
	return true;
}

static void
theme_free(struct screen *s)
{
	struct theme_page *p = s->data;

	theme_page_clear(p);
	free(p);
}

static const struct screen_ops scr_theme_ops = {
	.name = N_("Theme"),
	.enter = theme_enter,
	.draw = theme_draw,
	.on_action = theme_on_action,
	.hints = theme_hints,
	.free = theme_free,
};

void
scr_theme_push(struct ui *ui, int64_t id)
{
	struct theme_page *p = xcalloc(1, sizeof *p);

	p->id = id;
	screen_push(ui, &scr_theme_ops, p);
}
