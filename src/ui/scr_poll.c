/*
 * scr_poll.c — date polls: the polls of a group (or of all my groups), a
 * poll's grid of answers, proposing one, answering, picking.
 *
 * The lead proposes candidate slots, one per line ("14-01-2027 15:00-17:00");
 * each member answers for themself with 1 yes, 2 maybe, 3 no; the grid shows
 * every member's answer per slot with the counts; the lead picks a slot with
 * Enter, which closes the poll and plans the meeting (answers are kept), or
 * closes it without a date with D.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/widgets.h"

#define POLL_SLOTS_MAX 20

/* ---- the list ---- */

struct polls_item {
	int64_t id;
	char *line;
};

struct polls {
	int64_t group_id;
	struct polls_item *v;
	int n;
};

static int
polls_take(const struct poll_row *r, void *arg)
{
	struct polls *p = arg;
	char *answered = widget_format_number(P_("%d answered", "%d answered", r->answers),
	    r->answers);

	p->v = xreallocarray(p->v, (size_t)p->n + 1, sizeof *p->v);
	p->v[p->n].id = r->id;
	p->v[p->n++].line = xasprintf("%-16s %-30.30s  %s  %s", strcmp(r->status, "open") == 0 ?
	    _("open for answers") : _("closed"), r->title, r->group_name, answered);
	free(answered);
	return 0;
}

static void
polls_clear(struct polls *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].line);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

static void
polls_enter(struct ui *ui, struct screen *s)
{
	struct polls *p = s->data;
	char *error = NULL;

	polls_clear(p);
	if (store_polls_list(ui->app->st, ui->app->who, p->group_id, polls_take, p, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not read the date polls"));
		free(error);
	}
	if (s->selected >= p->n)
		s->selected = p->n > 0 ? p->n - 1 : 0;
}

static void
polls_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct polls *p = s->data;
	int i, row;

	s->height = height;
	if (p->n == 0) {
		widget_text(top + 1, 2, COLS - 4, _("No date polls yet. n proposes one: candidate "
		    "dates that the members answer."), A_NORMAL);
		return;
	}
	if (s->selected < s->top)
		s->top = s->selected;
	if (s->selected >= s->top + height)
		s->top = s->selected - height + 1;
	for (i = s->top, row = top; i < p->n && row < top + height; i++, row++)
		widget_text(row, 1, COLS - 2, p->v[i].line,
		    i == s->selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL);
}

static void scr_poll_push(struct ui *ui, int64_t poll_id);
static void poll_new(struct ui *ui, int64_t group_id);

static bool
polls_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct polls *p = s->data;

	switch (a) {
	case UI_ACTION_DOWN:
		if (s->selected + 1 < p->n)
			s->selected++;
		return true;
	case UI_ACTION_UP:
		if (s->selected > 0)
			s->selected--;
		return true;
	case UI_ACTION_OPEN:
		if (p->n > 0)
			scr_poll_push(ui, p->v[s->selected].id);
		return true;
	case UI_ACTION_NEW:
		poll_new(ui, p->group_id);
		return true;
	default:
		return false;
	}
}

static void
polls_free(struct screen *s)
{
	polls_clear(s->data);
	free(s->data);
}

static const enum ui_action polls_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static const struct screen_ops scr_polls_ops = {
	.name = N_("Date polls"),
	.enter = polls_enter,
	.draw = polls_draw,
	.on_action = polls_on_action,
	.hints = polls_hints,
	.free = polls_free,
};

void
scr_polls_push(struct ui *ui, int64_t group_id)
{
	struct polls *p = xcalloc(1, sizeof *p);

	p->group_id = group_id;
	screen_push(ui, &scr_polls_ops, p);
}

/* ---- proposing ---- */

struct poll_form {
	int64_t group_id;
	struct form_field *group, *title, *slots;
};

