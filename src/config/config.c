/*
 * config.c — the YAML configuration file as one validated struct config.
 *
 * Two passes. First libyaml's events become a small tree of nodes that
 * remember their 1-based positions; anchors, aliases, a second document and
 * nesting deeper than CONFIG_MAX_DEPTH are refused as the events arrive, so
 * a hostile file stops early. Then the tree is walked against the schema
 * tables below: every key known and given once, every value of the right
 * type and in range. Lists left out get the built-in defaults at the end.
 *
 * The first error wins and becomes "FILE:LINE:COLUMN: message".
 */
#include "autoconf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <yaml.h>

#include "config/config.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

#define CONFIG_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define CONFIG_CLIP 40		/* bytes of a found value shown in a message */
#define CONFIG_QUOTE_SIZE (CONFIG_CLIP + 8)
#define CONFIG_LIST_SIZE 256	/* "one of: a, b, c" lists in messages */
#define CONFIG_SUGGEST_MAX 32	/* longest key compared for "did you mean" */

/* ---- the tree -------------------------------------------------------- */

enum config_node_kind {
	CONFIG_NODE_NULL,	/* an empty plain scalar, "~" or "null" */
	CONFIG_NODE_TEXT,	/* any other scalar */
	CONFIG_NODE_MAP,	/* kids: key, value, key, value, ... */
	CONFIG_NODE_LIST	/* kids: the items */
};

struct config_node {
	enum config_node_kind kind;
	int line, column;		/* 1-based */
	char *text;			/* scalars */
	struct config_node **kids;	/* collections; owned */
	size_t n, cap;
};

struct config_parser {
	const char *name;	/* the file, for messages */
	char *error;		/* the first error, allocated */
};

struct config_builder {
	struct config_parser *p;
	struct config_node *root;
	struct config_node *open[CONFIG_MAX_DEPTH];	/* open collections */
	int depth;
	int documents;
};

/* ---- the schema ------------------------------------------------------ */

enum config_kind {
	CONFIG_TEXT,	/* char *: any text but empty */
	CONFIG_NAME,	/* char *: an identifier such as "plg" */
	CONFIG_LOGIN,	/* char *: a login name */
	CONFIG_INT,	/* int within min..max */
	CONFIG_BOOL,	/* bool */
	CONFIG_ENUM,	/* an enum: the index into values */
	CONFIG_DATE,	/* struct date, YYYY-MM-DD */
	CONFIG_TEXTS,	/* char ** and a count: a list of item */
	CONFIG_MAP,	/* a mapping into the same target, by schema */
	CONFIG_LIST,	/* an array and a count: a list of mappings, by schema */
	CONFIG_CUSTOM	/* custom does the work */
};

#define CONFIG_REQUIRED 0x1u	/* the key must be there */
#define CONFIG_NULLABLE 0x2u	/* an empty value leaves the default */
#define CONFIG_NONEMPTY 0x4u	/* a list needs at least one item */

struct config_schema;

struct config_field {
	const char *name;
	enum config_kind kind;
	unsigned flags;
	size_t offset;			/* of the value in the target */
	size_t count_offset;		/* of the size_t count: TEXTS, LIST */
	int min, max;			/* INT */
	enum config_kind item;		/* TEXTS: the kind of each item */
	const char *const *values;	/* ENUM: NULL-terminated */
	const struct config_schema *schema;	/* MAP, LIST */
	int (*custom)(struct config_parser *, const struct config_field *,
	    const struct config_node *, void *);
};

struct config_schema {
	const struct config_field *fields;
	size_t n_fields;
	size_t size;		/* LIST: bytes of one element */
	bool keyed;		/* LIST: elements start with a unique char *key */
	void (*init)(void *);	/* LIST: defaults of a fresh element */
	int (*check)(struct config_parser *, const struct config_node *, void *);
};

#define CONFIG_FIELD(key, k, fl, type, member) \
	.name = (key), .kind = (k), .flags = (fl), .offset = offsetof(type, member)
#define CONFIG_COUNT(type, member) .count_offset = offsetof(type, member)
#define CONFIG_FIELDS(a) .fields = (a), .n_fields = CONFIG_LEN(a)

/* ---- messages -------------------------------------------------------- */

/* vsnprintf into a fresh string. */
static char *
config_vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	char *s;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return xstrdup(fmt);
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* Record "NAME:LINE:COL: message" unless an error is already there. */
static int
config_vfail(struct config_parser *p, int line, int column, const char *fmt, va_list ap)
{
	char *msg;

	if (p->error != NULL)
		return -1;
	msg = config_vformat(fmt, ap);
	p->error = xasprintf("%s:%d:%d: %s", p->name, line, column, msg);
	free(msg);
	return -1;
}

/* An error at a 1-based position; returns -1. */
static int __attribute__((format(printf, 4, 5)))
config_fail_at(struct config_parser *p, int line, int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_vfail(p, line, column, fmt, ap);
	va_end(ap);
	return -1;
}

/* An error at a node; returns -1. */
static int __attribute__((format(printf, 3, 4)))
config_fail(struct config_parser *p, const struct config_node *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_vfail(p, n->line, n->column, fmt, ap);
	va_end(ap);
	return -1;
}

/* An error at a libyaml mark (0-based); returns -1. */
static int __attribute__((format(printf, 3, 4)))
config_fail_mark(struct config_parser *p, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_vfail(p, (int)mark.line + 1, (int)mark.column + 1, fmt, ap);
	va_end(ap);
	return -1;
}

/* An error about the whole file, "NAME: message"; returns -1. */
static int __attribute__((format(printf, 2, 3)))
config_fail_file(struct config_parser *p, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = config_vformat(fmt, ap);
	va_end(ap);
	p->error = xasprintf("%s: %s", p->name, msg);
	free(msg);
	return -1;
}

/*
 * Copy at most CONFIG_CLIP bytes of s into buf (CONFIG_QUOTE_SIZE bytes),
 * cut at a character boundary and before any line break, with "…" when cut.
 */
static char *
config_clip(const char *s, char *buf)
{
	size_t n = strcspn(s, "\r\n\t");
	bool cut = s[n] != '\0';

	if (n > CONFIG_CLIP) {
		n = CONFIG_CLIP;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = true;
	}
	memcpy(buf, s, n);
	if (cut) {
		memcpy(buf + n, "…", sizeof "…");	/* the ellipsis and its NUL */
	} else {
		buf[n] = '\0';
	}
	return buf;
}

/* s clipped and in double quotes, in buf (CONFIG_QUOTE_SIZE bytes). */
static char *
config_quote(const char *s, char *buf)
{
	char clip[CONFIG_QUOTE_SIZE];

	snprintf(buf, CONFIG_QUOTE_SIZE, "\"%s\"", config_clip(s, clip));
	return buf;
}

