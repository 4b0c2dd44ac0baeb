/*
 * scr_person.c — a person's page and the forms around a person.
 *
 * Shows: contact data (name, email, organisation, function, login, active or
 * deactivated), the groups they are in now and were in before (role and
 * dates), the themes they registered for, and their hours this school year.
 * Widgets: text view with a selectable membership, forms (add and edit a
 * person, erase, add to a group), a group picker (search as you type).
 * Actions: open the selected group (Enter), edit (e: the person or a
 * coordinator), deactivate or reactivate (d: a yes/no question), erase the
 * identity (X: typing the name confirms), add to a group (+: pick a group,
 * then role and start date), scrolling.
 * Store: store_person_get, store_person_groups, store_person_themes,
 * store_person_minutes on enter; store_person_add/update/remove/reactivate/
 * erase, store_orgs_page (the organisation choice), store_groups_page (the
 * picker) and store_roster_add on the actions.
 */
#include "autoconf.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/domain.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/scr_themes.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

#define PERSON_ORGS_MAX 300	/* more organisations than this: typed by name */
#define PERSON_KEY_ESC 27

/* A question on the status line, answered by the next key. */
enum person_ask { PERSON_ASK_NONE, PERSON_ASK_REMOVE, PERSON_ASK_REACTIVATE };

struct person_membership {
	int64_t group_id;
	bool current;
	char *text;		/* "Group — role — dates" */
	int line;		/* its line in the text view at the last draw */
};

struct person_page {
	int64_t id;
	struct person_detail d;
	bool loaded;
	struct person_membership *groups;
	int n_groups;
	char **themes;
	int n_themes;
	long minutes;		/* this school year; -1 = not shown */
	int selected;		/* the selected membership, -1 = none */
	bool follow;		/* bring the selected membership into view at the next draw */
	int top, total, height;
	enum person_ask ask;
};

static const enum ui_action person_hints_coordinator[] = {
	UI_ACTION_OPEN, UI_ACTION_ADD_MEMBER, UI_ACTION_EDIT, UI_ACTION_REMOVE, UI_ACTION_ERASE,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action person_hints_self[] = {
	UI_ACTION_OPEN, UI_ACTION_EDIT, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action person_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

/* Say what the store said (or fallback) on the status line; frees error. */
static void
person_say(struct ui *ui, char *error, const char *fallback)
{
	ui_message(ui, true, "%s", error != NULL ? error : fallback);
	free(error);
}

/* The label of a config item, or the key itself; "-" for none. */
static const char *
person_label(const struct config_items *items, const char *key)
{
	const char *label = key != NULL ? config_item_label(items, key) : NULL;

	return label != NULL ? label : key != NULL && *key != '\0' ? key : "-";
}

static const char *
person_role_label(struct ui *ui, const char *role)
{
	const char *label = role != NULL ? config_item_label(&ui->app->cfg->roles, role) : NULL;

	return label != NULL ? label : _(domain_role_label(role));
}

/* A stored date "YYYY-MM-DD" as dd-mm-yyyy in buf (DATE_ISO_LEN), or "?". */
static const char *
person_day(const char *iso, char *buf)
{
	struct date d;

	if (iso == NULL || date_parse_iso(iso, &d) != 0)
		return "?";
	return date_format_nl(&d, buf);
}

/* ---- the page ---- */

static void
person_page_clear(struct person_page *p)
{
	int i;

	store_person_detail_clear(&p->d);
	for (i = 0; i < p->n_groups; i++)
		free(p->groups[i].text);
	free(p->groups);
	for (i = 0; i < p->n_themes; i++)
		free(p->themes[i]);
	free(p->themes);
	p->groups = NULL;
	p->themes = NULL;
	p->n_groups = p->n_themes = 0;
}

struct person_take {
	struct ui *ui;
	struct person_page *page;
	char today[DATE_ISO_LEN];
};

/* The dates of a membership: "since …", "… to …" (ending later) or "… – …". */
static char *
person_interval(const struct person_group_row *r, bool current)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (r->end_on == NULL)
		return xasprintf(_("since %s"), person_day(r->start_on, a));
	if (current)
		return xasprintf(_("from %s to %s"), person_day(r->start_on, a),
		    person_day(r->end_on, b));
	return xasprintf("%s – %s", person_day(r->start_on, a), person_day(r->end_on, b));
}

static int
person_take_group(const struct person_group_row *r, void *arg)
{
	struct person_take *take = arg;
	struct person_page *p = take->page;
	struct person_membership *m;
	char *when;

	p->groups = xreallocarray(p->groups, (size_t)p->n_groups + 1, sizeof *p->groups);
	m = &p->groups[p->n_groups++];
	m->group_id = r->group_id;
	m->current = r->end_on == NULL || strcmp(r->end_on, take->today) >= 0;
	when = person_interval(r, m->current);
	m->text = xasprintf("%s — %s — %s", r->group_name != NULL ? r->group_name : "?",
	    person_role_label(take->ui, r->role), when);
	m->line = 0;
	free(when);
	return 0;
}

static int
person_take_theme(const struct person_theme_row *r, void *arg)
{
	struct person_page *p = arg;
	char day[DATE_ISO_LEN];

	p->themes = xreallocarray(p->themes, (size_t)p->n_themes + 1, sizeof *p->themes);
	p->themes[p->n_themes++] = xasprintf("%s — %s — %s", r->title != NULL ? r->title : "?",
	    _(domain_theme_status_label(r->status)), person_day(r->registered_on, day));
	return 0;
}

/* The minutes credited this school year; -1 when the store does not show them. */
static long
person_load_minutes(struct ui *ui, int64_t id)
{
	struct date today = date_today(), first, last;
	char *error = NULL;
	long minutes = 0;
	int ret;

	date_school_year(&today, &first, &last);
	ret = store_person_minutes(ui->app->st, ui->app->who, id, &first, &last, &minutes, &error);
	if (ret == 0)
		return minutes;
	if (ret != STORE_DENIED)
		person_say(ui, error, "?");
	else
		free(error);
	return -1;
}

/* Current memberships first, each part in the store's order: the order they are shown in. */
static void
person_current_first(struct person_page *p)
{
	struct person_membership *v = xcalloc((size_t)p->n_groups + 1, sizeof *v);
	int i, n = 0, pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < p->n_groups; i++) {
			if (p->groups[i].current == (pass == 0))
				v[n++] = p->groups[i];
		}
	}
	free(p->groups);
	p->groups = v;
}

