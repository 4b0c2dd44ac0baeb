/* test_config.c — the YAML configuration: the shipped file, defaults, every error kind. */
#include "autoconf.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "core/xmalloc.h"
#include "suites.h"

#define CONFIG_DIR TEST_SRCDIR "/tests/config/"
#define TEST_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The least that parses: network.name and one group type. */
#define BASE "network: {name: N}\ngroup_types: [{key: plg, label: P}]\n"

static struct config *
test_config_load_ok(const char *path)
{
	char *error = NULL;
	struct config *cfg = config_load(path, &error);

	ck_assert_msg(cfg != NULL, "%s", error != NULL ? error : "(no message)");
	ck_assert_ptr_null(error);
	return cfg;
}

/* config_parse of a C string; returns the error message (allocated) or NULL. */
static char *
test_config_parse_error(const char *text)
{
	char *error = NULL;
	struct config *cfg = config_parse("mem", text, strlen(text), &error);

	config_free(cfg);
	ck_assert_msg(cfg == NULL || error == NULL, "a config and an error");
	return error;
}

static struct date
test_date(const char *iso)
{
	struct date d;

	ck_assert_int_eq(date_parse_iso(iso, &d), 0);
	return d;
}

START_TEST(test_null_inputs)
{
	char *error = NULL;
	struct date d = { 2026, 1, 1 };

	ck_assert_ptr_null(config_load(NULL, &error));
	ck_assert_str_eq(error, "-: no configuration file given");
	free(error);
	ck_assert_ptr_null(config_parse("x", NULL, 0, &error));
	ck_assert_str_eq(error, "x: no text given");
	free(error);
	ck_assert_ptr_null(config_parse(NULL, "", 0, &error));
	ck_assert_str_eq(error, "-:1:1: expected a mapping at the top level, found nothing");
	free(error);
	ck_assert_ptr_null(config_parse("x", "a: [", 4, NULL));
	ck_assert_ptr_null(config_load(NULL, NULL));
	config_free(NULL);
	ck_assert_ptr_null(config_group_type(NULL, "plg"));
	ck_assert_ptr_null(config_method(NULL, "incident"));
	ck_assert_ptr_null(config_item_label(NULL, "lead"));
	ck_assert(!config_is_coordinator(NULL, "zoe"));
	ck_assert_ptr_null(config_holiday_on(NULL, &d));
}
END_TEST

START_TEST(test_unreadable)
{
	char *error = NULL;

	ck_assert_ptr_null(config_load(CONFIG_DIR "no-such-file.yaml", &error));
	ck_assert_str_eq(error, CONFIG_DIR "no-such-file.yaml: cannot read: "
	    "No such file or directory");
	free(error);
	ck_assert_ptr_null(config_load(TEST_SRCDIR "/tests/config", &error));
	ck_assert_str_eq(error, TEST_SRCDIR "/tests/config: cannot read: Is a directory");
	free(error);
	ck_assert_ptr_null(config_load("/dev/null", &error));
	ck_assert_str_eq(error, "/dev/null: cannot read: not a regular file");
	free(error);
}
END_TEST

