/* test_import.c — a CSV file of people into checked rows (core/people_import.c). */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/people_import.h"
#include "core/xmalloc.h"
#include "suites.h"

static const char *const test_import_keys[] = { "teacher", "director", "hr" };
static const char *const test_import_labels[] = { "Leraar", "Directeur", "HR-adviseur" };
static const struct import_functions test_import_fn = { test_import_keys, test_import_labels, 3 };

/* Parse a literal that must be readable; returns 0 and fills *out. */
#define PARSE(lit, out) test_import_parse((lit), sizeof(lit) - 1, (out))

static void
test_import_parse(const char *data, size_t len, struct import_parsed *out)
{
	char *fatal = NULL;
	int rc = people_import_parse(data, len, &test_import_fn, out, &fatal);

	ck_assert_msg(rc == 0, "fatal: %s", fatal != NULL ? fatal : "(null)");
	ck_assert_ptr_null(fatal);
}

/* The fatal message of a literal that cannot be read (owned). */
static char *
test_import_fatal(const char *data, size_t len)
{
	struct import_parsed out;
	char *fatal = NULL;

	ck_assert_int_eq(people_import_parse(data, len, &test_import_fn, &out, &fatal), -1);
	ck_assert_ptr_nonnull(fatal);
	ck_assert_uint_eq(out.n_rows, 0);
	people_import_free(&out);
	return fatal;
}

#define FATAL_HAS(lit, part) do { \
	char *f_ = test_import_fatal((lit), sizeof(lit) - 1); \
	ck_assert_msg(strstr(f_, (part)) != NULL, "fatal '%s' lacks '%s'", f_, (part)); \
	free(f_); \
} while (0)

/* NULL-safe string compare for optional fields. */
#define STR_EQ(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (w_ == NULL) \
		ck_assert_msg(g_ == NULL, "wanted NULL, got '%s'", g_); \
	else \
		ck_assert_msg(g_ != NULL && strcmp(g_, w_) == 0, "wanted '%s', got '%s'", w_, \
		    g_ != NULL ? g_ : "(null)"); \
} while (0)

/* Bad row i has line and its text is text. */
static void
test_import_bad_is(const struct import_parsed *p, size_t i, long line, const char *text)
{
	char *got;

	ck_assert_uint_gt(p->n_bad, i);
	got = people_import_bad_text(&p->bad[i]);
	ck_assert_msg(p->bad[i].line == line && strcmp(got, text) == 0,
	    "bad %zu: wanted %ld '%s', got %ld '%s'", i, line, text, p->bad[i].line, got);
	free(got);
}

START_TEST(test_fatal)
{
	struct import_parsed out;
	char *fatal = NULL;

	ck_assert_int_eq(people_import_parse(NULL, 0, NULL, &out, &fatal), -1);
	ck_assert_str_eq(fatal, "the file is empty");
	free(fatal);
	people_import_free(&out);
	people_import_free(NULL);
	FATAL_HAS("\r\n\r\n", "the file is empty");
	FATAL_HAS("\xef\xbb\xbf", "the file is empty");
	/* no header at all: the first row is data */
	FATAL_HAS("Jan Jansen;jan@example.nl\n", "no name column");
	FATAL_HAS("email;organisation\nj@example.nl;X\n", "no name column");
	/* a first name alone is not enough */
	FATAL_HAS("voornaam;e-mail\nJan;j@example.nl\n", "no name column");
	FATAL_HAS("achternaam;e-mail\nJansen;j@example.nl\n", "no name column");
	FATAL_HAS("naam;email;e-mailadres\nJan;a@b.nl;c@d.nl\n",
	    "line 1: the columns 'email' and 'e-mailadres' hold the same thing");
	FATAL_HAS("\n\nnaam;mail;Mail\n", "line 3: the columns");
	FATAL_HAS("\"naam;email\n", "line 1: a quoted field is not closed");
	/* Windows-1252 "é" is not UTF-8: the whole file is refused, with its line */
	FATAL_HAS("naam;email\nJan;j@example.nl\nRen\xe9;r@example.nl\n",
	    "line 3: the file is not UTF-8");
	FATAL_HAS("naam\n\"a\r\nb\"\r\n\xed\xa0\x80\n", "line 4: the file is not UTF-8");
}
END_TEST

