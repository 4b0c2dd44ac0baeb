/*
 * actions.h — every action a key can trigger: the one list that gives the
 * enum, the names the config rebinds (keys: in leernet.yaml), the help
 * screen and the hint bar.
 *
 * ACTION(id, "name", "help text", "short hint")
 */
#ifndef LEERNET_UI_ACTIONS_H
#define LEERNET_UI_ACTIONS_H

#define UI_ACTIONS(ACTION) \
	ACTION(QUIT, "quit", N_("leave the current screen; quit from the home screen"), N_("quit")) \
	ACTION(BACK, "back", N_("go back to the previous screen"), N_("back")) \
	ACTION(HELP, "help", N_("show the keys of this screen"), N_("help")) \
	ACTION(UP, "up", N_("move up one row"), N_("up")) \
	ACTION(DOWN, "down", N_("move down one row"), N_("down")) \
	ACTION(PAGE_UP, "page-up", N_("move up one page"), N_("page up")) \
	ACTION(PAGE_DOWN, "page-down", N_("move down one page"), N_("page down")) \
	ACTION(FIRST, "first", N_("go to the first row"), N_("first")) \
	ACTION(LAST, "last", N_("go to the last row"), N_("last")) \
	ACTION(OPEN, "open", N_("open the selected item"), N_("open")) \
	ACTION(REDRAW, "redraw", N_("redraw the screen"), N_("redraw")) \
	ACTION(HOME, "home", N_("go to the home screen"), N_("home")) \
	ACTION(THEMES, "themes", N_("open the theme catalogue"), N_("themes")) \
	ACTION(GROUPS, "groups", N_("open the groups"), N_("groups")) \
	ACTION(CALENDAR, "calendar", N_("open the meeting calendar"), N_("calendar")) \
	ACTION(INTERVISION, "intervision", N_("open the intervision notes"), N_("intervision")) \
	ACTION(PEOPLE, "people", N_("open people and organisations"), N_("people")) \
	ACTION(AUDIT, "audit", N_("open the log of changes (coordinators)"), N_("log")) \
	ACTION(SEARCH, "search", N_("search as you type in this list"), N_("search")) \
	ACTION(SORT, "sort", N_("change the order of this list"), N_("sort")) \
	ACTION(FILTER, "filter", N_("change the filter of this list"), N_("filter")) \
	ACTION(NEW, "new", N_("add a new item (propose a theme, …)"), N_("new")) \
	ACTION(EDIT, "edit", N_("edit the selected item"), N_("edit")) \
	ACTION(REGISTER, "register", N_("register or withdraw your interest in a theme"), \
	    N_("interest")) \
	ACTION(REGISTER_OTHER, "register-other", \
	    N_("register someone else's interest (coordinators)"), N_("register other")) \
	ACTION(ARCHIVE, "archive", N_("archive or restore a theme (coordinators)"), N_("archive")) \
	ACTION(FORM_GROUP, "form-group", N_("form a group from a theme (coordinators)"), \
	    N_("form group")) \
	ACTION(STATUS, "status", N_("change the status of a group (coordinators)"), N_("status")) \
	ACTION(MINE, "mine", N_("show only my groups, or all"), N_("mine")) \
	ACTION(FILTER_TYPE, "filter-type", N_("show groups of one type, or all"), N_("type")) \
	ACTION(ORGANISATIONS, "organisations", N_("open the organisations"), N_("organisations")) \
	ACTION(IMPORT, "import", N_("import people from a CSV file (coordinators)"), N_("import")) \
	ACTION(ADD_MEMBER, "add-member", \
	    N_("add a member to the group, or this person to a group"), N_("add member")) \
	ACTION(END_MEMBERSHIP, "end-membership", N_("end the selected membership on a date"), \
	    N_("end membership")) \
	ACTION(ROLE, "role", N_("change the role of the selected member (appoint a lead)"), \
	    N_("role")) \
	ACTION(FORMER, "former", N_("show current members, former members, or all intervals"), \
	    N_("former")) \
	ACTION(AS_OF, "as-of", N_("show the roster as it was on a date"), N_("as of")) \
	ACTION(EXPORT, "export", N_("export this list to a file"), N_("export")) \
	ACTION(REMOVE, "remove", N_("deactivate or reactivate a person (coordinators)"), \
	    N_("deactivate")) \
	ACTION(ERASE, "erase", N_("erase a person's identity on request (coordinators)"), \
	    N_("erase")) \
	ACTION(PRIVACY, "privacy", \
	    N_("change who reads the selected section of the note you write (group, author, " \
	    "contributor)"), N_("privacy")) \
	ACTION(FINISH, "finish", \
	    N_("finish the note you write: next contributor and chair; then it is final"), \
	    N_("finish")) \
	ACTION(DELETE_ITEM, "delete", \
	    N_("remove the selected item (an agreement of the note you write)"), N_("remove")) \
	ACTION(DAY_PREV, "day-previous", \
	    N_("go to the previous day (budget requests: the previous school year)"), \
	    N_("day back")) \
	ACTION(DAY_NEXT, "day-next", \
	    N_("go to the next day (budget requests: the next school year)"), N_("day on")) \
	ACTION(TODAY, "today", N_("go to today"), N_("today")) \
	ACTION(GOTO_DATE, "go-to-date", N_("go to a date you type"), N_("go to date")) \
	ACTION(VIEW, "view", N_("switch between month, week and agenda"), N_("view")) \
	ACTION(SERIES, "series", \
	    N_("plan a series of meetings (every N weeks on a weekday, skipping holidays)"), \
	    N_("series")) \
	ACTION(POLL, "poll", N_("date polls: propose slots, answer, pick a date"), N_("poll")) \
	ACTION(CANCEL_MEETING, "cancel-meeting", \
	    N_("cancel the meeting, or the rest of its series"), N_("cancel")) \
	ACTION(MARK_HELD, "mark-held", N_("mark the meeting as held, or as planned again"), \
	    N_("held")) \
	ACTION(ATTENDANCE, "attendance", N_("take attendance at the meeting"), N_("attendance")) \
	ACTION(CHOICE_1, "choice-1", N_("first choice: present; yes in a poll"), N_("present/yes")) \
	ACTION(CHOICE_2, "choice-2", N_("second choice: late; maybe in a poll"), N_("late/maybe")) \
	ACTION(CHOICE_3, "choice-3", \
	    N_("third choice: excused (also your own absence beforehand); no in a poll"), \
	    N_("excused/no")) \
	ACTION(CHOICE_4, "choice-4", N_("fourth choice: absent"), N_("absent")) \
	ACTION(UPDATES, "updates", \
	    N_("the group's updates (post one), or the recent updates of my groups"), \
	    N_("updates")) \
	ACTION(FOLLOW, "follow", N_("follow or unfollow the group"), N_("follow")) \
	ACTION(PRODUCTS, "products", N_("the products of the group, or of the whole network"), \
	    N_("products")) \
	ACTION(BUDGET, "budget", N_("budget requests: ask for a specialist, or decide"), \
	    N_("budget")) \
	ACTION(SCAN, "scan", N_("the health scan of the group: fill it in, see the trend"), \
	    N_("scan")) \
	ACTION(OVERVIEW, "overview", \
	    N_("the coordinators' overview: every active group with its signals"), \
	    N_("overview")) \
	ACTION(PROGRAMME, "programme", \
	    N_("the programme of the knowledge-sharing day: assign a presentation slot"), \
	    N_("programme")) \
	ACTION(DECIDE, "decide", N_("approve or decline the selected budget request"), \
	    N_("decide"))

enum ui_action {
	UI_ACTION_NONE = 0,
#define UI_ACTION_ENUM(id, name, help, hint) UI_ACTION_##id,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	UI_ACTION__COUNT
};

#endif