/* What was found, for "found %s": nothing, a list, a mapping or "text". */
static const char *
config_found(const struct config_node *n, char *buf)
{
	switch (n->kind) {
	case CONFIG_NODE_NULL:
		return _("nothing");
	case CONFIG_NODE_MAP:
		return _("a mapping");
	case CONFIG_NODE_LIST:
		return _("a list");
	case CONFIG_NODE_TEXT:
		break;
	}
	return config_quote(n->text, buf);
}

/* Join NULL-terminated names as "a, b, c" into buf (CONFIG_LIST_SIZE bytes). */
static char *
config_join(const char *const *names, size_t n, char *buf)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n && names[i] != NULL; i++) {
		int w = snprintf(buf + used, CONFIG_LIST_SIZE - used, "%s%s",
		    i > 0 ? ", " : "", names[i]);

		if (w < 0 || (size_t)w >= CONFIG_LIST_SIZE - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* "the top level" or "\"where\"", for "in %s". */
static const char *
config_where(const char *where, char *buf)
{
	if (where == NULL)
		return _("the top level");
	snprintf(buf, CONFIG_QUOTE_SIZE, "\"%s\"", where);
	return buf;
}

/* The standard type error: expected WHAT for "NAME", found .... */
static int
config_wrong_type(struct config_parser *p, const char *name, const char *what,
    const struct config_node *n)
{
	char buf[CONFIG_QUOTE_SIZE];

	return config_fail(p, n, _("expected %s for \"%s\", found %s"), what, name,
	    config_found(n, buf));
}

/* ---- pass one: events into a tree ------------------------------------ */

/* Free n and everything under it; NULL accepted. */
static void
config_node_free(struct config_node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		config_node_free(n->kids[i]);
	free(n->kids);
	free(n->text);
	free(n);
}

/* A new node at a libyaml mark. */
static struct config_node *
config_node_new(enum config_node_kind kind, yaml_mark_t mark)
{
	struct config_node *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->line = (int)mark.line + 1;
	n->column = (int)mark.column + 1;
	return n;
}

/* Hang n under the innermost open collection, or make it the root. */
static void
config_builder_add(struct config_builder *b, struct config_node *n)
{
	struct config_node *parent;

	if (b->depth == 0) {
		b->root = n;
		return;
	}
	parent = b->open[b->depth - 1];
	if (parent->n == parent->cap) {
		parent->cap = parent->cap != 0 ? parent->cap * 2 : 8;
		parent->kids = xreallocarray(parent->kids, parent->cap, sizeof *parent->kids);
	}
	parent->kids[parent->n++] = n;
}

/* YAML's spellings of "no value", for plain scalars only. */
static bool
config_scalar_is_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* A scalar becomes a text or null node; an embedded NUL is refused. */
static int
config_builder_scalar(struct config_builder *b, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct config_node *n;

	if (memchr(v, '\0', len) != NULL)
		return config_fail_mark(b->p, ev->start_mark,
		    _("text must not contain a NUL character"));
	n = config_node_new(config_scalar_is_null(ev) ? CONFIG_NODE_NULL : CONFIG_NODE_TEXT,
	    ev->start_mark);
	n->text = xstrndup(v, len);
	config_builder_add(b, n);
	return 0;
}

/* Open a mapping or list, refusing to go deeper than CONFIG_MAX_DEPTH. */
static int
config_builder_open(struct config_builder *b, const yaml_event_t *ev,
    enum config_node_kind kind)
{
	struct config_node *n;

	if (b->depth == CONFIG_MAX_DEPTH)
		return config_fail_mark(b->p, ev->start_mark,
		    _("nesting deeper than %d levels is not allowed"), CONFIG_MAX_DEPTH);
	n = config_node_new(kind, ev->start_mark);
	config_builder_add(b, n);
	b->open[b->depth++] = n;
	return 0;
}

/* The anchor of a node event, or NULL. */
static const yaml_char_t *
config_event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

/* Take one event into the tree. */
static int
config_builder_event(struct config_builder *b, const yaml_event_t *ev)
{
	if (ev->type == YAML_ALIAS_EVENT || config_event_anchor(ev) != NULL)
		return config_fail_mark(b->p, ev->start_mark,
		    _("aliases and anchors are not supported"));
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->documents++ > 0)
			return config_fail_mark(b->p, ev->start_mark,
			    _("only one YAML document is allowed"));
		return 0;
	case YAML_SCALAR_EVENT:
		return config_builder_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return config_builder_open(b, ev, CONFIG_NODE_LIST);
	case YAML_MAPPING_START_EVENT:
		return config_builder_open(b, ev, CONFIG_NODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return 0;
	default:
		return 0;
	}
}

/* The 1-based line and column of byte offset in text. */
static void
config_offset_position(const char *text, size_t len, size_t offset, int *line, int *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset && i < len; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*column)++;
		}
	}
}

/* Turn libyaml's error into ours. */
static int
config_yaml_error(struct config_parser *p, const yaml_parser_t *yp, const char *text, size_t len)
{
	const char *problem = yp->problem != NULL ? yp->problem : _("unknown error");
	int line, column;

	switch (yp->error) {
	case YAML_READER_ERROR:
		config_offset_position(text, len, yp->problem_offset, &line, &column);
		if (strstr(problem, "UTF-8") != NULL)
			return config_fail_at(p, line, column, _("not valid UTF-8: %s"), problem);
		return config_fail_at(p, line, column, _("invalid text: %s"), problem);
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		if (yp->context != NULL)
			return config_fail_mark(p, yp->problem_mark,
			    _("invalid YAML: %s (%s that starts at line %d)"), problem,
			    yp->context, (int)yp->context_mark.line + 1);
		return config_fail_mark(p, yp->problem_mark, _("invalid YAML: %s"), problem);
	default:
		return config_fail_at(p, 1, 1, _("invalid YAML: %s"), problem);
	}
}

/* Parse text into a tree (NULL for an empty stream); -1 on any error. */
static int
config_read(struct config_parser *p, const char *text, size_t len, struct config_node **root)
{
	struct config_builder b = { .p = p };
	yaml_parser_t yp;
	yaml_event_t ev;
	bool done = false;
	int rc = 0;

	if (!yaml_parser_initialize(&yp))
		return config_fail_file(p, _("cannot start the YAML parser"));
	yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
	while (rc == 0 && !done) {
		if (!yaml_parser_parse(&yp, &ev)) {
			rc = config_yaml_error(p, &yp, text, len);
			break;
		}
		rc = config_builder_event(&b, &ev);
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&yp);
	if (rc < 0) {
		config_node_free(b.root);
		return -1;
	}
	*root = b.root;
	return 0;
}

/* ---- pass two: small checks ------------------------------------------ */