START_TEST(test_english_header)
{
	struct import_parsed p;

	PARSE("Name,Email,Organization,Function,Login\n"
	    "Ann Smith,ann@example.org,OBS De Brug,teacher,ann\n", &p);
	ck_assert_int_eq(p.sep, ',');
	ck_assert_uint_eq(p.n_rows, 1);
	ck_assert_uint_eq(p.n_bad, 0);
	ck_assert_uint_eq(p.n_notes, 0);
	STR_EQ(p.rows[0].name, "Ann Smith");
	STR_EQ(p.rows[0].email, "ann@example.org");
	STR_EQ(p.rows[0].organisation, "OBS De Brug");
	STR_EQ(p.rows[0].function, "teacher");
	STR_EQ(p.rows[0].login, "ann");
	ck_assert_int_eq(p.rows[0].line, 2);
	people_import_free(&p);
	ck_assert_ptr_null(p.rows);

	PARSE("full_name,e_mail,organisation,username\nA,a@example.org,,\n", &p);
	ck_assert_uint_eq(p.n_rows, 1);
	STR_EQ(p.rows[0].email, "a@example.org");
	STR_EQ(p.rows[0].organisation, NULL);
	STR_EQ(p.rows[0].login, NULL);
	people_import_free(&p);
}
END_TEST

START_TEST(test_dutch_header)
{
	struct import_parsed p;

	/* trimmed, any case, '-' '_' and spaces do not count; an unknown column is a note */
	PARSE(" Volledige Naam ;E-MAILADRES;Organisatie;Functie;Gebruikersnaam;Opmerking;\n"
	    "  Emre Çelik ; E.Celik@OBS-DeBrug.Example ;OBS De Brug;Leraar;emre;hoi;\n"
	    "Sanne de Vries;;School X;;;;\n", &p);
	ck_assert_int_eq(p.sep, ';');
	ck_assert_uint_eq(p.n_bad, 0);
	ck_assert_uint_eq(p.n_rows, 2);
	STR_EQ(p.rows[0].name, "Emre Çelik");
	/* normalised: trimmed, the domain in lower case, the local part as typed */
	STR_EQ(p.rows[0].email, "E.Celik@obs-debrug.example");
	STR_EQ(p.rows[0].organisation, "OBS De Brug");
	STR_EQ(p.rows[0].function, "teacher");
	STR_EQ(p.rows[0].login, "emre");
	STR_EQ(p.rows[1].email, NULL);
	STR_EQ(p.rows[1].function, NULL);
	ck_assert_uint_eq(p.n_notes, 1);	/* the empty last header is no column */
	{
		char *t = people_import_note_text(&p.notes[0]);

		ck_assert_str_eq(t, "the column 'Opmerking' is not used");
		free(t);
	}
	people_import_free(&p);

	PARSE("naam;mail;school;functie;login\nA;a@example.nl;S;directeur;a\n", &p);
	ck_assert_uint_eq(p.n_rows, 1);
	STR_EQ(p.rows[0].email, "a@example.nl");
	STR_EQ(p.rows[0].organisation, "S");
	STR_EQ(p.rows[0].function, "director");
	people_import_free(&p);
}
END_TEST

START_TEST(test_name_parts)
{
	struct import_parsed p;

	PARSE("Voornaam;Tussenvoegsel;Achternaam;E-mail\n"
	    "Jan;van der;Berg;jan@example.nl\n"
	    "Piet;;Jansen;\n"
	    " Anna ; de ;  Wit ;\n"
	    ";;;x@example.nl\n", &p);
	ck_assert_uint_eq(p.n_rows, 3);
	STR_EQ(p.rows[0].name, "Jan van der Berg");
	STR_EQ(p.rows[1].name, "Piet Jansen");
	STR_EQ(p.rows[2].name, "Anna de Wit");
	ck_assert_uint_eq(p.n_bad, 1);
	test_import_bad_is(&p, 0, 5, "name: this field is required");
	people_import_free(&p);

	PARSE("first name,last name\nAda,Lovelace\n", &p);
	ck_assert_uint_eq(p.n_rows, 1);
	STR_EQ(p.rows[0].name, "Ada Lovelace");
	people_import_free(&p);

	/* a name column wins; the parts are noted as not used */
	PARSE("naam;voornaam;achternaam\nJ. de Boer;Jan;Boer\n", &p);
	ck_assert_uint_eq(p.n_rows, 1);
	STR_EQ(p.rows[0].name, "J. de Boer");
	ck_assert_uint_eq(p.n_notes, 2);
	people_import_free(&p);
}
END_TEST

