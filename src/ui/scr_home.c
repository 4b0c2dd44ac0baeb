/*
 * scr_home.c — the home screen.
 *
 * Shows: who you are; a menu to Themes, Groups, Calendar, Intervision,
 * People and, for coordinators, the audit log; your current groups; the
 * recent updates of your groups and the groups you follow (unread ones
 * marked, the unread count in the heading); your next meetings; your open
 * follow-up agreements (a count: their content is confidential to the note).
 * Widgets: title, a selectable menu, three text lists, hint bar.
 * Actions: up/down/first/last, open, the menu letters, and U for all the
 * recent updates.
 * Store: store_groups_of, store_updates_unread, store_updates_page (one
 * page of HOME_UPDATES), store_meetings_next, store_agreements_open_count,
 * fetched on enter only.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/domain.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "ui/group_life.h"
#include "ui/keys.h"
#include "ui/scr_themes.h"
#include "ui/widgets.h"

#define HOME_MAX_ROWS 12
#define HOME_UPDATES 5		/* recent updates shown */
#define HOME_UNREAD_MARK "●"

struct home_menu_item {
	enum ui_action action;
	const char *label;	/* English, for _() */
};

static const struct home_menu_item home_menu[] = {
	{ UI_ACTION_THEMES, N_("Themes") },
	{ UI_ACTION_GROUPS, N_("Groups") },
	{ UI_ACTION_CALENDAR, N_("Calendar") },
	{ UI_ACTION_INTERVISION, N_("Intervision") },
	{ UI_ACTION_PEOPLE, N_("People") },
	{ UI_ACTION_PRODUCTS, N_("Products") },
	{ UI_ACTION_BUDGET, N_("Budget requests") },
	/* the last HOME_MENU_COORDINATOR items: shown to coordinators only (home_menu_n) */
	{ UI_ACTION_OVERVIEW, N_("Overview") },
	{ UI_ACTION_AUDIT, N_("Audit log") },
};
#define HOME_MENU_N ((int)(sizeof home_menu / sizeof home_menu[0]))
#define HOME_MENU_COORDINATOR 2

struct home {
	char *groups[HOME_MAX_ROWS];
	int n_groups;
	char *meetings[HOME_MAX_ROWS];
	int n_meetings;
	int agreements;
	char *updates[HOME_UPDATES];	/* "● 19-11-2026  Title · Group" */
	bool update_unread[HOME_UPDATES];
	int n_updates;
	int unread;			/* unread updates of all my groups */
	char *error;
};

static const enum ui_action home_hints[] = {
	UI_ACTION_DOWN, UI_ACTION_OPEN, UI_ACTION_THEMES, UI_ACTION_GROUPS,
	UI_ACTION_CALENDAR, UI_ACTION_UPDATES, UI_ACTION_HELP, UI_ACTION_QUIT, UI_ACTION_NONE
};

/* The menu items ui's person sees: the audit log only for coordinators. */
static int
home_menu_n(const struct ui *ui)
{
	return access_allows(ui->app->who, ACCESS_AUDIT_VIEW, NULL) ? HOME_MENU_N :
	    HOME_MENU_N - HOME_MENU_COORDINATOR;
}

static void
home_clear(struct home *h)
{
	int i;

	for (i = 0; i < h->n_groups; i++)
		free(h->groups[i]);
	for (i = 0; i < h->n_meetings; i++)
		free(h->meetings[i]);
	for (i = 0; i < h->n_updates; i++)
		free(h->updates[i]);
	free(h->error);
	memset(h, 0, sizeof *h);
}

static int
home_group_row(const struct group_row *row, void *arg)
{
	struct home *h = arg;

	if (h->n_groups == HOME_MAX_ROWS)
		return 1;
	h->groups[h->n_groups++] = xasprintf("%s (%d)", row->name, row->members);
	return 0;
}