static void
person_enter(struct ui *ui, struct screen *s)
{
	struct person_page *p = s->data;
	struct app *app = ui->app;
	struct person_take take = { ui, p, "" };
	struct date today = date_today();
	char *error = NULL;

	person_page_clear(p);
	p->loaded = store_person_get(app->st, app->who, p->id, &p->d, &error) == 1;
	if (!p->loaded) {
		person_say(ui, error, _("That person no longer exists."));
		return;
	}
	date_format_iso(&today, take.today);
	if (store_person_groups(app->st, app->who, p->id, person_take_group, &take, &error) != 0 ||
	    store_person_themes(app->st, app->who, p->id, person_take_theme, p, &error) != 0)
		person_say(ui, error, "?");
	person_current_first(p);
	p->minutes = person_load_minutes(ui, p->id);
	if (p->selected >= p->n_groups)
		p->selected = p->n_groups - 1;
	if (p->selected < 0 && p->n_groups > 0)
		p->selected = 0;
}

static const char *
person_name(const struct person_page *p)
{
	return p->d.name != NULL ? p->d.name : "?";
}

/* Name, contact data and status. */
static void
person_build_contact(struct ui *ui, struct person_page *p, struct widget_lines *l)
{
	const struct person_detail *d = &p->d;

	widget_lines_add(l, 1, A_BOLD, "%s", person_name(p));
	if (d->erased) {
		widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("This person's identity was erased on request; their memberships and "
		    "hours are kept as anonymous counts."));
		return;
	}
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Email:"), d->email != NULL ? d->email : "-");
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Organisation:"),
	    d->organisation != NULL ? d->organisation : "-");
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Function:"),
	    person_label(&ui->app->cfg->functions, d->function));
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Login:"), d->login != NULL ? d->login : "-");
	widget_lines_add(l, 1, d->active ? (int)A_NORMAL : ui_attr(ui, UI_COLOUR_ERROR),
	    "%s %s%s", _("Status:"), d->active ? _("active") : _("deactivated"),
	    d->coordinator ? _(", coordinator") : "");
}

static void
person_build_hours(const struct person_page *p, struct widget_lines *l)
{
	struct date today = date_today();
	long tenths = (p->minutes + 3) / 6;
	int year = date_school_year(&today, NULL, NULL);

	if (p->minutes < 0)
		return;
	/* TRANSLATORS: hours with one decimal: the "." is the decimal separator */
	widget_lines_add(l, 1, A_NORMAL, _("Hours this school year (%d–%d): %ld.%ld"), year,
	    year + 1, tenths / 10, tenths % 10);
}

/* The memberships that are (current) or are not current, the selected one marked. */
static void
person_build_groups(struct ui *ui, struct person_page *p, struct widget_lines *l, bool current)
{
	int i, n = 0;

	for (i = 0; i < p->n_groups; i++)
		n += p->groups[i].current == current;
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, current ? _("Current groups (%d)") : _("Past groups (%d)"),
	    n);
	if (n == 0)
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s", _("none"));
	for (i = 0; i < p->n_groups; i++) {
		if (p->groups[i].current != current)
			continue;
		p->groups[i].line = l->n;
		widget_lines_add(l, 2, i == p->selected ? ui_attr(ui, UI_COLOUR_SELECTED) :
		    (int)A_NORMAL, "%s", p->groups[i].text);
	}
}