START_TEST(test_bom_crlf_semicolons)
{
	static const char data[] = "\xef\xbb\xbfnaam;e-mail;organisatie\r\n"
	    "Jan;jan@example.nl;\"Stichting Perspectief, christelijk\"\r\n"
	    "Els;els@example.nl;\"A;B\"\r\n"
	    "\r\n"
	    "Kees;kees@example.nl;C\r\n"
	    "\r\n\r\n";
	struct import_parsed p;

	PARSE(data, &p);
	ck_assert_int_eq(p.sep, ';');
	ck_assert_uint_eq(p.n_bad, 0);
	ck_assert_uint_eq(p.n_rows, 3);
	STR_EQ(p.rows[0].name, "Jan");		/* the BOM is not part of the header */
	STR_EQ(p.rows[0].organisation, "Stichting Perspectief, christelijk");
	STR_EQ(p.rows[1].organisation, "A;B");
	ck_assert_int_eq(p.rows[2].line, 5);
	STR_EQ(p.rows[2].organisation, "C");	/* no CR left */
	people_import_free(&p);
}
END_TEST

START_TEST(test_quoted_newlines)
{
	static const char data[] = "naam,opmerking,email\r\n"
	    "\"Jan\",\"twee\r\nregels, met; tekens\",jan@example.nl\r\n"
	    "Els,\"drie\nregels\n\"\"quote\"\"\",els@example.nl\n"
	    "Kees,,kees@example.nl\n"
	    "\"Piet\nPaal\",,piet@example.nl\n"
	    "Bad,x,bad@@example.nl\n";
	struct import_parsed p;

	PARSE(data, &p);
	ck_assert_int_eq(p.sep, ',');
	ck_assert_uint_eq(p.n_rows, 3);
	ck_assert_int_eq(p.rows[0].line, 2);
	ck_assert_int_eq(p.rows[1].line, 4);
	ck_assert_int_eq(p.rows[2].line, 7);
	STR_EQ(p.rows[2].name, "Kees");
	ck_assert_uint_eq(p.n_bad, 2);
	/* a name over two lines is not one line; the bad email's line counts both fields */
	test_import_bad_is(&p, 0, 8, "name: must be a single line");
	test_import_bad_is(&p, 1, 10, "email: an email address needs one @");
	people_import_free(&p);
}
END_TEST

START_TEST(test_trailing_empty_fields)
{
	struct import_parsed p;

	PARSE("naam;email;organisatie;functie\nJan;;;\nEls;els@example.nl;;\n;;;\n  ; ;;\n", &p);
	ck_assert_uint_eq(p.n_rows, 2);
	ck_assert_uint_eq(p.n_bad, 0);	/* rows of nothing are skipped */
	STR_EQ(p.rows[0].email, NULL);
	STR_EQ(p.rows[0].organisation, NULL);
	STR_EQ(p.rows[0].function, NULL);
	STR_EQ(p.rows[1].email, "els@example.nl");
	people_import_free(&p);
}
END_TEST

START_TEST(test_bad_rows)
{
	struct import_parsed p;

	/* lines 9-11 are one record; duplicates name the first good line */
	PARSE("naam;email\n"
	    "Jan;jan@example.nl\n"
	    ";leeg@example.nl\n"
	    "Els;els@example\n"
	    "JAN2;JAN@EXAMPLE.NL\n"
	    "Kees\n"
	    "Piet;piet@example.nl;extra\n"
	    "Anna;\"anna\"x\n"
	    "\"Mul\r\n\r\nti\";multi@example.nl;\n"
	    "Bert;bert@-example.nl\n"
	    "Jan3;Jan@Example.nl\n"
	    "Tom;t@x.nl\n"
	    "tom;T@X.NL\n"
	    "Lange;\"\"\n", &p);
	ck_assert_uint_eq(p.n_rows, 3);
	ck_assert_int_eq(p.rows[0].line, 2);
	ck_assert_int_eq(p.rows[1].line, 14);
	ck_assert_int_eq(p.rows[2].line, 16);
	STR_EQ(p.rows[2].email, NULL);
	ck_assert_uint_eq(p.n_bad, 10);
	test_import_bad_is(&p, 0, 3, "name: this field is required");
	test_import_bad_is(&p, 1, 4,
	    "email: the part after @ is not a domain name");
	test_import_bad_is(&p, 2, 5, "email: the same address as line 2");
	test_import_bad_is(&p, 3, 6, "fewer fields than the 2 columns of the header");
	test_import_bad_is(&p, 4, 7, "more fields than the 2 columns of the header");
	test_import_bad_is(&p, 5, 8, "text after a closing quote");
	test_import_bad_is(&p, 6, 9, "more fields than the 2 columns of the header");
	test_import_bad_is(&p, 7, 12, "email: the part after @ is not a domain name");
	test_import_bad_is(&p, 8, 13, "email: the same address as line 2");
	test_import_bad_is(&p, 9, 15, "email: the same address as line 14");
	people_import_free(&p);
}
END_TEST

