/*
 * keys.c — default key bindings, key names, and rebinding from the config.
 *
 * A key code is a character (Unicode scalar) or KEYS_FN(curses key code)
 * for a function key, so that "Ĳ" (U+0132) and KEY_DOWN (0402) never meet.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/keys.h"
#include "ui/ui_private.h"

#define KEYS_MAX 128
#define KEY_ESC 27
#define KEY_CTRL(c) ((c) & 0x1f)

struct keys_binding {
	int code;
	enum ui_action action;
};

static struct keys_binding keys_table[KEYS_MAX];
static size_t keys_n;

static const struct {
	const char *name, *help, *hint;
} keys_actions[UI_ACTION__COUNT] = {
	[UI_ACTION_NONE] = { "none", "", "" },
#define KEYS_ACTION_INFO(id, name, help, hint) [UI_ACTION_##id] = { name, help, hint },
	UI_ACTIONS(KEYS_ACTION_INFO)
#undef KEYS_ACTION_INFO
};

static const struct keys_binding keys_defaults[] = {
	{ 'q', UI_ACTION_QUIT },
	{ KEY_ESC, UI_ACTION_BACK }, { KEYS_FN(KEY_LEFT), UI_ACTION_BACK }, { 'h', UI_ACTION_BACK },
	{ '?', UI_ACTION_HELP }, { KEYS_FN(KEY_F(1)), UI_ACTION_HELP },
	{ 'k', UI_ACTION_UP }, { KEYS_FN(KEY_UP), UI_ACTION_UP }, { KEY_CTRL('p'), UI_ACTION_UP },
	{ 'j', UI_ACTION_DOWN }, { KEYS_FN(KEY_DOWN), UI_ACTION_DOWN },
	{ KEY_CTRL('n'), UI_ACTION_DOWN },
	{ KEYS_FN(KEY_PPAGE), UI_ACTION_PAGE_UP }, { KEY_CTRL('b'), UI_ACTION_PAGE_UP },
	{ KEYS_FN(KEY_NPAGE), UI_ACTION_PAGE_DOWN }, { KEY_CTRL('f'), UI_ACTION_PAGE_DOWN },
	{ ' ', UI_ACTION_PAGE_DOWN },
	{ KEYS_FN(KEY_HOME), UI_ACTION_FIRST }, { '<', UI_ACTION_FIRST },
	{ KEYS_FN(KEY_END), UI_ACTION_LAST }, { '>', UI_ACTION_LAST }, { 'G', UI_ACTION_LAST },
	{ '\n', UI_ACTION_OPEN }, { '\r', UI_ACTION_OPEN }, { KEYS_FN(KEY_ENTER), UI_ACTION_OPEN },
	{ KEYS_FN(KEY_RIGHT), UI_ACTION_OPEN }, { 'l', UI_ACTION_OPEN },
	{ KEY_CTRL('l'), UI_ACTION_REDRAW },
	{ 'H', UI_ACTION_HOME },
	{ 't', UI_ACTION_THEMES }, { 'g', UI_ACTION_GROUPS }, { 'c', UI_ACTION_CALENDAR },
	{ 'i', UI_ACTION_INTERVISION }, { 'p', UI_ACTION_PEOPLE }, { 'A', UI_ACTION_AUDIT },
	{ '/', UI_ACTION_SEARCH }, { 's', UI_ACTION_SORT }, { 'f', UI_ACTION_FILTER },
	{ 'n', UI_ACTION_NEW }, { 'e', UI_ACTION_EDIT }, { 'r', UI_ACTION_REGISTER },
	{ 'R', UI_ACTION_REGISTER_OTHER }, { 'a', UI_ACTION_ARCHIVE },
	{ 'F', UI_ACTION_FORM_GROUP }, { 'S', UI_ACTION_STATUS }, { 'm', UI_ACTION_MINE },
	{ 'y', UI_ACTION_FILTER_TYPE },
	{ 'O', UI_ACTION_ORGANISATIONS }, { 'I', UI_ACTION_IMPORT }, { '+', UI_ACTION_ADD_MEMBER },
	{ 'x', UI_ACTION_END_MEMBERSHIP }, { 'o', UI_ACTION_ROLE }, { 'v', UI_ACTION_FORMER },
	{ '@', UI_ACTION_AS_OF }, { 'E', UI_ACTION_EXPORT }, { 'd', UI_ACTION_REMOVE },
	{ 'X', UI_ACTION_ERASE },
	{ 'P', UI_ACTION_PRIVACY }, { 'D', UI_ACTION_FINISH },
	{ '-', UI_ACTION_DELETE_ITEM }, { KEYS_FN(KEY_DC), UI_ACTION_DELETE_ITEM },
	{ '[', UI_ACTION_DAY_PREV }, { ']', UI_ACTION_DAY_NEXT }, { 'T', UI_ACTION_TODAY },
	{ ':', UI_ACTION_GOTO_DATE }, { 'w', UI_ACTION_VIEW }, { 'N', UI_ACTION_SERIES },
	{ 'u', UI_ACTION_POLL }, { 'C', UI_ACTION_CANCEL_MEETING }, { 'V', UI_ACTION_MARK_HELD },
	{ 'b', UI_ACTION_ATTENDANCE },
	{ '1', UI_ACTION_CHOICE_1 }, { '2', UI_ACTION_CHOICE_2 }, { '3', UI_ACTION_CHOICE_3 },
	{ '4', UI_ACTION_CHOICE_4 },
	{ 'U', UI_ACTION_UPDATES }, { 'W', UI_ACTION_FOLLOW }, { 'M', UI_ACTION_PRODUCTS },
	{ 'B', UI_ACTION_BUDGET }, { 'Z', UI_ACTION_SCAN }, { 'L', UI_ACTION_OVERVIEW },
	{ 'K', UI_ACTION_PROGRAMME }, { 'J', UI_ACTION_DECIDE },
};

static const struct {
	const char *name;
	int code;
} keys_names[] = {
	{ "Esc", KEY_ESC }, { "Enter", '\n' }, { "Space", ' ' }, { "Tab", '\t' },
	{ "Up", KEYS_FN(KEY_UP) }, { "Down", KEYS_FN(KEY_DOWN) },
	{ "Left", KEYS_FN(KEY_LEFT) }, { "Right", KEYS_FN(KEY_RIGHT) },
	{ "PageUp", KEYS_FN(KEY_PPAGE) }, { "PageDown", KEYS_FN(KEY_NPAGE) },
	{ "Home", KEYS_FN(KEY_HOME) }, { "End", KEYS_FN(KEY_END) },
	{ "Backspace", KEYS_FN(KEY_BACKSPACE) }, { "Delete", KEYS_FN(KEY_DC) },
	{ "Insert", KEYS_FN(KEY_IC) },
};

const char *
keys_action_name(enum ui_action a)
{
	return keys_actions[a].name;
}

const char *
keys_action_help(enum ui_action a)
{
	return keys_actions[a].help;
}

const char *
keys_action_hint(enum ui_action a)
{
	return keys_actions[a].hint;
}

int
keys_parse(const char *name)
{
	size_t i;
	int n;

	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++) {
		if (strcmp(keys_names[i].name, name) == 0)
			return keys_names[i].code;
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && name[3] == '\0')
		return KEY_CTRL(name[2]);
	if (name[0] == 'F' && sscanf(name + 1, "%d", &n) == 1 && n >= 1 && n <= 12 &&
	    strlen(name) <= 3)
		return KEYS_FN(KEY_F(n));
	if ((unsigned char)name[0] > ' ' && (unsigned char)name[0] < 0x7f && name[1] == '\0')
		return name[0];
	return -1;
}

/* Display name of a key code into buf. */
static const char *
keys_name(int code, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++) {
		if (keys_names[i].code == code) {
			snprintf(buf, size, "%s", keys_names[i].name);
			return buf;
		}
	}
	if (code == '\r' || code == KEYS_FN(KEY_ENTER))
		snprintf(buf, size, "Enter");
	else if (code >= KEYS_FN(KEY_F(1)) && code <= KEYS_FN(KEY_F(12)))
		snprintf(buf, size, "F%d", code - KEYS_FN(KEY_F(0)));
	else if (code > 0 && code < 27)
		snprintf(buf, size, "C-%c", 'a' + code - 1);
	else
		snprintf(buf, size, "%c", code);
	return buf;
}