static void
person_build(struct ui *ui, struct person_page *p, struct widget_lines *l)
{
	int i;

	person_build_contact(ui, p, l);
	person_build_hours(p, l);
	person_build_groups(ui, p, l, true);
	person_build_groups(ui, p, l, false);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, _("Themes registered for (%d)"), p->n_themes);
	if (p->n_themes == 0)
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s", _("none"));
	for (i = 0; i < p->n_themes; i++)
		widget_lines_add(l, 2, A_NORMAL, "%s", p->themes[i]);
}

static void
person_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct person_page *p = s->data;
	struct widget_lines l;

	if (!p->loaded)
		return;
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	person_build(ui, p, &l);
	p->total = l.n;
	p->height = height;
	if (p->follow && p->selected >= 0) {
		int line = p->groups[p->selected].line;

		if (line < p->top)
			p->top = line;
		else if (line >= p->top + height)
			p->top = line - height + 1;
	}
	p->follow = false;
	widget_lines_draw(&l, &p->top, top, height);
	widget_lines_clear(&l);
}

/* Up and Down choose a membership while there is one to go to; else they scroll. */
static bool
person_move(struct person_page *p, enum ui_action a)
{
	if (a == UI_ACTION_UP && p->selected > 0) {
		p->selected--;
		p->follow = true;
		return true;
	}
	if (a == UI_ACTION_DOWN && p->selected >= 0 && p->selected + 1 < p->n_groups) {
		p->selected++;
		p->follow = true;
		return true;
	}
	return widget_lines_scroll(&p->top, p->total, p->height, a);
}

/* ---- deactivate, reactivate, erase ---- */

/* The letter that answers yes in the interface's language. */
static const char *
person_yes_key(void)
{
	/* TRANSLATORS: the key (one lower-case letter) that answers "yes" to a question */
	return _("y");
}

/* Does the key answer yes? y always does, and the language's own letter. */
static bool
person_yes(int code)
{
	const char *yes = person_yes_key();

	if (code == 'y' || code == 'Y')
		return true;
	return code > 0 && code < 0x80 && yes[0] != '\0' && yes[1] == '\0' &&
	    tolower(code) == (unsigned char)yes[0];
}

static bool
person_may_remove(struct ui *ui)
{
	if (access_allows(ui->app->who, ACCESS_PERSON_REMOVE, NULL))
		return true;
	ui_message(ui, true, "%s", _(access_reason(ACCESS_PERSON_REMOVE)));
	return false;
}

/* d: ask before deactivating (or reactivating). */
static void
person_ask_remove(struct ui *ui, struct person_page *p)
{
	const char *yes = person_yes_key();

	if (!person_may_remove(ui))
		return;
	p->ask = p->d.active ? PERSON_ASK_REMOVE : PERSON_ASK_REACTIVATE;
	ui_message(ui, false, p->d.active ?
	    _("Deactivate %s? Their history is kept. (%s = yes, any other key = no)") :
	    _("Reactivate %s? (%s = yes, any other key = no)"), person_name(p), yes);
}

/* The answer was yes: deactivate (or delete, without history) or reactivate. */
static void
person_remove(struct ui *ui, struct screen *s, enum person_ask ask)
{
	struct person_page *p = s->data;
	char *error = NULL, *name = xstrdup(person_name(p));
	int ret;

	if (ask == PERSON_ASK_REACTIVATE)
		ret = store_person_reactivate(ui->app->st, ui->app->who, p->id, p->d.version,
		    &error);
	else
		ret = store_person_remove(ui->app->st, ui->app->who, p->id, p->d.version, &error);
	if (ret < 0)
		person_say(ui, error, "?");
	else if (ask == PERSON_ASK_REACTIVATE)
		ui_message(ui, false, _("%s is active again."), name);
	else if (ret == 1)
		ui_message(ui, false, _("%s had no history and was deleted."), name);
	else
		ui_message(ui, false, _("%s is deactivated; their history is kept."), name);
	if (ret == 1 && ask == PERSON_ASK_REMOVE)
		screen_pop(ui);		/* the person is gone: back to the list */
	else
		person_enter(ui, s);
	free(name);
}