START_TEST(test_shipped)
{
	struct config *cfg = test_config_load_ok(TEST_SRCDIR "/data/leernet.yaml");
	const struct config_group_type *t;
	const struct config_method *m;

	ck_assert_str_eq(cfg->path, TEST_SRCDIR "/data/leernet.yaml");
	ck_assert_str_eq(cfg->network_name, "Leernetwerk Regio Midden");
	ck_assert_str_eq(cfg->contact, "netwerkcoordinator@leernetwerk-midden.example");
	ck_assert_ptr_null(cfg->database);
	ck_assert_str_eq(cfg->region, "midden");
	ck_assert_int_eq(cfg->language, CONFIG_LANGUAGE_NL);
	ck_assert_int_eq(cfg->date_format, CONFIG_DATE_NL);
	ck_assert_int_eq(cfg->colour, CONFIG_COLOUR_AUTO);

	ck_assert_uint_eq(cfg->n_group_types, 5);
	t = config_group_type(cfg, "plg");
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->label, "PLG (professionele leergemeenschap)");
	ck_assert_int_eq(t->hours_norm, 40);
	ck_assert_int_eq(t->min_months, 6);
	ck_assert_int_eq(t->max_months, 24);
	ck_assert_int_eq(t->interest_threshold, 4);
	ck_assert_int_eq(t->expected_meetings, 8);
	ck_assert(!t->needs_proposal);
	ck_assert(config_group_type(cfg, "project")->needs_proposal);
	ck_assert_int_eq(config_group_type(cfg, "onderzoek")->min_months, 12);
	t = config_group_type(cfg, "leernetwerk");
	ck_assert_int_eq(t->expected_meetings, 5);
	ck_assert_int_eq(t->hours_norm, 25);
	ck_assert_str_eq(config_group_type(cfg, "werkgroep")->label, "Expertgroep / werkgroep");
	ck_assert_ptr_null(config_group_type(cfg, "PLG"));

	ck_assert_uint_eq(cfg->roles.n, 4);
	ck_assert_str_eq(config_item_label(&cfg->roles, "lead"), "Trekker");
	ck_assert_uint_eq(cfg->functions.n, 8);
	ck_assert_str_eq(config_item_label(&cfg->functions, "internal_counsellor"),
	    "Intern begeleider (IB'er)");
	ck_assert_uint_eq(cfg->orientations.n, 4);
	ck_assert_str_eq(cfg->orientations.v[3].key, "developing");
	ck_assert_uint_eq(cfg->working_forms.n, 8);
	ck_assert_str_eq(config_item_label(&cfg->working_forms, "lesson_study"), "Lesson study");
	ck_assert_uint_eq(cfg->success_factors.n, 9);
	ck_assert_str_eq(cfg->success_factors.v[8].key, "lasting_implementation");
	ck_assert_ptr_null(config_item_label(&cfg->roles, "nobody"));

	ck_assert_uint_eq(cfg->n_methods, 3);
	m = config_method(cfg, "incident");
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->label, "Incidentmethode");
	ck_assert_uint_eq(m->n_phases, 7);
	ck_assert_str_eq(m->phases[0], "Casus kiezen");
	ck_assert_str_eq(m->phases[5], "Wat de inbrenger meeneemt");
	ck_assert_str_eq(m->phases[6], "Evaluatie");
	ck_assert_uint_eq(config_method(cfg, "vijfstappen")->n_phases, 5);
	ck_assert_ptr_nonnull(config_method(cfg, "balint"));

	ck_assert_uint_eq(cfg->n_holidays, 33);
	ck_assert_uint_eq(cfg->n_coordinators, 1);
	ck_assert(config_is_coordinator(cfg, "zoe"));
	ck_assert(!config_is_coordinator(cfg, "emre"));
	ck_assert(!config_is_coordinator(cfg, "Zoe"));
	ck_assert_uint_eq(cfg->n_bindings, 0);
	ck_assert_uint_eq(cfg->n_colours, 0);
	config_free(cfg);
}
END_TEST

START_TEST(test_holiday_on)
{
	struct config *cfg = test_config_load_ok(TEST_SRCDIR "/data/leernet.yaml");
	const struct config_holiday *h;
	struct date d;

	d = test_date("2025-12-25");
	h = config_holiday_on(cfg, &d);
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(h->name, "Kerstvakantie");
	ck_assert_str_eq(h->region, "all");
	d = test_date("2026-02-16");
	ck_assert_str_eq(config_holiday_on(cfg, &d)->name, "Voorjaarsvakantie");
	d = test_date("2026-02-25");		/* only noord is off */
	ck_assert_ptr_null(config_holiday_on(cfg, &d));
	d = test_date("2026-07-17");
	ck_assert_ptr_null(config_holiday_on(cfg, &d));
	d = test_date("2026-07-18");		/* first and last day count */
	ck_assert_str_eq(config_holiday_on(cfg, &d)->name, "Zomervakantie");
	d = test_date("2026-08-30");
	ck_assert_str_eq(config_holiday_on(cfg, &d)->name, "Zomervakantie");
	d = test_date("2026-08-31");
	ck_assert_ptr_null(config_holiday_on(cfg, &d));
	ck_assert_ptr_null(config_holiday_on(cfg, NULL));
	config_free(cfg);
}
END_TEST