/* Parse the slot lines; 0, or -1 with the field's error set. */
static int
poll_form_slots(struct form_field *fld, struct poll_slot_new *out, size_t *n)
{
	char *text = xstrdup(form_text(fld)), *line, *save = NULL, *sp;
	int no = 0;

	*n = 0;
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		no++;
		while (*line == ' ')
			line++;
		if (*line == '\0')
			continue;
		if (*n == POLL_SLOTS_MAX) {
			form_error(fld, _("at most %d slots"), POLL_SLOTS_MAX);
			free(text);
			return -1;
		}
		sp = strchr(line, ' ');
		if (sp != NULL)
			*sp++ = '\0';
		if (sp == NULL || date_parse(line, &out[*n].day) != 0 ||
		    calendar_parse_times(sp, &out[*n].start_min, &out[*n].end_min) != 0) {
			form_error(fld, _("line %d: type a date and times, such as "
			    "14-01-2027 15:00-17:00"), no);
			free(text);
			return -1;
		}
		(*n)++;
	}
	free(text);
	if (*n < 2) {
		form_error(fld, "%s", _("propose at least two slots, one per line"));
		return -1;
	}
	return 0;
}

static int
poll_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct poll_form *pf = arg;
	struct poll_slot_new slots[POLL_SLOTS_MAX];
	int64_t group = pf->group_id, id = 0;
	char *error = NULL;
	size_t n;

	(void)f;
	if (pf->group != NULL) {
		if (form_choice(pf->group) == NULL) {
			form_error(pf->group, "%s", _("choose a group"));
			return 1;
		}
		group = strtoll(form_choice(pf->group), NULL, 10);
	}
	if (poll_form_slots(pf->slots, slots, &n) != 0)
		return 1;
	if (store_poll_create(ui->app->st, ui->app->who, group, form_text(pf->title), slots, n, &id,
	    &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not save the date poll"));
		free(error);
		return 1;
	}
	ui_message(ui, false, "%s", _("The date poll is open: members answer it under u."));
	return 0;
}

static void
poll_new(struct ui *ui, int64_t group_id)
{
	struct poll_form *pf;
	struct form *f;
	int n;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("This database is read-only."));
		return;
	}
	pf = xcalloc(1, sizeof *pf);
	pf->group_id = group_id;
	f = form_new();
	if (group_id == 0) {
		pf->group = form_add(f, FORM_CHOICE, _("Group"), true);
		if ((n = widget_groups_led(ui, pf->group, 0)) <= 0) {
			if (n == 0)
				ui_message(ui, true, "%s", _("Only the lead of a group proposes a date "
				    "poll, and you lead no group."));
			form_free(f);
			free(pf);
			return;
		}
	}
	pf->title = form_add(f, FORM_LINE, _("Title"), true);
	pf->title->max_chars = 200;
	pf->slots = form_add(f, FORM_TEXT, _("Slots, one per line: date start-end"), true);
	scr_form_push(ui, N_("Propose a date poll"), f, poll_form_submit, pf, free);
}

/* ---- one poll ---- */

struct poll_view {
	int64_t id;
	struct poll_grid g;
	bool loaded;
	char hint[256];
};

/* The grid's hint bar: the poll's own words for the choice keys. */
static const struct {
	enum ui_action a;
	const char *label;
} poll_hint_items[] = {
	{ UI_ACTION_CHOICE_1, N_("yes") }, { UI_ACTION_CHOICE_2, N_("maybe") },
	{ UI_ACTION_CHOICE_3, N_("no") }, { UI_ACTION_OPEN, N_("pick the date") },
	{ UI_ACTION_FINISH, N_("close") }, { UI_ACTION_BACK, N_("back") },
};

static void
poll_enter(struct ui *ui, struct screen *s)
{
	struct poll_view *v = s->data;
	char *error = NULL;
	int rc;

	poll_grid_clear(&v->g);
	rc = store_poll_get(ui->app->st, ui->app->who, v->id, &v->g, &error);
	v->loaded = rc == 1;
	if (rc <= 0) {
		ui_message(ui, true, "%s", rc == 0 ? _("The date poll no longer exists.") :
		    (error != NULL ? error : _("could not read the date poll")));
		free(error);
	}
	if (s->selected >= (int)v->g.n_slots)
		s->selected = v->g.n_slots > 0 ? (int)v->g.n_slots - 1 : 0;
}

