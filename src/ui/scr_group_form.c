/*
 * scr_group_form.c — forming a group, from a theme or from scratch.
 *
 * Fields: type, name, question, orientation, start, planned end, rhythm,
 * hours norm, proposal reference, leads and members (ticked from the
 * theme's registrations, all members preselected), and a lead by login.
 * The type's rules (core/rules.h) are checked at the fields; a group and its
 * memberships are saved in one transaction (store_group_form).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/scr_themes.h"
#include "ui/widgets.h"

struct group_form {
	int64_t theme_id;
	struct form_field *type, *name, *question, *orientation, *start, *end, *rhythm;
	struct form_field *hours, *proposal, *leads, *members, *other_lead;
};

struct group_form_regs {
	struct form_field *leads, *members;
};

static int
group_form_take_reg(const struct interest_row *r, void *arg)
{
	struct group_form_regs *g = arg;
	char key[32];

	snprintf(key, sizeof key, "%lld", (long long)r->person_id);
	form_add_item(g->leads, key, r->name, false);
	form_add_item(g->members, key, r->name, true);
	return 0;
}

/* Ids of the ticked items of a CHECKS field; allocated, count in *n. */
static int64_t *
group_form_ticked(const struct form_field *f, size_t *n)
{
	int64_t *ids = xcalloc(f->n_items + 1, sizeof *ids);
	size_t i;

	*n = 0;
	for (i = 0; i < f->n_items; i++) {
		if (f->items[i].on)
			ids[(*n)++] = strtoll(f->items[i].key, NULL, 10);
	}
	return ids;
}

/* Check the type's rules at the fields; 0 when the group may be formed. */
static int
group_form_rules(struct ui *ui, struct form *f, struct group_form *gf,
    const struct group_new *g, size_t n_leads, size_t n_people)
{
	const struct config_group_type *t = config_group_type(ui->app->cfg, g->type);
	struct rules_group_plan plan;
	const char *error, *warning;
	int months = 0;

	memset(&plan, 0, sizeof plan);
	plan.start = g->start_on;
	plan.planned_end = g->planned_end_on;
	plan.min_months = t != NULL ? t->min_months : 0;
	plan.max_months = t != NULL ? t->max_months : 1200;
	plan.needs_proposal = t != NULL && t->needs_proposal;
	plan.proposal_ref = g->proposal_ref;
	plan.leads = (int)n_leads;
	plan.members = (int)n_people;
	plan.threshold = t != NULL ? t->interest_threshold : 0;
	if (rules_group_check(&plan, &error, &warning, &months) != 0) {
		struct form_field *at = strstr(error, "proposal") != NULL ? gf->proposal :
		    strstr(error, "lead") != NULL ? gf->leads : gf->end;

		char *msg = widget_format_number(_(error), months);

		form_error(at, "%s", msg);
		form_focus(f, at);
		free(msg);
		return -1;
	}
	if (warning != NULL) {
		char *msg = widget_format_number(_(warning), months);

		ui_message(ui, false, "%s", msg);
		free(msg);
	}
	return 0;
}

/* Resolve the optional lead given by login or email into *id (0 = none). */
static int
group_form_other_lead(struct ui *ui, struct group_form *gf, int64_t *id)
{
	const char *text = form_text(gf->other_lead);
	char *name = NULL, *error = NULL;
	int ret;

	*id = 0;
	if (text == NULL || *text == '\0')
		return 0;
	ret = store_person_lookup(ui->app->st, text, id, &name, &error);
	free(name);
	if (ret == 1)
		return 0;
	form_error(gf->other_lead, "%s", error != NULL ? error :
	    _("nobody has that login or email"));
	free(error);
	return -1;
}

/* Read the plain fields into g (strings borrowed from the form). */
static void
group_form_read(struct group_form *gf, struct group_new *g)
{
	memset(g, 0, sizeof *g);
	g->type = form_choice(gf->type);
	g->name = form_text(gf->name);
	g->question = form_text(gf->question);
	g->orientation = form_choice(gf->orientation);
	g->theme_id = gf->theme_id;
	form_date(gf->start, &g->start_on);
	form_date(gf->end, &g->planned_end_on);
	g->rhythm = form_text(gf->rhythm);
	form_number(gf->hours, &g->hours_norm);
	g->proposal_ref = form_text(gf->proposal);
	g->status = "forming";
}

