/* widgets.c — title, rules, status line, hint bar and list movement. */
#include "autoconf.h"

#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "store/store.h"
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

/* Does the hint bar offer an action to this person? (the store decides anyway) */
static bool
widget_hint_allowed(const struct ui *ui, enum ui_action a)
{
	const struct actor *who = ui->app->who;

	switch (a) {
	case UI_ACTION_ARCHIVE:
	case UI_ACTION_FORM_GROUP:
	case UI_ACTION_STATUS:
	case UI_ACTION_REGISTER_OTHER:
		return who->coordinator;
	case UI_ACTION_NEW:
	case UI_ACTION_REGISTER:
	case UI_ACTION_EDIT:
		return !actor_is_visitor(who) || who->coordinator;
	default:
		return !store_read_only(ui->app->st) || (a != UI_ACTION_NEW && a != UI_ACTION_EDIT);
	}
}

void
widget_hints(struct ui *ui, const enum ui_action *hints)
{
	char key[32], label[128];
	int x = 0, keyattr = ui_attr(ui, UI_COLOUR_HINT_KEY), w;

	move(LINES - 1, 0);
	clrtoeol();
	for (; hints != NULL && *hints != UI_ACTION_NONE && x < COLS; hints++) {
		if (!widget_hint_allowed(ui, *hints))
			continue;
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

/* Remove the last UTF-8 character of s. */
static void
widget_search_backspace(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

bool
widget_search_key(struct widget_search *s, int code, bool *changed)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t ps;
	size_t n, len;

	*changed = false;
	if (!s->active)
		return false;
	if (code == '\r' || code == '\n' || code == KEYS_FN(KEY_ENTER) || code == '\t') {
		s->active = false;
		return true;
	}
	if (code == 27) {
		s->active = false;
		*changed = s->text[0] != '\0';
		s->text[0] = '\0';
		return true;
	}
	if (code == 127 || code == 8 || code == KEYS_FN(KEY_BACKSPACE)) {
		*changed = s->text[0] != '\0';
		widget_search_backspace(s->text);
		return true;
	}
	if (code >= KEYS_FN(0) || code < 0x20 || code == 0x7f)
		return true;	/* other keys do nothing while typing */
	memset(&ps, 0, sizeof ps);
	n = wcrtomb(mb, (wchar_t)code, &ps);
	len = strlen(s->text);
	if (n == (size_t)-1 || len + n + 1 > sizeof s->text)
		return true;
	memcpy(s->text + len, mb, n);
	s->text[len + n] = '\0';
	*changed = true;
	return true;
}

void
widget_search_draw(struct ui *ui, const struct widget_search *s, int y, int x, int width)
{
	char line[320];

	snprintf(line, sizeof line, "%s %s%s", _("Search:"), s->text, s->active ? "_" : "");
	widget_text(y, x, width, line, s->active ? ui_attr(ui, UI_COLOUR_HINT_KEY) : (int)A_NORMAL);
}

const char *
widget_group_type_label(struct ui *ui, const char *key)
{
	const struct config_group_type *t = config_group_type(ui->app->cfg, key);

	return t != NULL ? t->label : (key != NULL ? key : "");
}

static void
widget_lines_push(struct widget_lines *l, int indent, int attr, char *text)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, (size_t)l->cap, sizeof *l->v);
	}
	l->v[l->n].text = text;
	l->v[l->n].attr = attr;
	l->v[l->n].indent = indent;
	l->n++;
}

void
widget_cells(int y, int x, const int *w, const char *const *cells, int n, int attr)
{
	int i;

	for (i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], cells[i], attr);
		x += w[i] + 1;
	}
}

void
widget_lines_add(struct widget_lines *l, int indent, int attr, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = xstrdup("");
	va_end(ap);
	widget_lines_push(l, indent, attr, text);
}

void
widget_lines_wrap(struct widget_lines *l, int indent, int attr, const char *text)
{
	size_t len, skip;
	int width = l->width - indent;

	if (text == NULL)
		return;
	if (width < 10)
		width = 10;
	while ((len = text_wrap(text, width, &skip)) > 0 || skip > 0) {
		widget_lines_push(l, indent, attr, xstrndup(text, len));
		text += skip;
	}
}

void
widget_lines_draw(struct widget_lines *l, int *top, int y, int height)
{
	int i;

	if (*top > l->n - height)
		*top = l->n - height;
	if (*top < 0)
		*top = 0;
	for (i = 0; i < height && *top + i < l->n; i++) {
		const struct widget_line *line = &l->v[*top + i];

		widget_text(y + i, line->indent, COLS - line->indent - 1, line->text, line->attr);
	}
}

void
widget_lines_clear(struct widget_lines *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	memset(l, 0, sizeof *l);
}