static const char *
poll_answer_mark(char a)
{
	switch (a) {
	case 'y': return _("yes");
	case 'm': return _("maybe");
	case 'n': return _("no");
	default: return "·";
	}
}

static void
poll_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct poll_view *v = s->data;
	struct poll_grid *g = &v->g;
	struct date d;
	const char *labels[3] = { _("yes"), _("maybe"), _("no") };
	char line[1024], day[DATE_ISO_LEN], head[64];
	size_t i, p;
	int row = top, col, start, cell = 7, first_col, attr, w = 3, k, x, counts[3];

	s->height = height;
	if (!v->loaded)
		return;
	snprintf(line, sizeof line, "%s — %s (%s)", g->title, g->group_name,
	    strcmp(g->status, "open") == 0 ? _("open for answers") : _("closed"));
	widget_text(row++, 1, COLS - 2, line, (int)A_BOLD);
	/* the count columns are as wide as their translated headings */
	for (k = 0; k < 3; k++) {
		if (text_width(labels[k]) > w)
			w = text_width(labels[k]) > 12 ? 12 : text_width(labels[k]);
	}
	first_col = 1 + 22 + 3 * (w + 1) + 2;
	widget_text(row, 1, 22, _("slot"), ui_attr(ui, UI_COLOUR_DIM));
	for (k = 0, x = 24; k < 3; k++, x += w + 1) {
		text_fit(labels[k], w, 0, head, sizeof head);
		widget_text(row, x + w - text_width(head), text_width(head), head,
		    ui_attr(ui, UI_COLOUR_DIM));
	}
	/* the people's names cut to a cell, as many as fit */
	for (p = 0, col = first_col; p < g->n_people && col + cell <= COLS; p++, col += cell) {
		text_fit(g->person_names[p], cell - 1, 0, head, sizeof head);
		widget_text(row, col, cell - 1, head, (int)p == g->me ? (int)A_BOLD :
		    ui_attr(ui, UI_COLOUR_DIM));
	}
	row++;
	for (i = 0; i < g->n_slots && row < top + height - 2; i++, row++) {
		(void)datetime_parse_iso(g->slot_starts[i], &d, &start);
		attr = (int)i == s->selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
		widget_text(row, 0, COLS, "", attr);
		snprintf(line, sizeof line, "%s %.5s–%.5s", date_format_nl(&d, day),
		    g->slot_starts[i] + 11, g->slot_ends[i] + 11);
		widget_text(row, 1, 22, line, attr);
		counts[0] = g->yes[i];
		counts[1] = g->maybe[i];
		counts[2] = g->no[i];
		for (k = 0, x = 24; k < 3; k++, x += w + 1) {
			snprintf(head, sizeof head, "%*d", w, counts[k]);
			widget_text(row, x, w, head, attr);
		}
		for (p = 0, col = first_col; p < g->n_people && col + cell <= COLS; p++, col += cell)
			widget_text(row, col, cell - 1,
			    poll_answer_mark(g->answers[i * g->n_people + p]), attr);
	}
	row++;
	if (row < top + height) {
		if (strcmp(g->status, "open") != 0)
			snprintf(line, sizeof line, "%s", _("Closed: the answers are kept as they were."));
		else if (g->me >= 0 && g->can_pick)
			snprintf(line, sizeof line, "%s", _("1 yes, 2 maybe, 3 no for the selected slot; "
			    "Enter picks it as the date; D closes without a date."));
		else if (g->me >= 0)
			snprintf(line, sizeof line, "%s", _("1 yes, 2 maybe, 3 no for the selected slot."));
		else if (g->can_pick)
			snprintf(line, sizeof line, "%s", _("Only members of the group answer; Enter "
			    "picks the selected slot as the date; D closes without a date."));
		else
			snprintf(line, sizeof line, "%s", _("Only members of the group answer."));
		widget_text(row, 1, COLS - 2, line, ui_attr(ui, UI_COLOUR_DIM));
	}
}

