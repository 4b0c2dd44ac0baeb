/*
 * scr_themes.h — the theme catalogue, a theme's page, and the forms around
 * them (propose, edit, register interest, form a group).
 */
#ifndef LEERNET_UI_SCR_THEMES_H
#define LEERNET_UI_SCR_THEMES_H

#include <stdint.h>

#include "ui/screen.h"

extern const struct screen_ops scr_themes_ops;

/* Open a theme's page. */
void scr_theme_push(struct ui *ui, int64_t id);
/* Open the form to propose a new theme. */
void scr_theme_propose(struct ui *ui);
/* Register the acting person's interest (a short form) or withdraw it. */
void scr_theme_toggle_interest(struct ui *ui, int64_t id, const char *title);
/* Open the form that forms a group from a theme (0 = from scratch). */
void scr_group_form_push(struct ui *ui, int64_t theme_id);

/* The groups screen and a group's page. */
extern const struct screen_ops scr_groups_ops;
void scr_group_push(struct ui *ui, int64_t id);

#endif