/* The key after a question: yes goes ahead, anything else cancels. */
static bool
person_on_key(struct ui *ui, struct screen *s, int code)
{
	struct person_page *p = s->data;
	enum person_ask ask = p->ask;

	if (ask == PERSON_ASK_NONE)
		return false;
	p->ask = PERSON_ASK_NONE;
	free(ui->message);
	ui->message = NULL;
	if (person_yes(code))
		person_remove(ui, s, ask);
	else
		ui_message(ui, false, "%s", _("Nothing changed."));
	return true;
}

struct person_erase {
	int64_t id;
	int version;
	char *name;
	struct form_field *typed;
};

static void
person_erase_free(void *arg)
{
	struct person_erase *e = arg;

	free(e->name);
	free(e);
}

/* Does typed equal name, ignoring spaces around it? */
static bool
person_same_name(const char *typed, const char *name)
{
	size_t n;

	while (*typed == ' ')
		typed++;
	n = strlen(typed);
	while (n > 0 && typed[n - 1] == ' ')
		n--;
	return n == strlen(name) && strncmp(typed, name, n) == 0;
}

static int
person_erase_submit(struct ui *ui, struct form *f, void *arg)
{
	struct person_erase *e = arg;
	char *error = NULL;

	(void)f;
	if (!person_same_name(form_text(e->typed), e->name)) {
		form_error(e->typed, "%s",
		    _("that is not their name as written; nothing was erased"));
		return -1;
	}
	if (store_person_erase(ui->app->st, ui->app->who, e->id, e->version, &error) != 0) {
		person_say(ui, error, "?");
		return -1;
	}
	ui_message(ui, false, "%s", _("The identity is erased; memberships and hours remain as "
	    "anonymous counts."));
	return 0;
}

/* X: erase the identity, confirmed by typing the name. */
static void
person_erase(struct ui *ui, struct person_page *p)
{
	struct person_erase *e;
	struct form *f;

	if (!person_may_remove(ui))
		return;
	e = xcalloc(1, sizeof *e);
	e->id = p->id;
	e->version = p->d.version;
	e->name = xstrdup(person_name(p));
	f = form_new();
	e->typed = form_add(f, FORM_LINE, _("Their name"), true);
	scr_form_push(ui, N_("Erase a person's identity"), f, person_erase_submit, e,
	    person_erase_free);
	ui_message(ui, false, _("To erase %s for good, type the name and press F2."), e->name);
}

/* ---- the person form (add and edit) ---- */

struct person_form {
	int64_t id;			/* 0 = a new person */
	struct person_detail orig;	/* as read when the edit form opened */
	bool org_by_name;		/* too many organisations for a choice: typed */
	struct form_field *name, *email, *org, *function, *login;
};

static void
person_form_free(void *arg)
{
	struct person_form *pf = arg;

	store_person_detail_clear(&pf->orig);
	free(pf);
}

/* The organisations, read once for the choice (at most PERSON_ORGS_MAX + 1). */
struct person_orgs {
	int64_t *ids;
	char **names;
	int n;
};

static int
person_take_org(const struct org_row *r, void *arg)
{
	struct person_orgs *o = arg;

	o->ids = xreallocarray(o->ids, (size_t)o->n + 1, sizeof *o->ids);
	o->names = xreallocarray(o->names, (size_t)o->n + 1, sizeof *o->names);
	o->ids[o->n] = r->id;
	o->names[o->n++] = xstrdup(r->name != NULL ? r->name : "?");
	return 0;
}

static void
person_orgs_clear(struct person_orgs *o)
{
	int i;

	for (i = 0; i < o->n; i++)
		free(o->names[i]);
	free(o->names);
	free(o->ids);
}

/* The organisation field: a choice of all (or none), or a name to type when there are many. */
static void
person_form_org_field(struct ui *ui, struct form *f, struct person_form *pf)
{
	struct person_orgs o = { NULL, NULL, 0 };
	char *error = NULL, key[32];
	int i;

	if (store_orgs_page(ui->app->st, ui->app->who, NULL, NULL, 0, false, true,
	    PERSON_ORGS_MAX + 1, person_take_org, &o, &error) != 0)
		person_say(ui, error, "?");
	pf->org_by_name = o.n > PERSON_ORGS_MAX;
	if (pf->org_by_name) {
		pf->org = form_add(f, FORM_LINE, _("Organisation (name)"), false);
		form_set_text(pf->org, pf->orig.organisation);
	} else {
		pf->org = form_add(f, FORM_CHOICE, _("Organisation"), false);
		form_add_item(pf->org, "", _("(none)"), true);
		for (i = 0; i < o.n; i++) {
			snprintf(key, sizeof key, "%lld", (long long)o.ids[i]);
			form_add_item(pf->org, key, o.names[i],
			    o.ids[i] == pf->orig.organisation_id);
		}
	}
	person_orgs_clear(&o);
}

