/*
 * ui.c — terminal set-up, the main loop and the screen stack.
 *
 * The loop: draw when dirty (erase + draw into stdscr, then one refresh:
 * ncurses sends only what changed), wait for a key with a timeout, map it
 * through the key table, hand the action to the top screen. Signals only
 * set flags; the terminal is restored on every way out.
 */
#include "autoconf.h"

#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

#define UI_TICK_MS 250		/* how often an idle session looks for others' changes */
#define UI_CHECKPOINT_TICKS 40	/* idle ticks (10 s) before folding the WAL back */
#define UI_ESC_DELAY_MS 25

static volatile sig_atomic_t ui_signalled;

static void
ui_on_signal(int sig)
{
	ui_signalled = sig;
}

/* Does the terminfo database know name? */
static bool
ui_term_known(const char *name)
{
	int err = 0;

	if (setupterm(name, STDOUT_FILENO, &err) != OK)
		return false;
	del_curterm(cur_term);
	return true;
}

/* A close known entry for an unknown TERM (e.g. xterm-kitty → xterm-256color). */
static const char *
ui_term_fallback(const char *term)
{
	static const char *const families[][3] = {
		{ "xterm", "xterm-256color", "xterm" },
		{ "screen", "screen-256color", "screen" },
		{ "tmux", "tmux-256color", "screen" },
		{ "rxvt", "rxvt-unicode", "rxvt" },
		{ "alacritty", "xterm-256color", "xterm" },
		{ "foot", "xterm-256color", "xterm" },
		{ "wezterm", "xterm-256color", "xterm" },
		{ "st", "st-256color", "xterm-256color" },
		{ "vt", "vt220", "vt100" },
		{ "linux", "linux", "vt100" },
	};
	size_t i;
	int j;

	for (i = 0; i < sizeof families / sizeof families[0]; i++) {
		if (strncmp(term, families[i][0], strlen(families[i][0])) != 0)
			continue;
		for (j = 1; j < 3; j++) {
			if (ui_term_known(families[i][j]))
				return families[i][j];
		}
	}
	return NULL;
}

int
ui_preflight(void)
{
	const char *term = getenv("TERM");
	const char *alt;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("leernet: the full-screen interface needs a terminal; "
		    "for commands without one, see 'leernet --help' "
		    "(over SSH, connect with 'ssh -t').\n"));
		return APP_EX_UNAVAILABLE;
	}
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		fprintf(stderr, _("leernet: this terminal (TERM=%s) cannot show the full-screen "
		    "interface; set TERM, e.g. TERM=xterm-256color.\n"),
		    term != NULL && *term ? term : _("unset"));
		return APP_EX_CONFIG;
	}
	if (ui_term_known(term))
		return APP_EX_OK;
	alt = ui_term_fallback(term);
	if (alt == NULL) {
		fprintf(stderr, _("leernet: the terminal type '%s' is unknown on this host; "
		    "try TERM=xterm-256color or install its terminfo entry.\n"), term);
		return APP_EX_CONFIG;
	}
	setenv("TERM", alt, 1);
	return APP_EX_OK;
}

void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	free(ui->message);
	ui->message = NULL;
	va_start(ap, fmt);
	if (vasprintf(&ui->message, fmt, ap) < 0)
		ui->message = NULL;
	va_end(ap);
	ui->message_error = error;
	ui->dirty = true;
}

int
ui_attr(struct ui *ui, enum ui_colour c)
{
	if (ui->colour) {
		switch (c) {
		case UI_COLOUR_SELECTED:
		case UI_COLOUR_TITLE:
			return COLOR_PAIR(c) | A_BOLD;
		default:
			return COLOR_PAIR(c);
		}
	}
	switch (c) {
	case UI_COLOUR_TITLE:
	case UI_COLOUR_SELECTED:
	case UI_COLOUR_BANNER:
		return A_REVERSE;
	case UI_COLOUR_HINT_KEY:
	case UI_COLOUR_ERROR:
		return A_BOLD;
	case UI_COLOUR_DIM:
		break;
	}
	return A_NORMAL;
}

void
screen_push(struct ui *ui, const struct screen_ops *ops, void *data)
{
	struct screen *s;

	if (ui->depth == UI_STACK_MAX) {
		if (ops->free != NULL) {
			struct screen tmp = { ops, data, 0, 0, 0, NULL, NULL };

			ops->free(&tmp);
		}
		ui_message(ui, true, "%s", _("Too many screens open; go back first."));
		return;
	}
	s = &ui->stack[ui->depth++];
	memset(s, 0, sizeof *s);
	s->ops = ops;
	s->data = data;
	if (ops->enter != NULL)
		ops->enter(ui, s);
	ui->dirty = true;
}