START_TEST(test_holiday_region)
{
	static const char text[] =
	    "network: {name: N, region: noord}\n"
	    "group_types: [{key: plg, label: P}]\n"
	    "holidays:\n"
	    "  - {region: noord, name: Voorjaarsvakantie, from: 2026-02-21, to: 2026-03-01}\n"
	    "  - {region: midden, name: Voorjaarsvakantie, from: 2026-02-14, to: 2026-02-22}\n"
	    "  - {region: all, name: Meivakantie, from: 2026-04-25, to: 2026-05-03}\n";
	struct config *cfg = config_parse("mem", text, strlen(text), NULL);
	struct date d;

	ck_assert_ptr_nonnull(cfg);
	d = test_date("2026-02-25");
	ck_assert_int_eq(config_holiday_on(cfg, &d)->first.day, 21);
	d = test_date("2026-02-14");
	ck_assert_ptr_null(config_holiday_on(cfg, &d));
	d = test_date("2026-05-03");
	ck_assert_str_eq(config_holiday_on(cfg, &d)->name, "Meivakantie");
	config_free(cfg);
}
END_TEST

START_TEST(test_defaults)
{
	struct config *cfg = test_config_load_ok(CONFIG_DIR "minimal.yaml");
	const struct config_group_type *t = config_group_type(cfg, "plg");

	ck_assert_str_eq(cfg->network_name, "Klein netwerk");
	ck_assert_ptr_null(cfg->contact);
	ck_assert_str_eq(cfg->region, "midden");
	ck_assert_int_eq(cfg->language, CONFIG_LANGUAGE_NL);
	ck_assert_int_eq(cfg->date_format, CONFIG_DATE_NL);
	ck_assert_int_eq(cfg->colour, CONFIG_COLOUR_AUTO);
	ck_assert_int_eq(t->hours_norm, 0);
	ck_assert_int_eq(t->min_months, 0);
	ck_assert_int_eq(t->max_months, CONFIG_MAX_MONTHS);
	ck_assert_int_eq(t->interest_threshold, 1);
	ck_assert_int_eq(t->expected_meetings, 0);
	ck_assert(!t->needs_proposal);
	ck_assert_uint_eq(cfg->roles.n, 4);
	ck_assert_str_eq(config_item_label(&cfg->roles, "follower"), "Volger");
	ck_assert_uint_eq(cfg->functions.n, 8);
	ck_assert_str_eq(config_item_label(&cfg->functions, "student_teacher"),
	    "Leraar in opleiding");
	ck_assert_uint_eq(cfg->orientations.n, 4);
	ck_assert_uint_eq(cfg->working_forms.n, 8);
	ck_assert_uint_eq(cfg->success_factors.n, 9);
	ck_assert_uint_eq(cfg->n_methods, 3);
	ck_assert_uint_eq(config_method(cfg, "incident")->n_phases, 7);
	ck_assert_str_eq(config_method(cfg, "balint")->phases[4], "Evaluatie");
	ck_assert_uint_eq(cfg->n_holidays, 0);
	ck_assert_uint_eq(cfg->n_coordinators, 0);
	ck_assert(!config_is_coordinator(cfg, "zoe"));
	config_free(cfg);
}
END_TEST

/* Text past the length given to config_parse, which must not be read. */
#define TAIL "GARBAGE AFTER THE LENGTH: ["

static void
test_config_same_items(const struct config_items *a, const struct config_items *b)
{
	size_t i;

	ck_assert_uint_eq(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		ck_assert_str_eq(a->v[i].key, b->v[i].key);
		ck_assert_str_eq(a->v[i].label, b->v[i].label);
	}
}

