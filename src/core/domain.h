/*
 * domain.h — the fixed vocabularies of the domain (DESIGN.md §2) and their
 * English labels (marked for translation; callers pass them through _()).
 * Configurable vocabularies (group types, methods, …) live in the config.
 */
#ifndef LEERNET_CORE_DOMAIN_H
#define LEERNET_CORE_DOMAIN_H

#include <stdbool.h>

/* The label of a stored key of one vocabulary, or the key itself when unknown. */
const char *domain_theme_status_label(const char *key);
const char *domain_group_status_label(const char *key);
const char *domain_meeting_status_label(const char *key);
const char *domain_attendance_label(const char *key);
const char *domain_role_label(const char *key);

/* Is key one of the vocabulary's keys? */
bool domain_is_theme_status(const char *key);
bool domain_is_group_status(const char *key);
bool domain_is_meeting_status(const char *key);
bool domain_is_attendance(const char *key);
bool domain_is_role(const char *key);
bool domain_is_privacy(const char *key);

#endif