bool
screen_pop(struct ui *ui)
{
	struct screen *s;

	if (ui->depth <= 1)
		return false;
	s = &ui->stack[--ui->depth];
	if (s->ops->free != NULL)
		s->ops->free(s);
	/* what lies below may show data the popped screen changed */
	s = screen_top(ui);
	if (s->ops->enter != NULL)
		s->ops->enter(ui, s);
	ui->dirty = true;
	return true;
}

struct screen *
screen_top(struct ui *ui)
{
	return ui->depth > 0 ? &ui->stack[ui->depth - 1] : NULL;
}

void
screen_free_all(struct ui *ui)
{
	while (ui->depth > 0) {
		struct screen *s = &ui->stack[--ui->depth];

		if (s->ops->free != NULL)
			s->ops->free(s);
	}
}

/* Colour when the terminal has it and neither NO_COLOR nor the config forbid it. */
static bool
ui_want_colour(const struct config *cfg)
{
	const char *no = getenv("NO_COLOR");

	if (!has_colors() || cfg->colour == CONFIG_COLOUR_NEVER)
		return false;
	if (cfg->colour == CONFIG_COLOUR_ALWAYS)
		return true;
	return no == NULL || *no == '\0';
}

static void
ui_colours(struct ui *ui)
{
	ui->colour = ui_want_colour(ui->app->cfg);
	if (!ui->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(UI_COLOUR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(UI_COLOUR_SELECTED, COLOR_BLACK, COLOR_CYAN);
	init_pair(UI_COLOUR_HINT_KEY, COLOR_CYAN, -1);
	init_pair(UI_COLOUR_ERROR, COLOR_RED, -1);
	init_pair(UI_COLOUR_BANNER, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UI_COLOUR_DIM, COLOR_BLUE, -1);
}

static void
ui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
}

static void
ui_draw(struct ui *ui)
{
	struct screen *s = screen_top(ui);
	char title[256];
	int body_top = 1, body_height;

	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		snprintf(title, sizeof title, _("needs at least %dx%d, now %dx%d"),
		    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
		widget_text(0, 0, COLS, _("The terminal is too small"), A_BOLD);
		widget_text(1, 0, COLS, title, A_NORMAL);
		refresh();
		return;
	}
	snprintf(title, sizeof title, " leernet — %s", _(s->title != NULL ? s->title : s->ops->name));
	widget_title(ui, title);
	if (store_read_only(ui->app->st)) {
		widget_text(1, 0, COLS, _(" Read-only: this database cannot be changed here."),
		    ui_attr(ui, UI_COLOUR_BANNER));
		body_top = 2;
	}
	body_height = LINES - body_top - 2;
	s->height = body_height;
	widget_status(ui);
	if (s->ops->hint_text != NULL)
		widget_text(LINES - 1, 0, COLS, s->ops->hint_text(ui, s), A_NORMAL);
	else
		widget_hints(ui, s->ops->hints);
	/* the body last: a form leaves the cursor in its field */
	s->ops->draw(ui, s, body_top, body_height);
	refresh();
}

/*
 * Read one key into an action; UI_ACTION_NONE on timeout, an unbound key or
 * a key the top screen consumed raw.
 */
static enum ui_action
ui_read(struct ui *ui, bool *resized, bool *key)
{
	struct screen *s = screen_top(ui);
	wint_t wch;
	int rc = get_wch(&wch);
	int code;

	*resized = false;
	*key = rc != ERR;
	if (rc == ERR)
		return UI_ACTION_NONE;
	if (rc == KEY_CODE_YES && wch == KEY_RESIZE) {
		*resized = true;
		return UI_ACTION_NONE;
	}
	code = rc == KEY_CODE_YES ? KEYS_FN((int)wch) : (int)wch;
	if (s->ops->on_key != NULL && s->ops->on_key(ui, s, code)) {
		ui->dirty = true;
		return UI_ACTION_NONE;
	}
	if (keys_action(code) == UI_ACTION_NONE && ui->message == NULL) {
		ui_message(ui, false, _("That key does nothing here; press ? for help."));
	}
	return keys_action(code);
}

/* Global actions that every screen shares. */
static void
ui_global(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACTION_QUIT:
	case UI_ACTION_BACK:
		if (!screen_pop(ui) && a == UI_ACTION_QUIT)
			ui->quit = true;
		break;
	case UI_ACTION_HELP:
		if (screen_top(ui)->ops != &scr_help_ops)
			screen_push(ui, &scr_help_ops, NULL);
		break;
	case UI_ACTION_REDRAW:
		clearok(curscr, TRUE);
		ui->dirty = true;
		break;
	case UI_ACTION_HOME:
		while (screen_pop(ui))
			;
		break;
	default:
		scr_home_go(ui, a);
		break;
	}
}