/* The shipped file spells out exactly the built-in lists. */
START_TEST(test_defaults_match_shipped)
{
	struct config *shipped = test_config_load_ok(TEST_SRCDIR "/data/leernet.yaml");
	struct config *builtin = test_config_load_ok(CONFIG_DIR "minimal.yaml");
	size_t i, j;

	test_config_same_items(&shipped->roles, &builtin->roles);
	test_config_same_items(&shipped->functions, &builtin->functions);
	test_config_same_items(&shipped->orientations, &builtin->orientations);
	test_config_same_items(&shipped->working_forms, &builtin->working_forms);
	test_config_same_items(&shipped->success_factors, &builtin->success_factors);
	ck_assert_uint_eq(shipped->n_methods, builtin->n_methods);
	for (i = 0; i < shipped->n_methods; i++) {
		const struct config_method *a = &shipped->methods[i], *b = &builtin->methods[i];

		ck_assert_str_eq(a->key, b->key);
		ck_assert_str_eq(a->label, b->label);
		ck_assert_uint_eq(a->n_phases, b->n_phases);
		for (j = 0; j < a->n_phases; j++)
			ck_assert_str_eq(a->phases[j], b->phases[j]);
	}
	config_free(shipped);
	config_free(builtin);
}
END_TEST

START_TEST(test_parse_memory)
{
	static const char text[] =
	    "\xEF\xBB\xBF# a byte order mark first, as some editors write\n"
	    "network:\n"
	    "  name: \"Zoë's netwerk\"\n"
	    "  contact: ~\n"
	    "  region: zuid\n"
	    "database: ~/leernet.db\n"
	    "language: auto\n"
	    "date_format: iso\n"
	    "colour: never\n"
	    "group_types:\n"
	    "  - {key: plg, label: P, hours_norm: 0, min_months: 12, max_months: 12,\n"
	    "     interest_threshold: 100, expected_meetings: 100, needs_proposal: yes}\n"
	    "roles: [{key: a, label: A}]\n"
	    "methods: [{key: kort, label: Kort, phases: [Een]}]\n"
	    "coordinators: [zoe, j.de-vries_2]\n"
	    "keys:\n"
	    "  quit: [q, F10]\n"
	    "  down: j\n"
	    "  nothing-here: []\n"
	    "colours:\n"
	    "  title: bold white on blue\n"
	    "  hint: default\n"
	    TAIL;
	char *error = NULL;
	struct config *cfg = config_parse("mem", text, strlen(text) - strlen(TAIL), &error);
	const struct config_group_type *t;

	ck_assert_msg(cfg != NULL, "%s", error);
	ck_assert_str_eq(cfg->network_name, "Zoë's netwerk");
	ck_assert_ptr_null(cfg->contact);
	ck_assert_str_eq(cfg->region, "zuid");
	ck_assert_str_eq(cfg->database, "~/leernet.db");
	ck_assert_int_eq(cfg->language, CONFIG_LANGUAGE_AUTO);
	ck_assert_int_eq(cfg->date_format, CONFIG_DATE_ISO);
	ck_assert_int_eq(cfg->colour, CONFIG_COLOUR_NEVER);
	t = config_group_type(cfg, "plg");
	ck_assert_int_eq(t->min_months, 12);
	ck_assert_int_eq(t->interest_threshold, 100);
	ck_assert(t->needs_proposal);
	ck_assert_uint_eq(cfg->roles.n, 1);
	ck_assert_uint_eq(cfg->functions.n, 8);
	ck_assert_uint_eq(cfg->n_methods, 1);
	ck_assert_str_eq(cfg->methods[0].phases[0], "Een");
	ck_assert(config_is_coordinator(cfg, "j.de-vries_2"));

	ck_assert_uint_eq(cfg->n_bindings, 3);
	ck_assert_str_eq(cfg->bindings[0].action, "quit");
	ck_assert_uint_eq(cfg->bindings[0].n_keys, 2);
	ck_assert_str_eq(cfg->bindings[0].keys[1], "F10");
	ck_assert_int_eq(cfg->bindings[0].line, 17);
	ck_assert_int_eq(cfg->bindings[0].column, 3);
	ck_assert_str_eq(cfg->bindings[1].keys[0], "j");
	ck_assert_uint_eq(cfg->bindings[1].n_keys, 1);
	ck_assert_str_eq(cfg->bindings[2].action, "nothing-here");
	ck_assert_uint_eq(cfg->bindings[2].n_keys, 0);
	ck_assert_int_eq(cfg->bindings[2].line, 19);

	ck_assert_uint_eq(cfg->n_colours, 2);
	ck_assert_str_eq(cfg->colours[0].element, "title");
	ck_assert(cfg->colours[0].bold);
	ck_assert_int_eq(cfg->colours[0].fg, 7);
	ck_assert_int_eq(cfg->colours[0].bg, 4);
	ck_assert_int_eq(cfg->colours[0].line, 21);
	ck_assert(!cfg->colours[1].bold);
	ck_assert_int_eq(cfg->colours[1].fg, -1);
	ck_assert_int_eq(cfg->colours[1].bg, -1);
	config_free(cfg);
}
END_TEST