START_TEST(test_bad_values)
{
	struct import_parsed p;
	char name[260];

	memset(name, 'a', 201);
	name[201] = '\0';
	{
		char *data = xasprintf("naam;organisatie;functie;login\n"
		    "%s;;;\n"
		    "Ok;\"a\nb\";;\n"
		    "Ok;;x\x01y;\n"
		    "Ok;;;login met een heel erg lange naam die langer is dan vierenzestig tekens\n"
		    "Ok;;Onbekende functie;ok\n", name);

		test_import_parse(data, strlen(data), &p);
		free(data);
	}
	ck_assert_uint_eq(p.n_bad, 4);
	test_import_bad_is(&p, 0, 2, "name: too long: at most 200 characters");
	test_import_bad_is(&p, 1, 3, "organisation: must be a single line");
	test_import_bad_is(&p, 2, 5, "function: contains a control character");
	test_import_bad_is(&p, 3, 6, "login: too long: at most 64 characters");
	ck_assert_uint_eq(p.n_rows, 1);
	ck_assert_int_eq(p.rows[0].line, 7);
	STR_EQ(p.rows[0].function, "Onbekende functie");	/* kept as typed */
	people_import_free(&p);
}
END_TEST

START_TEST(test_functions)
{
	struct import_parsed p;
	char *fatal = NULL;

	PARSE("naam;functie\nA;Leraar\nB;leraar\nC;teacher\nD;TEACHER\nE; hr-ADVISEUR \n"
	    "F;Leraar in opleiding\nG;directeur\n", &p);
	ck_assert_uint_eq(p.n_rows, 7);
	STR_EQ(p.rows[0].function, "teacher");
	STR_EQ(p.rows[1].function, "teacher");
	STR_EQ(p.rows[2].function, "teacher");
	STR_EQ(p.rows[3].function, "teacher");
	STR_EQ(p.rows[4].function, "hr");
	STR_EQ(p.rows[5].function, "Leraar in opleiding");
	STR_EQ(p.rows[6].function, "director");
	people_import_free(&p);

	/* without a list every function is kept as typed */
	ck_assert_int_eq(people_import_parse("naam;functie\nA;Leraar\n", 22, NULL, &p, &fatal), 0);
	STR_EQ(p.rows[0].function, "Leraar");
	people_import_free(&p);
}
END_TEST

/*
 * rows people, a tenth of them a duplicate of another, parsed and checked;
 * returns the CPU seconds of the parse.
 */
static double
test_import_many(size_t rows)
{
	size_t cap = rows * 80 + 64, len = 0, i;
	char *data = xmalloc(cap);
	struct import_parsed p;
	clock_t t0;
	double secs;

	len += (size_t)snprintf(data + len, cap - len,
	    "voornaam;achternaam;e-mailadres;school;functie\r\n");
	for (i = 0; i < rows; i++) {
		size_t e = i % 10 == 9 ? i - 5 : i;	/* every tenth repeats one five back */

		len += (size_t)snprintf(data + len, cap - len,
		    "Voornaam%zu;Achternaam;P%zu@School%zu.Example;School %zu;Leraar\r\n", i, e,
		    e % 300, i % 300);
	}
	t0 = clock();
	test_import_parse(data, len, &p);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ck_assert_uint_eq(p.n_rows, rows - rows / 10);
	ck_assert_uint_eq(p.n_bad, rows / 10);
	ck_assert_int_eq(p.bad[0].line, 11);
	ck_assert_int_eq(p.bad[0].arg, 6);
	ck_assert_int_eq(p.bad[rows / 10 - 1].line, (long)rows + 1);
	STR_EQ(p.rows[rows - rows / 10 - 1].function, "teacher");
	people_import_free(&p);
	free(data);
	return secs;
}

/*
 * 200 000 people take about 0.3 s. Wall-clock bounds fail on a busy machine
 * or under valgrind, so the test compares with 20 000 people instead: ten
 * times the rows may cost at most thirty times the CPU. A quadratic
 * duplicate check would cost a hundred times.
 */
START_TEST(test_200000_rows)
{
	double small = test_import_many(20000);
	double big = test_import_many(200000);

	ck_assert_msg(big < 30 * small + 0.05,
	    "200 000 rows took %.3f s of CPU, 20 000 took %.3f s", big, small);
}
END_TEST

Suite *
suite_import(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fatal);
	tcase_add_test(tc, test_english_header);
	tcase_add_test(tc, test_dutch_header);
	tcase_add_test(tc, test_name_parts);
	tcase_add_test(tc, test_bom_crlf_semicolons);
	tcase_add_test(tc, test_quoted_newlines);
	tcase_add_test(tc, test_trailing_empty_fields);
	tcase_add_test(tc, test_bad_rows);
	tcase_add_test(tc, test_bad_values);
	tcase_add_test(tc, test_functions);
	tcase_add_test(tc, test_200000_rows);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	return s;
}