/* The value under key in map, or NULL. */
static const struct config_node *
config_map_get(const struct config_node *map, const char *key)
{
	size_t i;

	for (i = 0; map != NULL && map->kind == CONFIG_NODE_MAP && i + 1 < map->n; i += 2) {
		if (strcmp(map->kids[i]->text, key) == 0)
			return map->kids[i + 1];
	}
	return NULL;
}

struct config_seen {
	const struct config_node *node;
	size_t index;
};

/* By text, then by position in the file. */
static int
config_seen_compare(const void *a, const void *b)
{
	const struct config_seen *x = a, *y = b;
	int c = strcmp(x->node->text, y->node->text);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * The earliest of nodes[0..n) whose text repeats an earlier one, with
 * *first set to that earlier one; NULL when all differ. Sorts a copy, so
 * that a hostile file with many keys costs n log n, not n squared.
 */
static const struct config_node *
config_duplicate(const struct config_node *const *nodes, size_t n,
    const struct config_node **first)
{
	struct config_seen *seen = xcalloc(n, sizeof *seen);
	const struct config_node *best = NULL;
	size_t i, best_index = SIZE_MAX;

	for (i = 0; i < n; i++) {
		seen[i].node = nodes[i];
		seen[i].index = i;
	}
	qsort(seen, n, sizeof *seen, config_seen_compare);
	for (i = 1; i < n; i++) {
		if (strcmp(seen[i].node->text, seen[i - 1].node->text) == 0 &&
		    seen[i].index < best_index) {
			best = seen[i].node;
			best_index = seen[i].index;
			*first = seen[i - 1].node;
		}
	}
	free(seen);
	return best;
}

/* Every key of map is text and none comes twice. */
static int
config_map_keys(struct config_parser *p, const struct config_node *map)
{
	const struct config_node **keys, *dup, *first = NULL;
	char buf[CONFIG_QUOTE_SIZE];
	size_t i, n = map->n / 2;

	for (i = 0; i < n; i++) {
		const struct config_node *k = map->kids[2 * i];

		if (k->kind == CONFIG_NODE_MAP || k->kind == CONFIG_NODE_LIST)
			return config_fail(p, k, _("expected a text key, found %s"),
			    config_found(k, buf));
	}
	keys = xcalloc(n, sizeof *keys);
	for (i = 0; i < n; i++)
		keys[i] = map->kids[2 * i];
	dup = config_duplicate(keys, n, &first);
	free(keys);
	if (dup != NULL)
		return config_fail(p, dup, _("duplicate key %s (first at line %d)"),
		    config_quote(dup->text, buf), first->line);
	return 0;
}

/* Lowercase letters, digits, "-" and "_": keys stored in the database. */
static bool
config_is_name(const char *s)
{
	return *s != '\0' && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(s);
}

/* Letters, digits, ".", "-" and "_", not starting with "-". */
static bool
config_is_login(const char *s)
{
	return *s != '\0' && *s != '-' && strspn(s,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") == strlen(s);
}

/* A text value of kind TEXT, NAME or LOGIN, copied into *out. */
static int
config_text(struct config_parser *p, const char *name, enum config_kind kind,
    const struct config_node *v, char **out)
{
	char buf[CONFIG_QUOTE_SIZE];

	if (v->kind != CONFIG_NODE_TEXT)
		return config_wrong_type(p, name, _("text"), v);
	if (v->text[0] == '\0')
		return config_fail(p, v, _("\"%s\" must not be empty"), name);
	if (kind == CONFIG_NAME && !config_is_name(v->text))
		return config_fail(p, v, _("\"%s\" must be lowercase letters, digits, "
		    "\"-\" or \"_\", found %s"), name, config_quote(v->text, buf));
	if (kind == CONFIG_LOGIN && !config_is_login(v->text))
		return config_fail(p, v, _("\"%s\" must be a login name (letters, digits, \".\", "
		    "\"-\" or \"_\"), found %s"), name, config_quote(v->text, buf));
	*out = xstrdup(v->text);
	return 0;
}

/* An optional "-" and decimal digits. */
static bool
config_is_integer(const char *s)
{
	if (*s == '-')
		s++;
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

/* A whole number within f->min .. f->max. */
static int
config_int(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, int *out)
{
	char buf[CONFIG_QUOTE_SIZE];
	long n;

	if (v->kind != CONFIG_NODE_TEXT || !config_is_integer(v->text))
		return config_fail(p, v, _("expected a number for \"%s\", found %s"), f->name,
		    config_found(v, buf));
	errno = 0;
	n = strtol(v->text, NULL, 10);
	if (errno == ERANGE || n < f->min || n > f->max)
		return config_fail(p, v, _("\"%s\" must be between %d and %d, found %s"), f->name,
		    f->min, f->max, config_clip(v->text, buf));
	*out = (int)n;
	return 0;
}

/* true/false, also yes/no, in any case. */
static int
config_bool(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, bool *out)
{
	char buf[CONFIG_QUOTE_SIZE];

	if (v->kind == CONFIG_NODE_TEXT &&
	    (strcasecmp(v->text, "true") == 0 || strcasecmp(v->text, "yes") == 0)) {
		*out = true;
		return 0;
	}
	if (v->kind == CONFIG_NODE_TEXT &&
	    (strcasecmp(v->text, "false") == 0 || strcasecmp(v->text, "no") == 0)) {
		*out = false;
		return 0;
	}
	return config_fail(p, v, _("expected true or false for \"%s\", found %s"), f->name,
	    config_found(v, buf));
}

/* One of f->values; the index is stored in the enum at out. */
static int
config_enum(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, int *out)
{
	char buf[CONFIG_QUOTE_SIZE], list[CONFIG_LIST_SIZE];
	int i;

	if (v->kind != CONFIG_NODE_TEXT)
		return config_wrong_type(p, f->name, _("text"), v);
	for (i = 0; f->values[i] != NULL; i++) {
		if (strcmp(v->text, f->values[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return config_fail(p, v, _("unknown value %s for \"%s\" (expected one of: %s)"),
	    config_quote(v->text, buf), f->name, config_join(f->values, SIZE_MAX, list));
}

/* A strict ISO date that exists. */
static int
config_date(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, struct date *out)
{
	char buf[CONFIG_QUOTE_SIZE];

	if (v->kind != CONFIG_NODE_TEXT || date_parse_iso(v->text, out) < 0)
		return config_fail(p, v, _("\"%s\" is not a date (expected YYYY-MM-DD), found %s"),
		    f->name, config_found(v, buf));
	return 0;
}

/* v is a list, with an item if the field wants one. */
static int
config_list_check(struct config_parser *p, const struct config_field *f,
    const struct config_node *v)
{
	if (v->kind != CONFIG_NODE_LIST)
		return config_wrong_type(p, f->name, _("a list"), v);
	if ((f->flags & CONFIG_NONEMPTY) && v->n == 0)
		return config_fail(p, v, _("\"%s\" needs at least one item"), f->name);
	return 0;
}

/* Store a pointer into target at offset, whatever its pointed-to type. */
static void
config_set_pointer(void *target, size_t offset, void *value)
{
	memcpy((char *)target + offset, &value, sizeof value);
}

static void
config_set_count(void *target, size_t offset, size_t n)
{
	memcpy((char *)target + offset, &n, sizeof n);
}

/* A list of text into a char ** and a count. */
static int
config_texts(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, void *target)
{
	char **texts;
	size_t i;

	if (config_list_check(p, f, v) < 0)
		return -1;
	if (v->n == 0)
		return 0;
	texts = xcalloc(v->n, sizeof *texts);
	config_set_pointer(target, f->offset, texts);
	config_set_count(target, f->count_offset, v->n);
	for (i = 0; i < v->n; i++) {
		if (config_text(p, f->name, f->item, v->kids[i], &texts[i]) < 0)
			return -1;
	}
	return 0;
}

/* ---- pass two: mappings and lists by schema -------------------------- */

static int config_walk_map(struct config_parser *p, const struct config_node *map,
    const char *where, const struct config_schema *s, void *target);

/* Levenshtein distance of two short strings; SIZE_MAX when too long. */
static size_t
config_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[CONFIG_SUGGEST_MAX + 1], i, j;

	if (la > CONFIG_SUGGEST_MAX || lb > CONFIG_SUGGEST_MAX)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The known key closest to key, if it is close enough to be a typo. */
static const char *
config_suggest(const char *key, const struct config_schema *s)
{
	const char *best = NULL;
	size_t i, d, best_d = 3;

	for (i = 0; i < s->n_fields; i++) {
		d = config_distance(key, s->fields[i].name);
		if (d < best_d && d < strlen(key)) {
			best = s->fields[i].name;
			best_d = d;
		}
	}
	return best;
}

/* Report an unknown key with a likely correction or the keys that are known. */
static int
config_unknown_key(struct config_parser *p, const struct config_node *key,
    const char *where, const struct config_schema *s)
{
	char quoted[CONFIG_QUOTE_SIZE], place[CONFIG_QUOTE_SIZE], list[CONFIG_LIST_SIZE];
	const char *names[32];
	const char *best = config_suggest(key->text, s);
	size_t i;

	config_quote(key->text, quoted);
	if (best != NULL)
		return config_fail(p, key, _("unknown key %s in %s (did you mean \"%s\"?)"),
		    quoted, config_where(where, place), best);
	for (i = 0; i < s->n_fields && i < CONFIG_LEN(names); i++)
		names[i] = s->fields[i].name;
	return config_fail(p, key, _("unknown key %s in %s (expected one of: %s)"), quoted,
	    config_where(where, place), config_join(names, i, list));
}

/* The field of s named name, or NULL. */
static const struct config_field *
config_field_find(const struct config_schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n_fields; i++) {
		if (strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	}
	return NULL;
}

/* Every "key" of the items of list v differs. */
static int
config_unique_keys(struct config_parser *p, const struct config_field *f,
    const struct config_node *v)
{
	const struct config_node **keys = xcalloc(v->n, sizeof *keys), *dup, *first = NULL;
	char buf[CONFIG_QUOTE_SIZE];
	size_t i;

	for (i = 0; i < v->n; i++)
		keys[i] = config_map_get(v->kids[i], "key");
	dup = config_duplicate(keys, v->n, &first);
	free(keys);
	if (dup != NULL)
		return config_fail(p, dup, _("%s is used twice in \"%s\" (first at line %d)"),
		    config_quote(dup->text, buf), f->name, first->line);
	return 0;
}

/* A list of mappings into an array of f->schema->size elements and a count. */
static int
config_list(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, void *target)
{
	const struct config_schema *s = f->schema;
	char *elems, buf[CONFIG_QUOTE_SIZE];
	size_t i;

	if (config_list_check(p, f, v) < 0)
		return -1;
	if (v->n == 0)
		return 0;
	elems = xcalloc(v->n, s->size);
	config_set_pointer(target, f->offset, elems);
	config_set_count(target, f->count_offset, v->n);
	for (i = 0; i < v->n; i++) {
		if (v->kids[i]->kind != CONFIG_NODE_MAP)
			return config_fail(p, v->kids[i],
			    _("expected a mapping for each item of \"%s\", found %s"), f->name,
			    config_found(v->kids[i], buf));
		if (s->init != NULL)
			s->init(elems + i * s->size);
		if (config_walk_map(p, v->kids[i], f->name, s, elems + i * s->size) < 0)
			return -1;
	}
	return s->keyed ? config_unique_keys(p, f, v) : 0;
}

/* Check value v against field f and store it in target. */
static int
config_apply(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, void *target)
{
	void *at = (char *)target + f->offset;

	if (v->kind == CONFIG_NODE_NULL && (f->flags & CONFIG_NULLABLE))
		return 0;
	switch (f->kind) {
	case CONFIG_TEXT:
	case CONFIG_NAME:
	case CONFIG_LOGIN:
		return config_text(p, f->name, f->kind, v, at);
	case CONFIG_INT:
		return config_int(p, f, v, at);
	case CONFIG_BOOL:
		return config_bool(p, f, v, at);
	case CONFIG_ENUM:
		return config_enum(p, f, v, at);
	case CONFIG_DATE:
		return config_date(p, f, v, at);
	case CONFIG_TEXTS:
		return config_texts(p, f, v, target);
	case CONFIG_MAP:
		if (v->kind != CONFIG_NODE_MAP)
			return config_wrong_type(p, f->name, _("a mapping"), v);
		return config_walk_map(p, v, f->name, f->schema, target);
	case CONFIG_LIST:
		return config_list(p, f, v, target);
	case CONFIG_CUSTOM:
		return f->custom(p, f, v, target);
	}
	return -1;
}

/* Every required key of s is in map. */
static int
config_required(struct config_parser *p, const struct config_node *map, const char *where,
    const struct config_schema *s)
{
	char place[CONFIG_QUOTE_SIZE];
	size_t i;

	for (i = 0; i < s->n_fields; i++) {
		if ((s->fields[i].flags & CONFIG_REQUIRED) &&
		    config_map_get(map, s->fields[i].name) == NULL)
			return config_fail(p, map, _("missing required key \"%s\" in %s"),
			    s->fields[i].name, config_where(where, place));
	}
	return 0;
}

/*
 * Walk mapping map against schema s into target. where names the mapping
 * in messages: the key it hangs under, NULL for the top level.
 */
static int
config_walk_map(struct config_parser *p, const struct config_node *map, const char *where,
    const struct config_schema *s, void *target)
{
	const struct config_field *f;
	size_t i;

	if (config_map_keys(p, map) < 0)
		return -1;
	for (i = 0; i + 1 < map->n; i += 2) {
		if ((f = config_field_find(s, map->kids[i]->text)) == NULL)
			return config_unknown_key(p, map->kids[i], where, s);
		if (config_apply(p, f, map->kids[i + 1], target) < 0)
			return -1;
	}
	if (config_required(p, map, where, s) < 0)
		return -1;
	return s->check != NULL ? s->check(p, map, target) : 0;
}

/* ---- keys and colours ------------------------------------------------ */

/* One "action: key" or "action: [key, ...]"; the action is checked by ui/. */
static int
config_binding(struct config_parser *p, const struct config_node *action,
    const struct config_node *v, struct config_binding *b)
{
	char name[CONFIG_QUOTE_SIZE], buf[CONFIG_QUOTE_SIZE];
	size_t i;

	b->action = xstrdup(action->text);
	b->line = action->line;
	b->column = action->column;
	config_clip(action->text, name);
	if (v->kind == CONFIG_NODE_TEXT) {
		b->keys = xcalloc(1, sizeof *b->keys);
		b->n_keys = 1;
		return config_text(p, name, CONFIG_TEXT, v, &b->keys[0]);
	}
	if (v->kind != CONFIG_NODE_LIST)
		return config_fail(p, v, _("expected a key name or a list of key names for \"%s\", "
		    "found %s"), name, config_found(v, buf));
	b->keys = xcalloc(v->n, sizeof *b->keys);
	b->n_keys = v->n;
	for (i = 0; i < v->n; i++) {
		if (config_text(p, name, CONFIG_TEXT, v->kids[i], &b->keys[i]) < 0)
			return -1;
	}
	return 0;
}

/* keys: a mapping of action names to key names, kept in file order. */
static int
config_keys(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, void *target)
{
	struct config *cfg = target;
	size_t i;

	if (v->kind != CONFIG_NODE_MAP)
		return config_wrong_type(p, f->name, _("a mapping"), v);
	if (config_map_keys(p, v) < 0)
		return -1;
	if (v->n == 0)
		return 0;
	cfg->n_bindings = v->n / 2;
	cfg->bindings = xcalloc(cfg->n_bindings, sizeof *cfg->bindings);
	for (i = 0; i < cfg->n_bindings; i++) {
		if (config_binding(p, v->kids[2 * i], v->kids[2 * i + 1], &cfg->bindings[i]) < 0)
			return -1;
	}
	return 0;
}

static const char *const config_colour_names[] = {
	"default", "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", NULL
};

/* -1 for "default", 0..7 for the ANSI colours, -2 when unknown. */
static int
config_colour_number(const char *word)
{
	int i;

	for (i = 0; word != NULL && config_colour_names[i] != NULL; i++) {
		if (strcmp(word, config_colour_names[i]) == 0)
			return i - 1;
	}
	return -2;
}

/* Parse "[bold] COLOUR [on COLOUR]" into r; 0 or -1. */
static int
config_colour_spec(const char *spec, struct config_colour_rule *r)
{
	char *copy = xstrdup(spec), *save = NULL, *w;
	int rc = -1;

	w = strtok_r(copy, " ", &save);
	if (w != NULL && strcmp(w, "bold") == 0) {
		r->bold = true;
		w = strtok_r(NULL, " ", &save);
	}
	if ((r->fg = config_colour_number(w)) == -2)
		goto out;
	r->bg = -1;
	if ((w = strtok_r(NULL, " ", &save)) != NULL) {
		if (strcmp(w, "on") != 0)
			goto out;
		if ((r->bg = config_colour_number(strtok_r(NULL, " ", &save))) == -2)
			goto out;
		if (strtok_r(NULL, " ", &save) != NULL)
			goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

/* One "element: spec" of colours. */
static int
config_colour_rule(struct config_parser *p, const struct config_node *element,
    const struct config_node *v, struct config_colour_rule *r)
{
	char name[CONFIG_QUOTE_SIZE], buf[CONFIG_QUOTE_SIZE], list[CONFIG_LIST_SIZE];

	r->element = xstrdup(element->text);
	r->line = element->line;
	r->column = element->column;
	config_clip(element->text, name);
	if (v->kind != CONFIG_NODE_TEXT)
		return config_wrong_type(p, name, _("text"), v);
	if (config_colour_spec(v->text, r) < 0)
		return config_fail(p, v, _("%s is not a colour for \"%s\" (expected "
		    "\"[bold] COLOUR [on COLOUR]\" with COLOUR one of: %s)"),
		    config_quote(v->text, buf), name,
		    config_join(config_colour_names, SIZE_MAX, list));
	return 0;
}

/* colours: a mapping of screen elements to colour specs, in file order. */
static int
config_colours(struct config_parser *p, const struct config_field *f,
    const struct config_node *v, void *target)
{
	struct config *cfg = target;
	size_t i;

	if (v->kind != CONFIG_NODE_MAP)
		return config_wrong_type(p, f->name, _("a mapping"), v);
	if (config_map_keys(p, v) < 0)
		return -1;
	if (v->n == 0)
		return 0;
	cfg->n_colours = v->n / 2;
	cfg->colours = xcalloc(cfg->n_colours, sizeof *cfg->colours);
	for (i = 0; i < cfg->n_colours; i++) {
		if (config_colour_rule(p, v->kids[2 * i], v->kids[2 * i + 1], &cfg->colours[i]) < 0)
			return -1;
	}
	return 0;
}

/* ---- cross checks ---------------------------------------------------- */

/* The norms of a group type that leaves them out. */
static void
config_group_type_init(void *elem)
{
	struct config_group_type *t = elem;

	t->max_months = CONFIG_MAX_MONTHS;
	t->interest_threshold = 1;
}

/* A group type may not end before it may start. */
static int
config_group_type_check(struct config_parser *p, const struct config_node *map, void *elem)
{
	const struct config_group_type *t = elem;

	if (t->max_months < t->min_months)
		return config_fail(p, config_map_get(map, "max_months"),
		    _("\"max_months\" must be at least \"min_months\" (%d), found %d"),
		    t->min_months, t->max_months);
	return 0;
}

/* A holiday may not end before it starts. */
static int
config_holiday_check(struct config_parser *p, const struct config_node *map, void *elem)
{
	const struct config_holiday *h = elem;
	char buf[CONFIG_QUOTE_SIZE];

	if (date_compare(&h->last, &h->first) < 0)
		return config_fail(p, config_map_get(map, "to"),
		    _("holiday %s ends before it starts"), config_quote(h->name, buf));
	return 0;
}

/* Gather up to max distinct holiday regions other than "all", in order. */
static size_t
config_holiday_regions(const struct config *cfg, const char **regions, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < cfg->n_holidays && n < max; i++) {
		const char *r = cfg->holidays[i].region;

		j = 0;
		while (j < n && strcmp(regions[j], r) != 0)
			j++;
		if (j == n && strcmp(r, "all") != 0)
			regions[n++] = r;
	}
	return n;
}

/* A region given under network must be one the holidays know about. */
static int
config_top_check(struct config_parser *p, const struct config_node *root, void *target)
{
	const struct config *cfg = target;
	const struct config_node *node = config_map_get(config_map_get(root, "network"), "region");
	char buf[CONFIG_QUOTE_SIZE], list[CONFIG_LIST_SIZE];
	const char *regions[8];
	size_t i, n;

	if (node == NULL || cfg->region == NULL)
		return 0;
	for (i = 0; i < cfg->n_holidays; i++) {
		if (strcmp(cfg->holidays[i].region, cfg->region) == 0)
			return 0;
	}
	if ((n = config_holiday_regions(cfg, regions, CONFIG_LEN(regions))) == 0)
		return 0;
	return config_fail(p, node, _("unknown region %s (the holidays know: %s)"),
	    config_quote(cfg->region, buf), config_join(regions, n, list));
}

/* ---- the schema tables ----------------------------------------------- */

static const char *const config_languages[] = { "nl", "en", "auto", NULL };
static const char *const config_date_formats[] = { "nl", "iso", NULL };
static const char *const config_colour_modes[] = { "auto", "always", "never", NULL };

static const struct config_field config_network_fields[] = {
	{ CONFIG_FIELD("name", CONFIG_TEXT, CONFIG_REQUIRED, struct config, network_name) },
	{ CONFIG_FIELD("contact", CONFIG_TEXT, CONFIG_NULLABLE, struct config, contact) },
	{ CONFIG_FIELD("region", CONFIG_NAME, 0, struct config, region) },
};

static const struct config_schema config_network_schema = {
	CONFIG_FIELDS(config_network_fields),
};

static const struct config_field config_group_type_fields[] = {
	{ CONFIG_FIELD("key", CONFIG_NAME, CONFIG_REQUIRED, struct config_group_type, key) },
	{ CONFIG_FIELD("label", CONFIG_TEXT, CONFIG_REQUIRED, struct config_group_type, label) },
	{ CONFIG_FIELD("hours_norm", CONFIG_INT, 0, struct config_group_type, hours_norm),
	    .min = 0, .max = CONFIG_MAX_HOURS },
	{ CONFIG_FIELD("min_months", CONFIG_INT, 0, struct config_group_type, min_months),
	    .min = 0, .max = CONFIG_MAX_MONTHS },
	{ CONFIG_FIELD("max_months", CONFIG_INT, 0, struct config_group_type, max_months),
	    .min = 0, .max = CONFIG_MAX_MONTHS },
	{ CONFIG_FIELD("interest_threshold", CONFIG_INT, 0, struct config_group_type,
	    interest_threshold), .min = 1, .max = CONFIG_MAX_THRESHOLD },
	{ CONFIG_FIELD("expected_meetings", CONFIG_INT, 0, struct config_group_type,
	    expected_meetings), .min = 0, .max = CONFIG_MAX_MEETINGS },
	{ CONFIG_FIELD("needs_proposal", CONFIG_BOOL, 0, struct config_group_type,
	    needs_proposal) },
};

static const struct config_schema config_group_type_schema = {
	CONFIG_FIELDS(config_group_type_fields),
	.size = sizeof(struct config_group_type),
	.keyed = true,
	.init = config_group_type_init,
	.check = config_group_type_check,
};

static const struct config_field config_item_fields[] = {
	{ CONFIG_FIELD("key", CONFIG_NAME, CONFIG_REQUIRED, struct config_item, key) },
	{ CONFIG_FIELD("label", CONFIG_TEXT, CONFIG_REQUIRED, struct config_item, label) },
};

static const struct config_schema config_item_schema = {
	CONFIG_FIELDS(config_item_fields),
	.size = sizeof(struct config_item),
	.keyed = true,
};

static const struct config_field config_method_fields[] = {
	{ CONFIG_FIELD("key", CONFIG_NAME, CONFIG_REQUIRED, struct config_method, key) },
	{ CONFIG_FIELD("label", CONFIG_TEXT, CONFIG_REQUIRED, struct config_method, label) },
	{ CONFIG_FIELD("phases", CONFIG_TEXTS, CONFIG_REQUIRED | CONFIG_NONEMPTY,
	    struct config_method, phases), CONFIG_COUNT(struct config_method, n_phases),
	    .item = CONFIG_TEXT },
};

static const struct config_schema config_method_schema = {
	CONFIG_FIELDS(config_method_fields),
	.size = sizeof(struct config_method),
	.keyed = true,
};

static const struct config_field config_holiday_fields[] = {
	{ CONFIG_FIELD("region", CONFIG_NAME, CONFIG_REQUIRED, struct config_holiday, region) },
	{ CONFIG_FIELD("name", CONFIG_TEXT, CONFIG_REQUIRED, struct config_holiday, name) },
	{ CONFIG_FIELD("from", CONFIG_DATE, CONFIG_REQUIRED, struct config_holiday, first) },
	{ CONFIG_FIELD("to", CONFIG_DATE, CONFIG_REQUIRED, struct config_holiday, last) },
};

static const struct config_schema config_holiday_schema = {
	CONFIG_FIELDS(config_holiday_fields),
	.size = sizeof(struct config_holiday),
	.check = config_holiday_check,
};

#define CONFIG_ITEMS(name, member) \
	{ CONFIG_FIELD(name, CONFIG_LIST, CONFIG_NONEMPTY, struct config, member.v), \
	    CONFIG_COUNT(struct config, member.n), .schema = &config_item_schema }

static const struct config_field config_top_fields[] = {
	/* network's fields live in struct config itself: the offset is unused */
	{ CONFIG_FIELD("network", CONFIG_MAP, CONFIG_REQUIRED, struct config, network_name),
	    .schema = &config_network_schema },
	{ CONFIG_FIELD("database", CONFIG_TEXT, CONFIG_NULLABLE, struct config, database) },
	{ CONFIG_FIELD("language", CONFIG_ENUM, 0, struct config, language),
	    .values = config_languages },
	{ CONFIG_FIELD("date_format", CONFIG_ENUM, 0, struct config, date_format),
	    .values = config_date_formats },
	{ CONFIG_FIELD("colour", CONFIG_ENUM, 0, struct config, colour),
	    .values = config_colour_modes },
	{ CONFIG_FIELD("group_types", CONFIG_LIST, CONFIG_REQUIRED | CONFIG_NONEMPTY,
	    struct config, group_types), CONFIG_COUNT(struct config, n_group_types),
	    .schema = &config_group_type_schema },
	CONFIG_ITEMS("roles", roles),
	CONFIG_ITEMS("functions", functions),
	CONFIG_ITEMS("orientations", orientations),
	CONFIG_ITEMS("working_forms", working_forms),
	CONFIG_ITEMS("success_factors", success_factors),
	{ CONFIG_FIELD("methods", CONFIG_LIST, CONFIG_NONEMPTY, struct config, methods),
	    CONFIG_COUNT(struct config, n_methods), .schema = &config_method_schema },
	{ CONFIG_FIELD("holidays", CONFIG_LIST, CONFIG_NULLABLE, struct config, holidays),
	    CONFIG_COUNT(struct config, n_holidays), .schema = &config_holiday_schema },
	{ CONFIG_FIELD("coordinators", CONFIG_TEXTS, CONFIG_NULLABLE, struct config,
	    coordinators), CONFIG_COUNT(struct config, n_coordinators), .item = CONFIG_LOGIN },
	{ CONFIG_FIELD("keys", CONFIG_CUSTOM, CONFIG_NULLABLE, struct config, bindings),
	    .custom = config_keys },
	{ CONFIG_FIELD("colours", CONFIG_CUSTOM, CONFIG_NULLABLE, struct config, colours),
	    .custom = config_colours },
};

static const struct config_schema config_top_schema = {
	CONFIG_FIELDS(config_top_fields),
	.check = config_top_check,
};

/* The enums are stored through an int. */
_Static_assert(sizeof(enum config_language) == sizeof(int), "enum size");
_Static_assert(sizeof(enum config_date_format) == sizeof(int), "enum size");
_Static_assert(sizeof(enum config_colour) == sizeof(int), "enum size");

/* ---- built-in defaults ----------------------------------------------- */

struct config_default_item {
	const char *key, *label;
};

static const struct config_default_item config_default_roles[] = {
	{ "lead", "Trekker" },
	{ "member", "Deelnemer" },
	{ "expert", "Expert" },
	{ "follower", "Volger" },
};

static const struct config_default_item config_default_functions[] = {
	{ "teacher", "Leraar" },
	{ "student_teacher", "Leraar in opleiding" },
	{ "teacher_educator", "Lerarenopleider" },
	{ "researcher", "Onderzoeker" },
	{ "director", "Directeur" },
	{ "internal_counsellor", "Intern begeleider (IB'er)" },
	{ "hr", "HR-adviseur" },
	{ "other", "Anders" },
};

static const struct config_default_item config_default_orientations[] = {
	{ "exploring", "Verkennen" },
	{ "searching", "Zoeken" },
	{ "processing", "Verwerken" },
	{ "developing", "Ontwikkelen" },
};

static const struct config_default_item config_default_working_forms[] = {
	{ "intervision", "Intervisie" },
	{ "literature", "Literatuurstudie" },
	{ "school_visit", "Schoolbezoek" },
	{ "lesson_study", "Lesson study" },
	{ "workshop", "Workshop" },
	{ "meeting", "Themabijeenkomst" },
	{ "peer_observation", "Collegiale consultatie" },
	{ "practice_research", "Praktijkonderzoek" },
};

static const struct config_default_item config_default_success_factors[] = {
	{ "enthusiasm", "Enthousiasme voor het thema" },
	{ "respected_lead", "Een gerespecteerde trekker" },
	{ "diverse_expertise", "Diverse expertise" },
	{ "steady_rhythm", "Een vast ritme" },
	{ "strategic_relevance", "Strategische relevantie" },
	{ "visible_steering", "Zichtbare sturing" },
	{ "formal_informal_balance", "Balans tussen formeel en informeel" },
	{ "facilitation", "Voldoende facilitering" },
	{ "lasting_implementation", "Duurzame implementatie" },
};

static const char *const config_incident_phases[] = {
	"Casus kiezen", "Probleem schetsen", "Verhelderende vragen", "Analyse",
	"Advies van elke deelnemer", "Wat de inbrenger meeneemt", "Evaluatie", NULL
};

static const char *const config_balint_phases[] = {
	"Casus inbrengen", "Verhelderende vragen", "Associaties en beelden (inbrenger luistert)",
	"Reactie van de inbrenger", "Evaluatie", NULL
};

static const char *const config_five_step_phases[] = {
	"Probleem benoemen", "Vragen stellen", "Probleem herformuleren", "Adviezen geven",
	"Evaluatie", NULL
};

static const struct {
	const char *key, *label;
	const char *const *phases;
} config_default_methods[] = {
	{ "incident", "Incidentmethode", config_incident_phases },
	{ "balint", "Balintmethode", config_balint_phases },
	{ "vijfstappen", "Vijfstappenmethode", config_five_step_phases },
};

/* The built-in list d when the file gave none. */
static void
config_default_items(struct config_items *items, const struct config_default_item *d, size_t n)
{
	size_t i;

	if (items->n > 0)
		return;
	items->v = xcalloc(n, sizeof *items->v);
	items->n = n;
	for (i = 0; i < n; i++) {
		items->v[i].key = xstrdup(d[i].key);
		items->v[i].label = xstrdup(d[i].label);
	}
}

/* The built-in intervision methods when the file gave none. */
static void
config_default_methods_fill(struct config *cfg)
{
	size_t i, j, n = CONFIG_LEN(config_default_methods);

	if (cfg->n_methods > 0)
		return;
	cfg->methods = xcalloc(n, sizeof *cfg->methods);
	cfg->n_methods = n;
	for (i = 0; i < n; i++) {
		struct config_method *m = &cfg->methods[i];

		m->key = xstrdup(config_default_methods[i].key);
		m->label = xstrdup(config_default_methods[i].label);
		j = 0;
		while (config_default_methods[i].phases[j] != NULL)
			j++;
		m->phases = xcalloc(j, sizeof *m->phases);
		m->n_phases = j;
		for (j = 0; j < m->n_phases; j++)
			m->phases[j] = xstrdup(config_default_methods[i].phases[j]);
	}
}

/* Fill in what the file left out. */
static void
config_defaults(struct config *cfg)
{
	if (cfg->region == NULL)
		cfg->region = xstrdup("midden");
	config_default_items(&cfg->roles, config_default_roles,
	    CONFIG_LEN(config_default_roles));
	config_default_items(&cfg->functions, config_default_functions,
	    CONFIG_LEN(config_default_functions));
	config_default_items(&cfg->orientations, config_default_orientations,
	    CONFIG_LEN(config_default_orientations));
	config_default_items(&cfg->working_forms, config_default_working_forms,
	    CONFIG_LEN(config_default_working_forms));
	config_default_items(&cfg->success_factors, config_default_success_factors,
	    CONFIG_LEN(config_default_success_factors));
	config_default_methods_fill(cfg);
}

/* ---- the public interface -------------------------------------------- */

/* Hand the error over (or drop it when the caller does not want it). */
static void
config_error_out(struct config_parser *p, char **error)
{
	if (error != NULL)
		*error = p->error;
	else
		free(p->error);
}

/* Walk the tree into a fresh config with the defaults filled in; NULL on error. */
static struct config *
config_build(struct config_parser *p, const struct config_node *root)
{
	struct config *cfg = xcalloc(1, sizeof *cfg);
	char buf[CONFIG_QUOTE_SIZE];

	cfg->path = xstrdup(p->name);
	if (root == NULL)
		config_fail_at(p, 1, 1, _("expected a mapping at the top level, found nothing"));
	else if (root->kind != CONFIG_NODE_MAP)
		config_fail(p, root, _("expected a mapping at the top level, found %s"),
		    config_found(root, buf));
	else if (config_walk_map(p, root, NULL, &config_top_schema, cfg) == 0)
		config_defaults(cfg);
	if (p->error != NULL) {
		config_free(cfg);
		return NULL;
	}
	return cfg;
}

struct config *
config_parse(const char *name, const char *text, size_t len, char **error)
{
	struct config_parser p = { .name = name != NULL ? name : "-" };
	struct config_node *root = NULL;
	struct config *cfg = NULL;

	if (text == NULL) {
		config_fail_file(&p, _("no text given"));
		goto out;
	}
	if (len > CONFIG_MAX_BYTES) {
		config_fail_file(&p, _("the file is too large: %zu bytes (at most %d)"), len,
		    CONFIG_MAX_BYTES);
		goto out;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;	/* a byte order mark, as some editors write */
		len -= 3;
	}
	if (config_read(&p, text, len, &root) == 0)
		cfg = config_build(&p, root);
out:
	config_node_free(root);
	config_error_out(&p, error);
	return cfg;
}

/* Read the whole of fp (size bytes as fstat saw them) into a fresh buffer. */
static char *
config_slurp(FILE *fp, size_t size, size_t *len)
{
	char *text = xmalloc(size + 1);

	*len = fread(text, 1, size + 1, fp);
	if (ferror(fp)) {
		free(text);
		return NULL;
	}
	return text;
}

struct config *
config_load(const char *path, char **error)
{
	struct config_parser p = { .name = path };
	struct config *cfg = NULL;
	struct stat st;
	char *text = NULL;
	size_t len;
	FILE *fp;

	if (path == NULL) {
		p.name = "-";
		config_fail_file(&p, _("no configuration file given"));
		config_error_out(&p, error);
		return NULL;
	}
	if ((fp = fopen(path, "rb")) == NULL || fstat(fileno(fp), &st) < 0) {
		config_fail_file(&p, _("cannot read: %s"), strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		config_fail_file(&p, _("cannot read: %s"), S_ISDIR(st.st_mode) ?
		    strerror(EISDIR) : _("not a regular file"));
		goto out;
	}
	if (st.st_size > CONFIG_MAX_BYTES) {
		config_fail_file(&p, _("the file is too large: %zu bytes (at most %d)"),
		    (size_t)st.st_size, CONFIG_MAX_BYTES);
		goto out;
	}
	if ((text = config_slurp(fp, (size_t)st.st_size, &len)) == NULL) {
		config_fail_file(&p, _("cannot read: %s"), strerror(errno));
		goto out;
	}
	cfg = config_parse(path, text, len, error);
out:
	if (fp != NULL)
		fclose(fp);
	free(text);
	if (cfg == NULL && p.error != NULL)
		config_error_out(&p, error);
	return cfg;
}

static void
config_strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
config_items_free(struct config_items *items)
{
	size_t i;

	for (i = 0; i < items->n; i++) {
		free(items->v[i].key);
		free(items->v[i].label);
	}
	free(items->v);
}

/* Free the lists whose elements hold strings of their own. */
static void
config_free_lists(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_group_types; i++) {
		free(cfg->group_types[i].key);
		free(cfg->group_types[i].label);
	}
	for (i = 0; i < cfg->n_methods; i++) {
		free(cfg->methods[i].key);
		free(cfg->methods[i].label);
		config_strings_free(cfg->methods[i].phases, cfg->methods[i].n_phases);
	}
	for (i = 0; i < cfg->n_holidays; i++) {
		free(cfg->holidays[i].region);
		free(cfg->holidays[i].name);
	}
	for (i = 0; i < cfg->n_bindings; i++) {
		free(cfg->bindings[i].action);
		config_strings_free(cfg->bindings[i].keys, cfg->bindings[i].n_keys);
	}
	for (i = 0; i < cfg->n_colours; i++)
		free(cfg->colours[i].element);
	free(cfg->group_types);
	free(cfg->methods);
	free(cfg->holidays);
	free(cfg->bindings);
	free(cfg->colours);
}

void
config_free(struct config *cfg)
{
	if (cfg == NULL)
		return;
	free(cfg->path);
	free(cfg->network_name);
	free(cfg->contact);
	free(cfg->database);
	free(cfg->region);
	config_items_free(&cfg->roles);
	config_items_free(&cfg->functions);
	config_items_free(&cfg->orientations);
	config_items_free(&cfg->working_forms);
	config_items_free(&cfg->success_factors);
	config_strings_free(cfg->coordinators, cfg->n_coordinators);
	config_free_lists(cfg);
	free(cfg);
}

const struct config_group_type *
config_group_type(const struct config *cfg, const char *key)
{
	size_t i;

	for (i = 0; cfg != NULL && key != NULL && i < cfg->n_group_types; i++) {
		if (strcmp(cfg->group_types[i].key, key) == 0)
			return &cfg->group_types[i];
	}
	return NULL;
}

const struct config_method *
config_method(const struct config *cfg, const char *key)
{
	size_t i;

	for (i = 0; cfg != NULL && key != NULL && i < cfg->n_methods; i++) {
		if (strcmp(cfg->methods[i].key, key) == 0)
			return &cfg->methods[i];
	}
	return NULL;
}

const char *
config_item_label(const struct config_items *items, const char *key)
{
	size_t i;

	for (i = 0; items != NULL && key != NULL && i < items->n; i++) {
		if (strcmp(items->v[i].key, key) == 0)
			return items->v[i].label;
	}
	return NULL;
}

bool
config_is_coordinator(const struct config *cfg, const char *login)
{
	size_t i;

	for (i = 0; cfg != NULL && login != NULL && i < cfg->n_coordinators; i++) {
		if (strcmp(cfg->coordinators[i], login) == 0)
			return true;
	}
	return false;
}

const struct config_holiday *
config_holiday_on(const struct config *cfg, const struct date *d)
{
	size_t i;

	for (i = 0; cfg != NULL && d != NULL && i < cfg->n_holidays; i++) {
		const struct config_holiday *h = &cfg->holidays[i];

		if ((strcmp(h->region, "all") == 0 || strcmp(h->region, cfg->region) == 0) &&
		    date_compare(&h->first, d) <= 0 && date_compare(d, &h->last) <= 0)
			return h;
	}
	return NULL;
}
