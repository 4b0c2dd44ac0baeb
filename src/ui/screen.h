/*
 * screen.h — screens and the screen stack.
 *
 * A screen is a const struct screen_ops plus its private data. The stack's
 * top screen gets the actions and draws the body; Esc/q pop it. Each
 * scr_*.c exports one screen_ops and, when it needs arguments, a function
 * that makes its data.
 */
#ifndef LEERNET_UI_SCREEN_H
#define LEERNET_UI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/actions.h"

struct ui;
struct screen;
struct date;
struct vlist;

struct screen_ops {
	const char *name;			/* English, for _(): shown in the title */
	/* Fetch what the screen shows; called on push and when data changed. */
	void (*enter)(struct ui *ui, struct screen *s);
	/* Draw the body into the rectangle (top, height) of stdscr. */
	void (*draw)(struct ui *ui, struct screen *s, int top, int height);
	/*
	 * Optional: see a raw key code before the key table does (forms and
	 * search fields need the characters). Return true when consumed.
	 */
	bool (*on_key)(struct ui *ui, struct screen *s, int code);
	/* Handle an action; return true when handled. */
	bool (*on_action)(struct ui *ui, struct screen *s, enum ui_action a);
	/* The actions for the hint bar, ending with UI_ACTION_NONE. */
	const enum ui_action *hints;
	/* Optional: a hint bar text of its own (forms), instead of hints. */
	const char *(*hint_text)(struct ui *ui, struct screen *s);
	void (*free)(struct screen *s);
	/* Optional: nothing was typed for a tick (about 250 ms); the top screen only. */
	void (*idle)(struct ui *ui, struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	void *data;
	int selected;		/* the selected row of a list screen */
	int top;		/* the first visible row */
	int height;		/* the body height at the last draw */
	const char *title;	/* English, for _(); NULL = ops->name */
	/* Optional: the screen's list, read ahead while no key waits (set in enter) */
	struct vlist *list;
};

/* Push a new screen (data owned by the screen) and enter it. */
void screen_push(struct ui *ui, const struct screen_ops *ops, void *data);
/* Pop the top screen; false when it was the last one. */
bool screen_pop(struct ui *ui);
struct screen *screen_top(struct ui *ui);
void screen_free_all(struct ui *ui);

/* Screens other modules push. */
extern const struct screen_ops scr_home_ops;
extern const struct screen_ops scr_help_ops;
/* The audit log (coordinators; scr_audit.c). */
extern const struct screen_ops scr_audit_ops;
/* The menu actions (themes, groups, …) from any screen: back home, then there. */
bool scr_home_go(struct ui *ui, enum ui_action a);
/* People and organisations (scr_people.c, scr_person.c, scr_orgs.c). */
void scr_people_push(struct ui *ui);
/* The people of one organisation (org_name: shown in the header, copied). */
void scr_people_push_org(struct ui *ui, int64_t org_id, const char *org_name);
void scr_person_push(struct ui *ui, int64_t id);
/* The form that adds a person (coordinators; others are told why not). */
void scr_person_add(struct ui *ui);
void scr_orgs_push(struct ui *ui);
/*
 * The People screen's I: import people from a CSV file after a dry run
 * (coordinators; scr_import.c). Others, a read-only database and a
 * restricted login are told why not instead.
 */
void scr_import_push(struct ui *ui);
/*
 * The calendar (scr_calendar.c): month, week and agenda of my groups and the
 * network-wide meetings; group_id > 0: of that group only (group_name shown,
 * copied). Coordinators switch to the whole network with m.
 */
void scr_calendar_push(struct ui *ui, int64_t group_id, const char *group_name);
/* A meeting's page (scr_meeting.c), and its attendance list to take attendance. */
void scr_meeting_push(struct ui *ui, int64_t meeting_id);
void scr_attendance_push(struct ui *ui, int64_t meeting_id);
/*
 * Plan a meeting (scr_meeting_form.c) of group_id (0: the form asks which of
 * the groups who may plan for, or network-wide for coordinators) on day
 * (NULL: today); conflicts are shown before saving. Edit moves or changes
 * one meeting or the rest of its series. Series: every N weeks on a weekday,
 * K times, skipping holidays, previewed before it is created.
 */
void scr_meeting_plan_push(struct ui *ui, int64_t group_id, const struct date *day);
void scr_meeting_edit_push(struct ui *ui, int64_t meeting_id);
void scr_series_push(struct ui *ui, int64_t group_id, const struct date *day);
/* The date polls of a group (scr_poll.c); group_id 0: of all my groups. */
void scr_polls_push(struct ui *ui, int64_t group_id);
/*
 * A screen hosting a form (ui/form.h), titled title (English, static, for
 * _()); takes ownership of form, and of arg when free_arg is not NULL (called
 * when the screen goes). On save, once the form's own checks pass, submit
 * runs: 0 closes the screen (submit may push or refresh other screens, or
 * set a ui_message, but must not pop this one); non-zero keeps the form open
 * (submit has set field errors or a ui_message). Esc closes it without
 * saving.
 */
struct form;
void scr_form_push(struct ui *ui, const char *title, struct form *form,
    int (*submit)(struct ui *ui, struct form *form, void *arg), void *arg,
    void (*free_arg)(void *arg));

/*
 * Pick a person by typing part of their name, email or organisation
 * (scr_pick_person.c), titled title (English, static, for _()). Enter on a
 * row closes the picker and then calls picked with the person's id and
 * name (borrowed for the call; picked may push a screen); Esc closes it
 * without a call. arg is borrowed and handed to picked.
 */
typedef void (*scr_pick_person_cb)(struct ui *ui, int64_t person_id, const char *name,
    void *arg);
/* The group page's E: write the roster of group_id on day on to a file (scr_roster_export.c). */
void scr_roster_export_push(struct ui *ui, int64_t group_id, const char *group_name,
    const struct date *on);
void scr_pick_person_push(struct ui *ui, const char *title, scr_pick_person_cb picked,
    void *arg);

/*
 * Edit a long text full-screen (scr_editor.c), titled title (English,
 * static, for _()), with hint (translated, copied; NULL = none) on a line
 * above the text, starting from text (copied; NULL = empty), capped at
 * max_chars characters (0 = no cap; a longer text is kept whole, and only
 * more typing is refused). autosave, when not NULL, gets the current text at
 * most every 3 s while it differs from what it last saved (it returns 0 when
 * saved; a text it could not save is offered again, and F2 then keeps the
 * editor open) (on the idle tick and
 * between keys), and once more on leaving and when the interface ends with
 * the editor open (quit, hang-up). done, when not NULL, is called once when
 * the user closes the editor: saved is true for F2 (keep), false for Esc
 * (asked first when the text changed); the text is borrowed for the call.
 * The editor then takes itself off the stack (done may push a screen, but
 * must not pop this one). When the interface ends with the editor open,
 * done is not called. free_arg, when not NULL, releases arg when the screen
 * goes (also when it could not open: then no callback runs). C-x opens the
 * text in $VISUAL / $EDITOR / vi, except over a restricted login.
 */
void scr_editor_push(struct ui *ui, const char *title, const char *hint, const char *text,
    int max_chars, int (*autosave)(struct ui *, const char *, void *),
    void (*done)(struct ui *, const char *, bool, void *), void *arg, void (*free_arg)(void *));

/*
 * Intervision (DESIGN.md §2). The Intervision screen (scr_intervision.c):
 * the sessions of my groups, my follow-up agreements, search in the notes.
 */
void scr_intervision_push(struct ui *ui);
/*
 * One session and its note as the acting person may see it (scr_note.c);
 * a session without a note shows its facts and offers writing it.
 */
void scr_note_push(struct ui *ui, int64_t meeting_id);
/*
 * Writing a note (scr_note_write.c). scr_note_start: the form for the method
 * and the roles, then the writing screen; push it over the session's
 * scr_note_push screen. scr_note_write_push: go on with one's own draft of
 * the meeting's note (the writing screen leaves when the note is finished).
 */
void scr_note_start(struct ui *ui, int64_t meeting_id);
void scr_note_write_push(struct ui *ui, int64_t meeting_id);

#endif