/* "di 25-11 15:30  PLG Rekenen — place" */
static int
home_meeting_row(const struct meeting_row *row, void *arg)
{
	static const char *const days[] = { "", N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
		N_("Fri"), N_("Sat"), N_("Sun") };
	struct home *h = arg;
	struct date d;
	int min;

	if (h->n_meetings == HOME_MAX_ROWS)
		return 1;
	if (datetime_parse_iso(row->starts_at, &d, &min) != 0)
		return 0;
	h->meetings[h->n_meetings++] = xasprintf("%s %02d-%02d %02d:%02d  %s",
	    _(days[date_weekday(&d)]), d.day, d.month, min / 60, min % 60,
	    row->group_name != NULL ? row->group_name : (row->title != NULL ? row->title : ""));
	return 0;
}

/* "● 19-11-2026  Title · Group" */
static int
home_update_row(const struct update_row *row, void *arg)
{
	struct home *h = arg;
	char day[DATE_ISO_LEN];

	if (h->n_updates == HOME_UPDATES)
		return 1;
	h->update_unread[h->n_updates] = row->unread;
	h->updates[h->n_updates++] = xasprintf("%s %s  %s · %s",
	    row->unread ? HOME_UNREAD_MARK : " ", widget_day(row->posted_at, day), row->title,
	    row->group_name != NULL ? row->group_name : "");
	return 0;
}

/* The recent updates of my groups: the unread count and one short page. */
static int
home_load_updates(struct app *app, struct home *h)
{
	if (actor_is_visitor(app->who))
		return 0;
	if (store_updates_unread(app->st, app->who, 0, &h->unread, &h->error) != 0 ||
	    store_updates_page(app->st, app->who, 0, NULL, false, true, HOME_UPDATES,
	    home_update_row, h, &h->error) != 0)
		return -1;
	return 0;
}

static void
home_enter(struct ui *ui, struct screen *s)
{
	struct app *app = ui->app;
	struct home *h = s->data;
	struct date today = date_today();
	char from[DATETIME_ISO_LEN];

	if (h == NULL)
		s->data = h = xcalloc(1, sizeof *h);
	home_clear(h);
	datetime_format_iso(&today, date_now_minutes(), from);
	if (store_groups_of(app->st, app->who, &today, home_group_row, h, &h->error) != 0 ||
	    home_load_updates(app, h) != 0 ||
	    store_meetings_next(app->st, app->who, from, HOME_MAX_ROWS, home_meeting_row, h,
	    &h->error) != 0 ||
	    store_agreements_open_count(app->st, app->who, &h->agreements, &h->error) != 0)
		ui_message(ui, true, "%s", h->error);
}

/* A titled list of lines at (y, x); returns the next free row. */
static int
home_section(struct ui *ui, int y, int x, int w, int bottom, const char *title,
    char *const *lines, int n, const char *empty)
{
	int i;

	if (y >= bottom)
		return y;
	widget_text(y++, x, w, title, A_BOLD);
	if (n == 0 && y < bottom)
		widget_text(y++, x, w, empty, ui_attr(ui, UI_COLOUR_DIM));
	for (i = 0; i < n && y < bottom; i++)
		widget_text(y++, x, w, lines[i], A_NORMAL);
	return y + 1;
}

/* "Recent updates (N unread)" and the newest few, unread ones in bold. */
static int
home_updates_section(struct ui *ui, const struct home *h, int y, int x, int w, int bottom)
{
	char title[128];
	int i;

	if (y >= bottom || actor_is_visitor(ui->app->who))
		return y;
	if (h->unread > 0)
		snprintf(title, sizeof title, P_("Recent updates (%d unread)",
		    "Recent updates (%d unread)", h->unread), h->unread);
	else
		snprintf(title, sizeof title, "%s", _("Recent updates"));
	widget_text(y++, x, w, title, A_BOLD);
	if (h->n_updates == 0 && y < bottom)
		widget_text(y++, x, w, _("No updates from your groups."),
		    ui_attr(ui, UI_COLOUR_DIM));
	for (i = 0; i < h->n_updates && y < bottom; i++)
		widget_text(y++, x, w, h->updates[i], h->update_unread[i] ? A_BOLD : A_NORMAL);
	return y + 1;
}

static void
home_draw_menu(struct ui *ui, struct screen *s, int top, int w)
{
	char key[32], label[128];
	int i, attr;

	widget_text(top, 1, w - 2, _("Go to"), A_BOLD);
	for (i = 0; i < home_menu_n(ui); i++) {
		attr = i == s->selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
		keys_first(home_menu[i].action, key, sizeof key);
		snprintf(label, sizeof label, " %-3s %s", key, _(home_menu[i].label));
		widget_text(top + 1 + i, 1, w - 2, label, attr);
	}
}

