/*
 * group_life.h — group life (#9): updates and followers (scr_updates.c),
 * products and the knowledge-sharing day (scr_products.c), budget requests
 * (scr_budget.c), the health scan and the coordinators' overview
 * (scr_health.c).
 *
 * The group page shows a short section of each area: on enter it calls
 * the *_section functions, which read a few rows and append a heading and
 * their lines to l (l->width is set; the lines are kept until the next
 * enter). The keys of the group page open the areas' screens.
 */
#ifndef LEERNET_UI_GROUP_LIFE_H
#define LEERNET_UI_GROUP_LIFE_H

#include <stdint.h>

#include "ui/widgets.h"

struct ui;
struct group_detail;
struct access_ctx;

/* The group page's sections; ctx says who leads the group today (for hints). */
void life_updates_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l);
void life_products_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l);
void life_budget_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l);
void life_health_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l);

/* U: a group's updates (read, post); group_id 0: the recent updates of my groups. */
void scr_updates_push(struct ui *ui, int64_t group_id);
/* W on the group page: follow or unfollow it; says what happened on the status line. */
void life_follow_toggle(struct ui *ui, int64_t group_id);
/* M: a group's products (add, edit, publish); group_id 0: the network's products. */
void scr_products_push(struct ui *ui, int64_t group_id);
/* B: a group's budget requests (ask); group_id 0: all I may see (coordinators decide). */
void scr_budget_push(struct ui *ui, int64_t group_id);
/* Z: a group's health scans: the latest scores, the trend, fill in a new one. */
void scr_scans_push(struct ui *ui, int64_t group_id);
/* L: the coordinators' overview of every active group with its signals. */
void scr_overview_push(struct ui *ui);

/*
 * The programme of a network-wide meeting (the knowledge-sharing day) on
 * its page: appends a heading and the slots to l (nothing when there are
 * none and who may not arrange them); K opens the programme to assign slots.
 */
void life_programme_section(struct ui *ui, int64_t meeting_id, struct widget_lines *l);
void scr_programme_push(struct ui *ui, int64_t meeting_id);

#endif