/* The function field: none, the config's functions, and a free text kept as it is. */
static void
person_form_function_field(struct ui *ui, struct form *f, struct person_form *pf)
{
	const struct config_items *items = &ui->app->cfg->functions;
	const char *now = pf->orig.function;
	bool known = now == NULL || *now == '\0';
	size_t i;

	pf->function = form_add(f, FORM_CHOICE, _("Function"), false);
	form_add_item(pf->function, "", _("(none)"), true);
	for (i = 0; i < items->n; i++) {
		bool on = now != NULL && strcmp(now, items->v[i].key) == 0;

		form_add_item(pf->function, items->v[i].key, items->v[i].label, on);
		known = known || on;
	}
	if (!known)
		form_add_item(pf->function, now, now, true);
}

static struct form *
person_form_fields(struct ui *ui, struct person_form *pf)
{
	struct form *f = form_new();

	pf->name = form_add(f, FORM_LINE, _("Name"), true);
	pf->name->max_chars = VALIDATE_TITLE_MAX;
	pf->email = form_add(f, FORM_LINE, _("Email"), false);
	pf->email->max_chars = VALIDATE_EMAIL_MAX;
	person_form_org_field(ui, f, pf);
	person_form_function_field(ui, f, pf);
	/* a login is who someone is: a coordinator sets it, not the person themself */
	if (ui->app->who->coordinator) {
		pf->login = form_add(f, FORM_LINE, _("Login (optional)"), false);
		pf->login->max_chars = 64;
		form_set_text(pf->login, pf->orig.login);
	}
	form_set_text(pf->name, pf->orig.name);
	form_set_text(pf->email, pf->orig.email);
	return f;
}

/* The organisation chosen or typed: 0 with *id (0 = none), or -1 with a field error. */
static int
person_form_org(struct ui *ui, struct person_form *pf, int64_t *id)
{
	const char *text = pf->org_by_name ? form_text(pf->org) : form_choice(pf->org);
	char *error = NULL, *name;
	size_t n;
	int ret;

	*id = 0;
	while (text != NULL && *text == ' ')
		text++;
	if (text == NULL || *text == '\0')
		return 0;
	if (!pf->org_by_name) {
		*id = strtoll(text, NULL, 10);
		return 0;
	}
	/* the name as typed, without the spaces around it */
	for (n = strlen(text); n > 0 && text[n - 1] == ' '; n--)
		;
	name = xstrndup(text, n);
	ret = store_org_by_name(ui->app->st, name, id, &error);
	free(name);
	if (ret == 1)
		return 0;
	form_error(pf->org, "%s", ret == 0 ? _("no organisation has this name") :
	    error != NULL ? error : "?");
	free(error);
	return -1;
}