static int
group_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct group_form *gf = arg;
	size_t n_leads, n_members;
	int64_t *leads, *members, other, id;
	struct group_new g;
	char *error = NULL;
	int ret = -1;

	group_form_read(gf, &g);
	if (group_form_other_lead(ui, gf, &other) != 0)
		return -1;
	leads = group_form_ticked(gf->leads, &n_leads);
	members = group_form_ticked(gf->members, &n_members);
	if (other != 0)
		leads[n_leads++] = other;
	if (group_form_rules(ui, f, gf, &g, n_leads, n_members + (other != 0)) != 0)
		goto out;
	if (store_group_form(ui->app->st, ui->app->who, &g, leads, n_leads, members, n_members,
	    &id, &error) != 0) {
		form_error(gf->name, "%s", error != NULL ? error : "?");
		form_focus(f, gf->name);
		free(error);
		goto out;
	}
	if (ui->message == NULL)
		ui_message(ui, false, _("Group formed: %s"), g.name);
	ret = 0;
out:
	free(leads);
	free(members);
	return ret;
}

/* Fill the choices of type and orientation from the config. */
static void
group_form_choices(struct ui *ui, struct group_form *gf, const struct theme_detail *t)
{
	const struct config *cfg = ui->app->cfg;
	size_t i;

	for (i = 0; i < cfg->n_group_types; i++) {
		form_add_item(gf->type, cfg->group_types[i].key, cfg->group_types[i].label, false);
		if (t != NULL && t->group_type != NULL &&
		    strcmp(t->group_type, cfg->group_types[i].key) == 0)
			gf->type->choice = (int)i;
	}
	for (i = 0; i < cfg->orientations.n; i++) {
		form_add_item(gf->orientation, cfg->orientations.v[i].key,
		    cfg->orientations.v[i].label, false);
		if (t != NULL && t->orientation != NULL &&
		    strcmp(t->orientation, cfg->orientations.v[i].key) == 0)
			gf->orientation->choice = (int)i;
	}
}

/* Sensible first values: the theme's title, today, the type's norm. */
static void
group_form_defaults(struct ui *ui, struct group_form *gf, const struct theme_detail *t)
{
	const struct config_group_type *type =
	    config_group_type(ui->app->cfg, form_choice(gf->type));
	struct date today = date_today();
	char buf[DATE_ISO_LEN], hours[16];

	form_set_text(gf->name, t != NULL ? t->title : NULL);
	form_set_text(gf->start, date_format_nl(&today, buf));
	snprintf(hours, sizeof hours, "%d", type != NULL ? type->hours_norm : 0);
	form_set_text(gf->hours, hours);
}

static struct form *
group_form_fields(struct ui *ui, struct group_form *gf, const struct theme_detail *t)
{
	struct form *f = form_new();
	struct group_form_regs regs;
	char *error = NULL;

	gf->type = form_add(f, FORM_CHOICE, _("Group type"), true);
	gf->name = form_add(f, FORM_LINE, _("Name"), true);
	gf->name->max_chars = 200;
	gf->question = form_add(f, FORM_TEXT, _("Learning or research question"), false);
	gf->orientation = form_add(f, FORM_CHOICE, _("Orientation"), false);
	gf->start = form_add(f, FORM_DATE, _("Start"), true);
	gf->end = form_add(f, FORM_DATE, _("Planned end"), true);
	gf->rhythm = form_add(f, FORM_LINE, _("Planned rhythm"), false);
	gf->hours = form_add(f, FORM_NUMBER, _("Hours norm per year"), true);
	gf->hours->min = 0;
	gf->hours->max = 2000;
	gf->proposal = form_add(f, FORM_LINE, _("Approved proposal (ref.)"), false);
	gf->leads = form_add(f, FORM_CHECKS, _("Leads"), false);
	gf->other_lead = form_add(f, FORM_LINE, _("Other lead (login or email)"), false);
	gf->members = form_add(f, FORM_CHECKS, _("Members"), false);
	group_form_choices(ui, gf, t);
	group_form_defaults(ui, gf, t);
	regs.leads = gf->leads;
	regs.members = gf->members;
	if (t != NULL && store_interest_each(ui->app->st, ui->app->who, t->id,
	    group_form_take_reg, &regs, &error) != 0) {
		ui_message(ui, true, "%s", error);
		free(error);
	}
	return f;
}

void
scr_group_form_push(struct ui *ui, int64_t theme_id)
{
	struct group_form *gf;
	struct theme_detail t;
	char *error = NULL;
	bool have = false;

	if (!access_allows(ui->app->who, ACCESS_GROUP_FORM, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_GROUP_FORM)));
		return;
	}
	if (theme_id != 0 && store_theme_get(ui->app->st, ui->app->who, theme_id, &t, &error) == 1)
		have = true;
	free(error);
	gf = xcalloc(1, sizeof *gf);
	gf->theme_id = have ? theme_id : 0;
	scr_form_push(ui, N_("Form a group"), group_form_fields(ui, gf, have ? &t : NULL),
	    group_form_submit, gf, free);
	if (have)
		store_theme_detail_clear(&t);
}