/* One bad file per kind of error, with the exact message. */
static const struct {
	const char *file;
	const char *message;
} test_bad_files[] = {
	{ "unknown-key.yaml",
	  "4:1: unknown key \"grup_types\" in the top level (did you mean \"group_types\"?)" },
	{ "duplicate-key.yaml", "7:1: duplicate key \"language\" (first at line 4)" },
	{ "wrong-type.yaml", "6:8: expected a list for \"roles\", found \"teacher\"" },
	{ "not-a-number.yaml",
	  "7:17: expected a number for \"hours_norm\", found \"veertig\"" },
	{ "out-of-range.yaml", "7:17: \"hours_norm\" must be between 0 and 2000, found 5000" },
	{ "bad-date.yaml",
	  "9:11: \"from\" is not a date (expected YYYY-MM-DD), found \"31-02-2026\"" },
	{ "reversed-holiday.yaml", "7:63: holiday \"Kerstvakantie\" ends before it starts" },
	{ "missing-name.yaml", "3:3: missing required key \"name\" in \"network\"" },
	{ "bad-enum.yaml",
	  "4:11: unknown value \"fr\" for \"language\" (expected one of: nl, en, auto)" },
	{ "duplicate-item.yaml",
	  "7:12: \"plg\" is used twice in \"group_types\" (first at line 5)" },
	{ "alias.yaml", "3:9: aliases and anchors are not supported" },
	{ "syntax.yaml", "6:15: invalid YAML: mapping values are not allowed in this context" },
};

START_TEST(test_bad_file)
{
	char *path = xasprintf("%s%s", CONFIG_DIR, test_bad_files[_i].file);
	char *want = xasprintf("%s:%s", path, test_bad_files[_i].message);
	char *error = NULL;

	ck_assert_ptr_null(config_load(path, &error));
	ck_assert_str_eq(error, want);
	free(error);
	free(want);
	free(path);
}
END_TEST