static void
poll_answer(struct ui *ui, struct screen *s, const char *answer)
{
	struct poll_view *v = s->data;
	char *error = NULL;

	if (!v->loaded || v->g.n_slots == 0)
		return;
	if (store_poll_answer(ui->app->st, ui->app->who, v->g.slot_ids[s->selected], answer,
	    &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not save your answer"));
		free(error);
		return;
	}
	if (s->selected + 1 < (int)v->g.n_slots)
		s->selected++;
	poll_enter(ui, s);
}

static void
poll_close(struct ui *ui, struct screen *s, bool pick)
{
	struct poll_view *v = s->data;
	char *error = NULL;
	int64_t meeting = 0;

	if (!v->loaded)
		return;
	if (!v->g.can_pick) {
		ui_message(ui, true, "%s", strcmp(v->g.status, "open") != 0 ?
		    _("The date poll is closed.") :
		    _("Only the lead of the group or a coordinator picks the date."));
		return;
	}
	if (store_poll_close(ui->app->st, ui->app->who, v->id,
	    pick && v->g.n_slots > 0 ? v->g.slot_ids[s->selected] : 0, NULL, NULL, &meeting,
	    &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not close the date poll"));
		free(error);
		poll_enter(ui, s);
		return;
	}
	poll_enter(ui, s);
	if (meeting != 0) {
		ui_message(ui, false, "%s", _("The date is picked and planned; e on the meeting adds "
		    "the place."));
		scr_meeting_push(ui, meeting);
	} else {
		ui_message(ui, false, "%s", _("The date poll is closed without a date."));
	}
}

static bool
poll_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct poll_view *v = s->data;

	switch (a) {
	case UI_ACTION_DOWN:
		if (s->selected + 1 < (int)v->g.n_slots)
			s->selected++;
		return true;
	case UI_ACTION_UP:
		if (s->selected > 0)
			s->selected--;
		return true;
	case UI_ACTION_CHOICE_1:
		poll_answer(ui, s, "yes");
		return true;
	case UI_ACTION_CHOICE_2:
		poll_answer(ui, s, "maybe");
		return true;
	case UI_ACTION_CHOICE_3:
		poll_answer(ui, s, "no");
		return true;
	case UI_ACTION_OPEN:
		if (v->loaded && v->g.meeting_id != 0)
			scr_meeting_push(ui, v->g.meeting_id);
		else
			poll_close(ui, s, true);
		return true;
	case UI_ACTION_FINISH:
		poll_close(ui, s, false);
		return true;
	default:
		return false;
	}
}

static void
poll_free(struct screen *s)
{
	struct poll_view *v = s->data;

	poll_grid_clear(&v->g);
	free(v);
}

static const enum ui_action poll_hints[] = {
	UI_ACTION_CHOICE_1, UI_ACTION_CHOICE_2, UI_ACTION_CHOICE_3, UI_ACTION_OPEN,
	UI_ACTION_FINISH, UI_ACTION_BACK, UI_ACTION_NONE
};

static const char *
poll_hint_text(struct ui *ui, struct screen *s)
{
	struct poll_view *v = s->data;
	char key[32];
	size_t i, len = 0;

	(void)ui;
	v->hint[0] = '\0';
	for (i = 0; i < sizeof poll_hint_items / sizeof poll_hint_items[0]; i++) {
		keys_first(poll_hint_items[i].a, key, sizeof key);
		snprintf(v->hint + len, sizeof v->hint - len, "%s%s %s", i > 0 ? "  " : "", key,
		    _(poll_hint_items[i].label));
		len = strlen(v->hint);
	}
	return v->hint;
}

static const struct screen_ops scr_poll_ops = {
	.name = N_("Date poll"),
	.hint_text = poll_hint_text,
	.enter = poll_enter,
	.draw = poll_draw,
	.on_action = poll_on_action,
	.hints = poll_hints,
	.free = poll_free,
};

static void
scr_poll_push(struct ui *ui, int64_t poll_id)
{
	struct poll_view *v = xcalloc(1, sizeof *v);

	v->id = poll_id;
	screen_push(ui, &scr_poll_ops, v);
}