/*
 * Nothing typed for a tick: show what other sessions committed (the top
 * screen fetches again and keeps its cursor on the same item), and after a
 * longer pause fold the WAL back into the database.
 */
static void
ui_idle(struct ui *ui, int *idle)
{
	struct screen *s = screen_top(ui);

	if (store_changed(ui->app->st) && s->ops->enter != NULL) {
		s->ops->enter(ui, s);
		ui->dirty = true;
	}
	if (s->ops->idle != NULL)
		s->ops->idle(ui, s);
	if (++*idle == UI_CHECKPOINT_TICKS)
		store_checkpoint(ui->app->st);
}

/* One step of reading ahead in the top screen's list; false when none is due. */
static bool
ui_read_ahead(struct ui *ui)
{
	struct screen *s = screen_top(ui);

	return s->list != NULL && vlist_read_ahead(s->list);
}

/*
 * After a key, the screen is drawn first; then, as long as no key waits,
 * the top screen's list reads ahead one fetch at a time (vlist.h), and only
 * then does the loop wait for a key a tick at a time.
 */
static void
ui_loop(struct ui *ui)
{
	enum ui_action a;
	bool resized, key, ahead = true;
	int idle = 0;

	while (!ui->quit && !ui_signalled) {
		if (ui->dirty) {
			ui_draw(ui);
			ui->dirty = false;
		}
		timeout(ahead ? 0 : UI_TICK_MS);
		a = ui_read(ui, &resized, &key);
		if (resized)
			ui->dirty = true;
		if (!key && !resized) {
			if (ahead) {
				ahead = ui_read_ahead(ui);
				continue;
			}
			ui_idle(ui, &idle);
			/* the tick may have fetched the screen again */
			ahead = true;
			continue;
		}
		idle = 0;
		ahead = true;
		if (a == UI_ACTION_NONE)
			continue;
		if (ui->message != NULL) {
			free(ui->message);
			ui->message = NULL;
			ui->dirty = true;
		}
		if (!screen_top(ui)->ops->on_action(ui, screen_top(ui), a))
			ui_global(ui, a);
		ui->dirty = true;
	}
}

int
ui_check_config(const struct config *cfg)
{
	char *error = NULL;

	if (keys_init(cfg, &error) != 0) {
		fprintf(stderr, "%s\n", error);
		free(error);
		return APP_EX_CONFIG;
	}
	return APP_EX_OK;
}

int
ui_run(struct app *app)
{
	struct ui ui;

	if (ui_check_config(app->cfg) != APP_EX_OK)
		return APP_EX_CONFIG;
	memset(&ui, 0, sizeof ui);
	ui.app = app;
	ui_signals();
	set_escdelay(UI_ESC_DELAY_MS);
	if (initscr() == NULL) {
		fprintf(stderr, _("leernet: cannot start the terminal interface\n"));
		return APP_EX_UNAVAILABLE;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	/*
	 * ncurses (6.4) flushes its output at every cursor move until the
	 * screen has once been left with endwin(): one write(2) per line, some
	 * fifty for a page, each a system call and a wake-up of the terminal.
	 * Leaving and entering once before anything is drawn makes every
	 * refresh a single write (make bench: bytes and latency per key).
	 */
	endwin();
	refresh();
	/* nor poll the keyboard every few lines while drawing: a draw is short */
	typeahead(-1);
	timeout(UI_TICK_MS);
	ui_colours(&ui);
	screen_push(&ui, &scr_home_ops, NULL);
	if (actor_is_visitor(app->who))
		ui_message(&ui, true, _("The login '%s' is not known in this network: you can look "
		    "around, but not change anything."), app->who->login);
	else if (app->locale_fallback)
		ui_message(&ui, false, "%s", _("Your locale is not installed here; "
		    "using C.UTF-8."));
	ui_loop(&ui);
	screen_free_all(&ui);
	endwin();
	free(ui.message);
	return ui_signalled ? 128 + ui_signalled : APP_EX_OK;
}