static void
home_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct home *h = s->data;
	int menu_w = COLS >= 70 ? 26 : 20, x = menu_w + 1, w = COLS - x - 1, y;
	int bottom = top + height;
	char line[256];

	s->height = home_menu_n(ui);
	home_draw_menu(ui, s, top + 1, menu_w);
	mvvline(top, menu_w, ACS_VLINE, height);
	y = home_section(ui, top + 1, x, w, bottom, _("My groups"), h->groups, h->n_groups,
	    actor_is_visitor(ui->app->who) ? _("You are not known in this network.") :
	    _("You are in no group yet."));
	y = home_updates_section(ui, h, y, x, w, bottom);
	y = home_section(ui, y, x, w, bottom, _("Next meetings"), h->meetings, h->n_meetings,
	    _("No meetings planned."));
	if (y < bottom && !actor_is_visitor(ui->app->who)) {
		snprintf(line, sizeof line, _("Open follow-up agreements: %d"), h->agreements);
		widget_text(y, x, w, line, A_NORMAL);
	}
}

static void
home_open(struct ui *ui, int i)
{
	switch (home_menu[i].action) {
	case UI_ACTION_THEMES:
		screen_push(ui, &scr_themes_ops, NULL);
		break;
	case UI_ACTION_GROUPS:
		screen_push(ui, &scr_groups_ops, NULL);
		break;
	case UI_ACTION_AUDIT:
		screen_push(ui, &scr_audit_ops, NULL);
		break;
	case UI_ACTION_PEOPLE:
		scr_people_push(ui);
		break;
	case UI_ACTION_INTERVISION:
		scr_intervision_push(ui);
		break;
	case UI_ACTION_CALENDAR:
		scr_calendar_push(ui, 0, NULL);
		break;
	case UI_ACTION_PRODUCTS:
		scr_products_push(ui, 0);
		break;
	case UI_ACTION_BUDGET:
		scr_budget_push(ui, 0);
		break;
	case UI_ACTION_OVERVIEW:
		scr_overview_push(ui);
		break;
	default:
		break;
	}
}

/* A menu action someone may not take: say why on the status line. */
static bool
home_refused(struct ui *ui, enum ui_action a)
{
	enum access_action what;

	if (a == UI_ACTION_AUDIT)
		what = ACCESS_AUDIT_VIEW;
	else if (a == UI_ACTION_OVERVIEW)
		what = ACCESS_OVERVIEW;
	else
		return false;
	if (access_allows(ui->app->who, what, NULL))
		return false;
	ui_message(ui, true, "%s", _(access_reason(what)));
	return true;
}

bool
scr_home_go(struct ui *ui, enum ui_action a)
{
	int i;

	if (home_refused(ui, a))
		return true;
	for (i = 0; i < HOME_MENU_N; i++) {
		if (home_menu[i].action == a) {
			while (screen_pop(ui))
				;
			screen_top(ui)->selected = i;
			home_open(ui, i);
			return true;
		}
	}
	return false;
}

static bool
home_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	int i;

	if (widget_list_move(s, a, home_menu_n(ui)))
		return true;
	if (a == UI_ACTION_OPEN) {
		home_open(ui, s->selected);
		return true;
	}
	if (a == UI_ACTION_UPDATES) {
		scr_updates_push(ui, 0);
		return true;
	}
	if (home_refused(ui, a))
		return true;
	for (i = 0; i < HOME_MENU_N; i++) {
		if (home_menu[i].action == a) {
			s->selected = i;
			home_open(ui, i);
			return true;
		}
	}
	return false;
}

static void
home_free(struct screen *s)
{
	if (s->data != NULL)
		home_clear(s->data);
	free(s->data);
}

const struct screen_ops scr_home_ops = {
	.name = N_("Home"),
	.enter = home_enter,
	.draw = home_draw,
	.on_action = home_on_action,
	.hints = home_hints,
	.free = home_free,
};