/* An optional text: NULL when empty. */
static const char *
person_form_optional(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* The email as it will be stored (normalised, owned, NULL = none), or -1 with a field error. */
static int
person_form_email(struct person_form *pf, char **out)
{
	char *email = email_normalise(form_text(pf->email));
	const char *why;

	*out = NULL;
	if (email == NULL || *email == '\0') {
		free(email);
		return 0;
	}
	if ((why = validate_email(email)) != NULL) {
		form_error(pf->email, "%s", _(why));
		free(email);
		return -1;
	}
	*out = email;
	return 0;
}

/* Does a store message start with "label:"? Then the rest belongs at that field. */
static const char *
person_form_at(const char *error, const char *label)
{
	size_t n = strlen(label);

	if (strncmp(error, label, n) != 0 || error[n] != ':')
		return NULL;
	return error + n + 1 + (error[n + 1] == ' ');
}

/* A refusal of the store at its field (name, email, login) or as a message; frees error. */
static int
person_form_refused(struct ui *ui, struct form *f, struct person_form *pf, int ret, char *error)
{
	struct form_field *fields[3] = { pf->name, pf->email, pf->login };
	const char *labels[3] = { _("name"), _("email"), _("login") }, *rest;
	int i;

	for (i = 0; ret == STORE_INVALID && error != NULL && i < 3; i++) {
		if (fields[i] != NULL && (rest = person_form_at(error, labels[i])) != NULL) {
			form_error(fields[i], "%s", rest);
			form_focus(f, fields[i]);
			free(error);
			return -1;
		}
	}
	person_say(ui, error, "?");
	return ret == STORE_DENIED ? 0 : -1;
}

/* Someone saved the person meanwhile: show their values, keep ours, take their version. */
static int
person_form_conflict(struct ui *ui, struct person_form *pf)
{
	struct person_detail now;
	char *error = NULL;

	if (store_person_get(ui->app->st, ui->app->who, pf->id, &now, &error) != 1) {
		person_say(ui, error, _("That person no longer exists."));
		return 0;
	}
	widget_mark_changed(pf->name, pf->orig.name, now.name);
	widget_mark_changed(pf->email, pf->orig.email, now.email);
	widget_mark_changed(pf->org, pf->orig.organisation, now.organisation);
	widget_mark_changed(pf->function, person_label(&ui->app->cfg->functions,
	    pf->orig.function), person_label(&ui->app->cfg->functions, now.function));
	if (pf->login != NULL)
		widget_mark_changed(pf->login, pf->orig.login, now.login);
	widget_conflict_message(ui, "person", pf->id);
	store_person_detail_clear(&pf->orig);
	pf->orig = now;
	return -1;
}

/* Save a new person (id 0) or the changes: 0 or a store result with *error. */
static int
person_form_save(struct ui *ui, struct person_form *pf, const struct person_new *n,
    char **error)
{
	struct person_detail d;
	int64_t id;

	if (pf->id == 0)
		return store_person_add(ui->app->st, ui->app->who, n, &id, error);
	d = pf->orig;
	d.name = (char *)n->name;
	d.email = (char *)n->email;
	d.organisation_id = n->organisation_id;
	d.function = (char *)n->function;
	d.login = (char *)n->login;
	return store_person_update(ui->app->st, ui->app->who, &d, error);
}

static int
person_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct person_form *pf = arg;
	struct person_new n;
	char *email = NULL, *error = NULL;
	int ret;

	memset(&n, 0, sizeof n);
	if (person_form_email(pf, &email) != 0 || person_form_org(ui, pf, &n.organisation_id) != 0)
		return -1;
	n.name = form_text(pf->name);
	n.email = email;
	n.function = person_form_optional(form_choice(pf->function));
	n.login = pf->login != NULL ? person_form_optional(form_text(pf->login)) : pf->orig.login;
	ret = person_form_save(ui, pf, &n, &error);
	if (ret == 0)
		ui_message(ui, false, pf->id == 0 ? _("Added: %s") : _("Saved: %s"), n.name);
	free(email);
	if (ret == STORE_CONFLICT) {
		free(error);
		return person_form_conflict(ui, pf);
	}
	return ret == 0 ? 0 : person_form_refused(ui, f, pf, ret, error);
}

void
scr_person_add(struct ui *ui)
{
	struct person_form *pf;

	if (!access_allows(ui->app->who, ACCESS_PERSON_ADD, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_PERSON_ADD)));
		return;
	}
	pf = xcalloc(1, sizeof *pf);
	scr_form_push(ui, N_("Add a person"), person_form_fields(ui, pf), person_form_submit, pf,
	    person_form_free);
}

/* e: edit, as the person themself or a coordinator. */
static void
person_edit(struct ui *ui, struct person_page *p)
{
	struct access_ctx ctx = { .owner_id = p->id };
	struct person_form *pf;
	char *error = NULL;

	if (!access_allows(ui->app->who, ACCESS_PERSON_EDIT, &ctx)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_PERSON_EDIT)));
		return;
	}
	pf = xcalloc(1, sizeof *pf);
	pf->id = p->id;
	if (store_person_get(ui->app->st, ui->app->who, p->id, &pf->orig, &error) != 1) {
		person_say(ui, error, _("That person no longer exists."));
		person_form_free(pf);
		return;
	}
	scr_form_push(ui, N_("Edit person"), person_form_fields(ui, pf), person_form_submit, pf,
	    person_form_free);
}

/* ---- add to a group: a picker, then role and start ---- */

struct person_join {
	int64_t person_id, group_id;
	char *person_name, *group_name;
	struct form_field *role, *start;
};

static void
person_join_free(void *arg)
{
	struct person_join *j = arg;

	free(j->person_name);
	free(j->group_name);
	free(j);
}

static int
person_join_submit(struct ui *ui, struct form *f, void *arg)
{
	struct person_join *j = arg;
	const char *role = form_choice(j->role);
	char *error = NULL, day[DATE_ISO_LEN];
	struct date start;
	int ret;

	(void)f;
	if (form_date(j->start, &start) != 0) {
		form_error(j->start, "%s", _("not a date: use dd-mm-yyyy"));
		return -1;
	}
	ret = store_roster_add(ui->app->st, ui->app->who, j->group_id, j->person_id, role, &start,
	    &error);
	if (ret != 0) {
		person_say(ui, error, "?");
		return ret == STORE_DENIED ? 0 : -1;
	}
	ui_message(ui, false, _("%s is in %s as %s from %s."), j->person_name, j->group_name,
	    person_role_label(ui, role), date_format_nl(&start, day));
	return 0;
}