/* Errors from memory, with the exact message. */
static const struct {
	const char *text;
	const char *message;
} test_bad_texts[] = {
	{ "# only a comment\n", "mem:1:1: expected a mapping at the top level, found nothing" },
	{ "- a\n- b\n", "mem:1:1: expected a mapping at the top level, found a list" },
	{ "network: {name: N}\n",
	  "mem:1:1: missing required key \"group_types\" in the top level" },
	{ "network:\ngroup_types: [{key: plg, label: P}]\n",
	  "mem:1:9: expected a mapping for \"network\", found nothing" },
	{ "network: {name: \"\"}\ngroup_types: [{key: plg, label: P}]\n",
	  "mem:1:17: \"name\" must not be empty" },
	{ "network: {name: N, nmae: x}\ngroup_types: [{key: plg, label: P}]\n",
	  "mem:1:20: unknown key \"nmae\" in \"network\" (did you mean \"name\"?)" },
	{ "network: {name: N, phone: 1}\ngroup_types: [{key: plg, label: P}]\n",
	  "mem:1:20: unknown key \"phone\" in \"network\" "
	  "(expected one of: name, contact, region)" },
	{ BASE "---\nnetwork: {name: M}\n", "mem:3:1: only one YAML document is allowed" },
	{ BASE "x: \xff\n", "mem:3:4: not valid UTF-8: invalid leading UTF-8 octet" },
	{ BASE "x: \x01\n", "mem:3:4: invalid text: control characters are not allowed" },
	{ BASE "x: \"a\\0b\"\n", "mem:3:4: text must not contain a NUL character" },
	{ BASE "[a]: b\n", "mem:3:1: expected a text key, found a list" },
	{ BASE "language: [nl]\n", "mem:3:11: expected text for \"language\", found a list" },
	{ BASE "roles: []\n", "mem:3:8: \"roles\" needs at least one item" },
	{ BASE "roles: [plg]\n",
	  "mem:3:9: expected a mapping for each item of \"roles\", found \"plg\"" },
	{ BASE "roles: [{key: Lead, label: T}]\n",
	  "mem:3:15: \"key\" must be lowercase letters, digits, \"-\" or \"_\", found \"Lead\"" },
	{ BASE "coordinators: [zoe, 'a b']\n",
	  "mem:3:21: \"coordinators\" must be a login name "
	  "(letters, digits, \".\", \"-\" or \"_\"), found \"a b\"" },
	{ BASE "methods: [{key: a, label: A, phases: []}]\n",
	  "mem:3:38: \"phases\" needs at least one item" },
	{ BASE "holidays:\n  - {region: all, name: H, from: 2026-01-01}\n",
	  "mem:4:5: missing required key \"to\" in \"holidays\"" },
	{ "network: {name: N}\n"
	  "group_types: [{key: plg, label: P, min_months: 12, max_months: 6}]\n",
	  "mem:2:64: \"max_months\" must be at least \"min_months\" (12), found 6" },
	{ "network: {name: N}\ngroup_types: [{key: plg, label: P, needs_proposal: ja}]\n",
	  "mem:2:52: expected true or false for \"needs_proposal\", found \"ja\"" },
	{ "network: {name: N}\n"
	  "group_types: [{key: plg, label: P, hours_norm: 99999999999999999999}]\n",
	  "mem:2:48: \"hours_norm\" must be between 0 and 2000, found 99999999999999999999" },
	{ "network: {name: N, region: midde}\ngroup_types: [{key: plg, label: P}]\n"
	  "holidays: [{region: noord, name: H, from: 2026-01-01, to: 2026-01-02},\n"
	  "  {region: all, name: K, from: 2026-01-01, to: 2026-01-02},\n"
	  "  {region: zuid, name: H, from: 2026-01-01, to: 2026-01-02}]\n",
	  "mem:1:28: unknown region \"midde\" (the holidays know: noord, zuid)" },
	{ BASE "keys:\n  quit: q\n  quit: x\n",
	  "mem:5:3: duplicate key \"quit\" (first at line 4)" },
	{ BASE "keys: {quit: {a: b}}\n",
	  "mem:3:14: expected a key name or a list of key names for \"quit\", found a mapping" },
	{ BASE "colours: {title: purple on blue}\n",
	  "mem:3:18: \"purple on blue\" is not a colour for \"title\" (expected \"[bold] COLOUR "
	  "[on COLOUR]\" with COLOUR one of: default, black, red, green, yellow, blue, magenta, "
	  "cyan, white)" },
	{ BASE "x: &a y\n", "mem:3:4: aliases and anchors are not supported" },
	{ BASE "unknown-and-a-very-long-key-name-that-goes-on-and-on-and-on: 1\n",
	  "mem:3:1: unknown key \"unknown-and-a-very-long-key-name-that-go…\" in the top level "
	  "(expected one of: network, database, language, date_format, colour, group_types, roles, "
	  "functions, orientations, working_forms, success_factors, methods, holidays, "
	  "coordinators, keys, colours)" },
};

