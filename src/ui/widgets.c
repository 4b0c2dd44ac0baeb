/* widgets.c — title, rules, status line, hint bar and list movement. */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/keys.h"
#include "ui/widgets.h"

void
widget_text(int y, int x, int width, const char *s, int attr)
{
	char buf[1024];

	if (width <= 0)
		return;
	text_fit(s != NULL ? s : "", width, 1, buf, sizeof buf);
	attron(attr);
	mvaddstr(y, x, buf);
	attroff(attr);
}

void
widget_rule(int y)
{
	mvhline(y, 0, ACS_HLINE, COLS);
}

void
widget_title(struct ui *ui, const char *title)
{
	struct app *app = ui->app;
	char right[256];
	int attr = ui_attr(ui, UI_COLOUR_TITLE), rw;

	snprintf(right, sizeof right, "%s (%s)%s ", app->who->name,
	    _(actor_role_label(actor_role(app->who))),
	    store_read_only(app->st) ? _(" — read-only") : "");
	rw = text_width(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
	widget_text(0, 0, COLS - rw, title, attr);
	widget_text(0, COLS - rw, rw, right, attr);
}

void
widget_status(struct ui *ui)
{
	int attr = ui->message_error ? ui_attr(ui, UI_COLOUR_ERROR) : (int)A_NORMAL;

	widget_text(LINES - 2, 0, COLS, ui->message != NULL ? ui->message : "", attr);
}

void
widget_hints(struct ui *ui, const enum ui_action *hints)
{
	char key[32], label[128];
	int x = 0, keyattr = ui_attr(ui, UI_COLOUR_HINT_KEY), w;

	move(LINES - 1, 0);
	clrtoeol();
	for (; hints != NULL && *hints != UI_ACTION_NONE && x < COLS; hints++) {
		keys_first(*hints, key, sizeof key);
		snprintf(label, sizeof label, " %s  ", _(keys_action_hint(*hints)));
		w = text_width(key) + text_width(label);
		if (x + w > COLS)
			break;
		widget_text(LINES - 1, x, text_width(key), key, keyattr);
		x += text_width(key);
		widget_text(LINES - 1, x, text_width(label), label, A_NORMAL);
		x += text_width(label);
	}
}

bool
widget_list_move(struct screen *s, enum ui_action a, int count)
{
	int page = s->height > 1 ? s->height - 1 : 1;

	switch (a) {
	case UI_ACTION_UP: s->selected--; break;
	case UI_ACTION_DOWN: s->selected++; break;
	case UI_ACTION_PAGE_UP: s->selected -= page; break;
	case UI_ACTION_PAGE_DOWN: s->selected += page; break;
	case UI_ACTION_FIRST: s->selected = 0; break;
	case UI_ACTION_LAST: s->selected = count - 1; break;
	default: return false;
	}
	if (s->selected >= count)
		s->selected = count - 1;
	if (s->selected < 0)
		s->selected = 0;
	if (s->selected < s->top)
		s->top = s->selected;
	if (s->height > 0 && s->selected >= s->top + s->height)
		s->top = s->selected - s->height + 1;
	return true;
}