static void
keys_bind(int code, enum ui_action a)
{
	size_t i;

	for (i = 0; i < keys_n; i++) {
		if (keys_table[i].code == code) {
			keys_table[i].action = a;
			return;
		}
	}
	if (keys_n < KEYS_MAX)
		keys_table[keys_n++] = (struct keys_binding){ code, a };
}

static void
keys_unbind_action(enum ui_action a)
{
	size_t i, w = 0;

	for (i = 0; i < keys_n; i++) {
		if (keys_table[i].action != a)
			keys_table[w++] = keys_table[i];
	}
	keys_n = w;
}

static enum ui_action
keys_action_by_name(const char *name)
{
	int a;

	for (a = 1; a < UI_ACTION__COUNT; a++) {
		if (strcmp(keys_actions[a].name, name) == 0)
			return (enum ui_action)a;
	}
	return UI_ACTION_NONE;
}

/* Apply one rebinding from the config; -1 with *error on a bad name. */
static int
keys_apply(const struct config *cfg, const struct config_binding *b, char **error)
{
	enum ui_action a = keys_action_by_name(b->action);
	size_t i;

	if (a == UI_ACTION_NONE) {
		*error = xasprintf(_("%s:%d:%d: unknown action \"%s\" under \"keys\" "
		    "(see the list in leernet.yaml(5))"), cfg->path, b->line, b->column, b->action);
		return -1;
	}
	for (i = 0; i < b->n_keys; i++) {
		if (keys_parse(b->keys[i]) < 0) {
			*error = xasprintf(_("%s:%d:%d: unknown key name \"%s\" for \"%s\" "
			    "(use a character, C-x, F1..F12, Up, Down, PageUp, Enter, Esc, …)"),
			    cfg->path, b->line, b->column, b->keys[i], b->action);
			return -1;
		}
	}
	keys_unbind_action(a);
	for (i = 0; i < b->n_keys; i++) {
		int code = keys_parse(b->keys[i]);

		keys_bind(code, a);
		if (code == '\n') {
			/* Return arrives as C-m (nonl) or KEY_ENTER (keypad) */
			keys_bind('\r', a);
			keys_bind(KEYS_FN(KEY_ENTER), a);
		}
	}
	return 0;
}

