/*
 * xmalloc.h — allocation that never returns NULL.
 *
 * Out of memory is fatal here and nowhere else: callers never check.
 * All returned memory is owned by the caller and released with free().
 */
#ifndef LEERNET_CORE_XMALLOC_H
#define LEERNET_CORE_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/* xstrndup copies at most n bytes and always terminates the copy. */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