/* The form after the picker: the group (fixed), a role and a start date. */
static void
person_join_form(struct ui *ui, struct person_join *j)
{
	const struct config_items *roles = &ui->app->cfg->roles;
	struct form *f = form_new();
	struct form_field *group;
	struct date today = date_today();
	char day[DATE_ISO_LEN];
	size_t i;

	group = form_add(f, FORM_CHOICE, _("Group"), false);
	form_add_item(group, "", j->group_name, true);
	j->role = form_add(f, FORM_CHOICE, _("Role"), true);
	for (i = 0; i < roles->n; i++)
		form_add_item(j->role, roles->v[i].key, roles->v[i].label,
		    strcmp(roles->v[i].key, "member") == 0);
	j->start = form_add(f, FORM_DATE, _("Start"), true);
	form_set_text(j->start, date_format_nl(&today, day));
	scr_form_push(ui, N_("Add to a group"), f, person_join_submit, j, person_join_free);
	form_focus(f, j->role);
}

struct person_pick_row {
	int64_t id;
	char *name, *type, *status;
	int members;
};

struct person_pick {
	struct ui *ui;
	int64_t person_id;
	char *person_name;
	struct vlist list;
	struct group_filter filter;
	struct widget_search search;
};

static const enum ui_action person_pick_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
person_pick_row_free(void *p)
{
	struct person_pick_row *r = p;

	free(r->name);
	free(r->type);
	free(r->status);
	free(r);
}

static bool
person_pick_row_same(const void *a, const void *b)
{
	return ((const struct person_pick_row *)a)->id == ((const struct person_pick_row *)b)->id;
}

static int
person_pick_take(const struct group_list_row *r, void *arg)
{
	struct person_pick_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->name = xstrdup(r->name != NULL ? r->name : "");
	c->type = xstrdup(r->type != NULL ? r->type : "");
	c->status = xstrdup(r->status != NULL ? r->status : "");
	c->members = r->members;
	vlist_page_add(arg, c);
	return 0;
}

static int
person_pick_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct person_pick *k = ctx;
	const struct person_pick_row *a = anchor;
	struct date today = date_today();

	return store_groups_page(k->ui->app->st, k->ui->app->who, &k->filter, &today,
	    a != NULL ? a->name : NULL, a != NULL ? a->id : 0, inclusive, forward, limit,
	    person_pick_take, page, error);
}

static void
person_pick_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct person_pick_row *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	int type_w = width >= 90 ? 30 : 0, status_w = 14, name_w = width - type_w - status_w - 10;
	char members[16];

	(void)ctx;
	snprintf(members, sizeof members, "%5d", r->members);
	widget_text(y, x, width, "", attr);
	widget_text(y, x + 1, name_w, r->name, attr);
	x += name_w + 2;
	if (type_w > 0)
		widget_text(y, x, type_w, widget_group_type_label(ui, r->type), attr);
	x += type_w > 0 ? type_w + 1 : 0;
	widget_text(y, x, status_w, _(domain_group_status_label(r->status)), attr);
	widget_text(y, x + status_w + 1, 5, members, attr);
}

static const struct vlist_ops person_pick_vlist_ops = {
	.fetch = person_pick_fetch,
	.draw = person_pick_draw_row,
	.free_row = person_pick_row_free,
	.same = person_pick_row_same,
};

static void
person_pick_reload(struct ui *ui, struct person_pick *k, bool from_start)
{
	k->filter.search = k->search.text[0] != '\0' ? k->search.text : NULL;
	if (vlist_reload(&k->list, k->list.height > 0 ? k->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", k->list.error);
	ui->dirty = true;
}

static void
person_pick_enter(struct ui *ui, struct screen *s)
{
	struct person_pick *k = s->data;

	person_pick_reload(ui, k, false);
	s->list = &k->list;
}

static void
person_pick_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct person_pick *k = s->data;
	char *line = xasprintf(_("Add %s to which group? Type part of its name; Enter chooses."),
	    k->person_name);

	widget_text(top, 1, COLS - 2, line, A_BOLD);
	free(line);
	widget_search_draw(ui, &k->search, top + 1, 1, COLS - 2);
	if (k->list.height != height - 3) {
		k->list.height = height - 3;
		person_pick_reload(ui, k, false);
	}
	if (k->list.n == 0)
		widget_text(top + 3, 1, COLS - 2, _("No group matches."),
		    ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&k->list, ui, top + 3, 0, COLS);
}

/* Enter on a group: the picker goes, the form with role and start comes. */
static void
person_pick_choose(struct ui *ui, struct person_pick *k)
{
	struct person_pick_row *r = vlist_selected(&k->list);
	struct person_join *j;

	if (r == NULL)
		return;
	j = xcalloc(1, sizeof *j);
	j->person_id = k->person_id;
	j->group_id = r->id;
	j->person_name = xstrdup(k->person_name);
	j->group_name = xstrdup(r->name);
	screen_pop(ui);		/* frees k */
	person_join_form(ui, j);
}

/* Keys while picking: Enter chooses and the arrows move, even while typing. */
static bool
person_pick_on_key(struct ui *ui, struct screen *s, int code)
{
	struct person_pick *k = s->data;
	enum ui_action a = keys_action(code);
	bool changed;

	if (code == '\r' || code == '\n' || code == KEYS_FN(KEY_ENTER)) {
		person_pick_choose(ui, k);
		return true;
	}
	if (code >= KEYS_FN(0) && vlist_action(&k->list, a))
		return true;
	if (!widget_search_key(&k->search, code, &changed))
		return false;
	if (changed)
		person_pick_reload(ui, k, true);
	return true;
}

static bool
person_pick_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct person_pick *k = s->data;

	if (vlist_action(&k->list, a))
		return true;
	switch (a) {
	case UI_ACTION_SEARCH:
		k->search.active = true;
		return true;
	case UI_ACTION_OPEN:
		person_pick_choose(ui, k);
		return true;
	default:
		return false;
	}
}