START_TEST(test_bad_text)
{
	char *error = test_config_parse_error(test_bad_texts[_i].text);

	ck_assert_ptr_nonnull(error);
	ck_assert_str_eq(error, test_bad_texts[_i].message);
	free(error);
}
END_TEST

START_TEST(test_too_large)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/big.yaml", dir), *want, *error = NULL;
	char *text = xmalloc(CONFIG_MAX_BYTES + 1);
	int fd;

	memset(text, ' ', CONFIG_MAX_BYTES + 1);
	ck_assert_ptr_null(config_parse("big", text, CONFIG_MAX_BYTES + 1, &error));
	ck_assert_str_eq(error, "big: the file is too large: 262145 bytes (at most 262144)");
	free(error);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 300000), 0);
	close(fd);
	want = xasprintf("%s: the file is too large: 300000 bytes (at most 262144)", path);
	ck_assert_ptr_null(config_load(path, &error));
	ck_assert_str_eq(error, want);
	free(error);
	free(want);
	free(text);
	free(path);
	test_tmpdir_remove(dir);
}
END_TEST

/* "keys: {a: {a: ... 1}}}" with depth levels of mappings, in a fresh string. */
static char *
test_config_flow_nest(int depth)
{
	char *text = xmalloc(8 * (size_t)depth + 8), *p = text;
	int i;

	p += sprintf(p, "keys: ");
	for (i = 1; i < depth; i++)
		p += sprintf(p, "{a: ");
	p += sprintf(p, "1");
	for (i = 1; i < depth; i++)
		*p++ = '}';
	*p = '\0';
	return text;
}

/* depth levels of block mappings, each key indented one more space. */
static char *
test_config_block_nest(int depth)
{
	char *text = xmalloc((size_t)depth * ((size_t)depth + 8)), *p = text;
	int i;

	for (i = 0; i < depth; i++)
		p += sprintf(p, "%*sk%d:%s\n", i, "", i, i + 1 == depth ? " 1" : "");
	return text;
}

START_TEST(test_deep_nesting)
{
	size_t n = 200 * 1000;
	char *text = xmalloc(n), *error;

	/* libyaml alone needs half a minute for this; it must stop at level 33. */
	memset(text, '[', n);
	ck_assert_ptr_null(config_parse("deep", text, n, &error));
	ck_assert_ptr_nonnull(strstr(error, "nesting"));
	ck_assert_str_eq(error, "deep:1:33: nesting deeper than 32 levels is not allowed");
	free(error);
	free(text);

	/* 32 levels are fine (the key is merely unknown), the 33rd is refused. */
	text = test_config_flow_nest(32);
	error = test_config_parse_error(text);
	ck_assert_str_eq(error, "mem:1:11: expected a key name or a list of key names for \"a\", "
	    "found a mapping");
	free(error);
	free(text);
	text = test_config_flow_nest(33);
	error = test_config_parse_error(text);
	ck_assert_str_eq(error, "mem:1:131: nesting deeper than 32 levels is not allowed");
	free(error);
	free(text);
	text = test_config_block_nest(33);
	error = test_config_parse_error(text);
	ck_assert_str_eq(error, "mem:33:33: nesting deeper than 32 levels is not allowed");
	free(error);
	free(text);
}
END_TEST

Suite *
suite_config(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_add_test(tc, test_null_inputs);
	tcase_add_test(tc, test_unreadable);
	tcase_add_loop_test(tc, test_bad_file, 0, (int)TEST_LEN(test_bad_files));
	tcase_add_loop_test(tc, test_bad_text, 0, (int)TEST_LEN(test_bad_texts));
	tcase_add_test(tc, test_too_large);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_shipped);
	tcase_add_test(tc, test_holiday_on);
	tcase_add_test(tc, test_holiday_region);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_defaults_match_shipped);
	tcase_add_test(tc, test_parse_memory);
	suite_add_tcase(s, tc);
	return s;
}