bool
widget_lines_scroll(int *top, int total, int height, enum ui_action a)
{
	int page = height > 1 ? height - 1 : 1;

	switch (a) {
	case UI_ACTION_UP: (*top)--; break;
	case UI_ACTION_DOWN: (*top)++; break;
	case UI_ACTION_PAGE_UP: *top -= page; break;
	case UI_ACTION_PAGE_DOWN: *top += page; break;
	case UI_ACTION_FIRST: *top = 0; break;
	case UI_ACTION_LAST: *top = total; break;
	default: return false;
	}
	if (*top > total - height)
		*top = total - height;
	if (*top < 0)
		*top = 0;
	return true;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
widget_format_number(const char *translated_fmt, int n)
{
	return xasprintf(translated_fmt, n);
}
#pragma GCC diagnostic pop

void
widget_conflict_message(struct ui *ui, const char *entity, int64_t id)
{
	char *name = NULL, *at = NULL, *error = NULL, when[32] = "?";
	struct date d;
	int min;

	if (store_last_change(ui->app->st, entity, id, &name, &at, &error) == 1 && at != NULL &&
	    strlen(at) >= 16) {
		char moment[17];

		snprintf(moment, sizeof moment, "%.16s", at);
		if (datetime_parse_iso(moment, &d, &min) == 0)
			snprintf(when, sizeof when, "%02d-%02d %02d:%02d", d.day, d.month, min / 60,
			    min % 60);
	}
	ui_message(ui, true, _("Changed by %s at %s meanwhile; the new values are shown at the "
	    "fields. What you typed is kept: F2 saves it over them, Esc leaves it."),
	    name != NULL ? name : "?", when);
	free(name);
	free(at);
	free(error);
}

void
widget_mark_changed(struct form_field *fld, const char *was, const char *now)
{
	if (was == NULL)
		was = "";
	if (now == NULL)
		now = "";
	if (strcmp(was, now) != 0)
		form_error(fld, _("changed meanwhile to: %s"), *now != '\0' ? now : _("(empty)"));
}

char *
widget_path(const char *typed)
{
	const char *home = getenv("HOME");

	if (typed[0] == '~' && (typed[1] == '/' || typed[1] == '\0') && home != NULL &&
	    *home != '\0')
		return xasprintf("%s%s", home, typed + 1);
	if (strcmp(typed, "-") == 0)
		return xstrdup("./-");
	return xstrdup(typed);
}

/* ---- the groups one leads, as choices ---- */

struct widget_led {
	struct form_field *fld;
	char today[DATE_ISO_LEN];
	int64_t want;
	int n;
};

static int
widget_take_led(const struct person_group_row *r, void *arg)
{
	struct widget_led *g = arg;
	char key[32];

	if (r->role == NULL || strcmp(r->role, "lead") != 0 || strcmp(r->start_on, g->today) > 0 ||
	    (r->end_on != NULL && strcmp(r->end_on, g->today) < 0))
		return 0;
	snprintf(key, sizeof key, "%lld", (long long)r->group_id);
	form_add_item(g->fld, key, r->group_name, false);
	if (r->group_id == g->want)
		g->fld->choice = (int)g->fld->n_items - 1;
	g->n++;
	return 0;
}

int
widget_groups_led(struct ui *ui, struct form_field *fld, int64_t want)
{
	struct widget_led g;
	struct date today = date_today();
	char *error = NULL;

	memset(&g, 0, sizeof g);
	g.fld = fld;
	g.want = want;
	date_format_iso(&today, g.today);
	if (actor_is_visitor(ui->app->who))
		return 0;
	if (store_person_groups(ui->app->st, ui->app->who, ui->app->who->person_id,
	    widget_take_led, &g, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("could not read your groups"));
		free(error);
		return -1;
	}
	return g.n;
}

/* ---- stored dates shown the Dutch way ---- */

const char *
widget_when(const char *iso, char *buf, size_t size)
{
	char day[DATE_ISO_LEN];
	struct date d;
	int min;

	if (iso == NULL || datetime_parse_iso(iso, &d, &min) != 0)
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%s %02d:%02d", date_format_nl(&d, day), min / 60, min % 60);
	return buf;
}

const char *
widget_day(const char *iso, char *buf)
{
	char only[DATE_ISO_LEN];
	struct date d;

	if (iso == NULL) {
		snprintf(buf, DATE_ISO_LEN, "-");
		return buf;
	}
	snprintf(only, sizeof only, "%.10s", iso);
	if (date_parse_iso(only, &d) != 0)
		snprintf(buf, DATE_ISO_LEN, "?");
	else
		date_format_nl(&d, buf);
	return buf;
}