int
keys_init(const struct config *cfg, char **error)
{
	size_t i;

	keys_n = 0;
	for (i = 0; i < sizeof keys_defaults / sizeof keys_defaults[0]; i++)
		keys_bind(keys_defaults[i].code, keys_defaults[i].action);
	for (i = 0; cfg != NULL && i < cfg->n_bindings; i++) {
		if (keys_apply(cfg, &cfg->bindings[i], error) != 0)
			return -1;
	}
	return 0;
}

enum ui_action
keys_action(int code)
{
	size_t i;

	for (i = 0; i < keys_n; i++) {
		if (keys_table[i].code == code)
			return keys_table[i].action;
	}
	return UI_ACTION_NONE;
}

const char *
keys_describe(enum ui_action a, char *buf, size_t size)
{
	char name[32];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < keys_n && used + 1 < size; i++) {
		if (keys_table[i].action != a || keys_table[i].code == '\r' ||
		    keys_table[i].code == KEYS_FN(KEY_ENTER))
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
		    keys_name(keys_table[i].code, name, sizeof name));
		if (used >= size) {
			buf[size - 1] = '\0';
			break;
		}
	}
	return buf;
}

const char *
keys_first(enum ui_action a, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < keys_n; i++) {
		if (keys_table[i].action == a)
			return keys_name(keys_table[i].code, buf, size);
	}
	snprintf(buf, size, "-");
	return buf;
}