static void
person_pick_free(struct screen *s)
{
	struct person_pick *k = s->data;

	vlist_clear(&k->list);
	free(k->person_name);
	free(k);
}

static const struct screen_ops person_pick_ops = {
	.name = N_("Add to a group"),
	.enter = person_pick_enter,
	.draw = person_pick_draw,
	.on_key = person_pick_on_key,
	.on_action = person_pick_on_action,
	.hints = person_pick_hints,
	.free = person_pick_free,
};

/* +: add this person to a group. */
static void
person_add_to_group(struct ui *ui, struct person_page *p)
{
	struct person_pick *k;

	if (!p->d.active) {
		ui_message(ui, true, "%s", _("A deactivated person cannot join a group; "
		    "reactivate them first."));
		return;
	}
	k = xcalloc(1, sizeof *k);
	k->ui = ui;
	k->person_id = p->id;
	k->person_name = xstrdup(person_name(p));
	k->search.active = true;
	vlist_init(&k->list, &person_pick_vlist_ops, k);
	screen_push(ui, &person_pick_ops, k);
}

/* ---- the page's actions ---- */

/* A change to someone whose identity was erased: say there is nothing to change. */
static bool
person_erased_refusal(struct ui *ui, const struct person_page *p, enum ui_action a)
{
	if (!p->d.erased || (a != UI_ACTION_EDIT && a != UI_ACTION_REMOVE &&
	    a != UI_ACTION_ERASE && a != UI_ACTION_ADD_MEMBER))
		return false;
	ui_message(ui, true, "%s",
	    _("This person's identity was erased: nothing here can change."));
	return true;
}

static bool
person_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct person_page *p = s->data;

	if (person_move(p, a))
		return true;
	if (!p->loaded)
		return false;
	if (person_erased_refusal(ui, p, a))
		return true;
	switch (a) {
	case UI_ACTION_OPEN:
		if (p->selected >= 0 && p->selected < p->n_groups)
			scr_group_push(ui, p->groups[p->selected].group_id);
		return true;
	case UI_ACTION_EDIT:
		person_edit(ui, p);
		return true;
	case UI_ACTION_REMOVE:
		person_ask_remove(ui, p);
		return true;
	case UI_ACTION_ERASE:
		person_erase(ui, p);
		return true;
	case UI_ACTION_ADD_MEMBER:
		person_add_to_group(ui, p);
		return true;
	default:
		return false;
	}
}

static void
person_free(struct screen *s)
{
	struct person_page *p = s->data;

	person_page_clear(p);
	free(p);
}

/* The same page three times: the hint bar offers each person the keys they may use. */
#define PERSON_OPS(hint_list) { \
	.name = N_("Person"), \
	.enter = person_enter, \
	.draw = person_draw, \
	.on_key = person_on_key, \
	.on_action = person_on_action, \
	.hints = hint_list, \
	.free = person_free, \
}
static const struct screen_ops person_ops = PERSON_OPS(person_hints);
static const struct screen_ops person_ops_self = PERSON_OPS(person_hints_self);
static const struct screen_ops person_ops_coordinator = PERSON_OPS(person_hints_coordinator);

void
scr_person_push(struct ui *ui, int64_t id)
{
	const struct actor *who = ui->app->who;
	struct person_page *p = xcalloc(1, sizeof *p);
	const struct screen_ops *ops = &person_ops;

	p->id = id;
	p->selected = -1;
	p->minutes = -1;
	if (store_read_only(ui->app->st))
		ops = &person_ops;
	else if (who->coordinator)
		ops = &person_ops_coordinator;
	else if (!actor_is_visitor(who) && who->person_id == id)
		ops = &person_ops_self;
	screen_push(ui, ops, p);
}
