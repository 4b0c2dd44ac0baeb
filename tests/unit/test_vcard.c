/* test_vcard.c — vCard 4.0: properties, escaping, folding at 75 octets, Dutch names in N. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vcard.h"
#include "core/xmalloc.h"
#include "suites.h"

/* One card for p, compared byte for byte with want. */
static void
test_vcard_expect(const struct vcard_person *p, const char *want)
{
	char *buf = NULL;
	size_t len = 0;

	vcard_append(&buf, &len, p);
	ck_assert_ptr_nonnull(buf);
	ck_assert_str_eq(buf, want);
	ck_assert_uint_eq(len, strlen(want));
	free(buf);
}

/* The card for a person with only a name and an organisation. */
static void
test_vcard_org(const char *name, const char *org, const char *want_lines)
{
	struct vcard_person p = { name, NULL, org, NULL, NULL, NULL };
	char *want = xasprintf("BEGIN:VCARD\r\nVERSION:4.0\r\n%sEND:VCARD\r\n", want_lines);

	test_vcard_expect(&p, want);
	free(want);
}

START_TEST(test_full_card)
{
	struct vcard_person p = {
		"Anna de Vries", "anna@example.nl", "Basisschool De Regenboog",
		"Leerkracht groep 5", "Intern begeleider",
		"urn:uuid:0b9e2a3c-8f4d-4c1e-9a57-2f6d1e0c7b11",
	};

	test_vcard_expect(&p,
	    "BEGIN:VCARD\r\n"
	    "VERSION:4.0\r\n"
	    "FN:Anna de Vries\r\n"
	    "N:de Vries;Anna;;;\r\n"
	    "EMAIL;TYPE=work:anna@example.nl\r\n"
	    "ORG:Basisschool De Regenboog\r\n"
	    "TITLE:Leerkracht groep 5\r\n"
	    "ROLE:Intern begeleider\r\n"
	    "UID:urn:uuid:0b9e2a3c-8f4d-4c1e-9a57-2f6d1e0c7b11\r\n"
	    "END:VCARD\r\n");
}
END_TEST

START_TEST(test_optional_and_append)
{
	struct vcard_person a = { "Madonna", NULL, NULL, NULL, NULL, NULL };
	struct vcard_person b = { "Piet Jansen", "", "", "", "", "" };
	struct vcard_person c = { NULL, NULL, NULL, NULL, NULL, NULL };
	const char *one = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Madonna\r\nN:Madonna;;;;\r\nEND:VCARD\r\n";
	const char *two = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Piet Jansen\r\nN:Jansen;Piet;;;\r\n"
	    "END:VCARD\r\n";
	char *buf = NULL, *want;
	size_t len = 0;

	test_vcard_expect(&a, one);
	test_vcard_expect(&b, two);
	test_vcard_expect(&c, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\r\nN:;;;;\r\nEND:VCARD\r\n");
	/* cards follow each other in the one buffer */
	vcard_append(&buf, &len, &a);
	ck_assert_uint_eq(len, strlen(one));
	vcard_append(&buf, &len, &b);
	vcard_append(&buf, &len, &a);
	want = xasprintf("%s%s%s", one, two, one);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(buf, want, len);
	ck_assert_int_eq(buf[len], '\0');
	free(want);
	free(buf);
}
END_TEST

START_TEST(test_escaping)
{
	struct vcard_person p = {
		"Jan Smit;Jansen", "a@b.nl", "Smit, Jansen & Co; BV", "C:\\dir\\",
		"line one\nline two\r\nline three\rfour", "x,y;z",
	};

	test_vcard_expect(&p,
	    "BEGIN:VCARD\r\n"
	    "VERSION:4.0\r\n"
	    "FN:Jan Smit\\;Jansen\r\n"
	    "N:Smit\\;Jansen;Jan;;;\r\n"	/* ; inside a component escaped, between them not */
	    "EMAIL;TYPE=work:a@b.nl\r\n"
	    "ORG:Smit\\, Jansen & Co\\; BV\r\n"
	    "TITLE:C:\\\\dir\\\\\r\n"
	    "ROLE:line one\\nline two\\nline three\\nfour\r\n"
	    "UID:x\\,y\\;z\r\n"
	    "END:VCARD\r\n");
	/* a comma and a backslash in the name reach both FN and N */
	test_vcard_org("Bakker, Kees\\", NULL,
	    "FN:Bakker\\, Kees\\\\\r\nN:Kees\\\\;Bakker\\,;;;\r\n");
}
END_TEST

START_TEST(test_non_ascii)
{
	test_vcard_org("Zo\xc3\xab M\xc3\xbcller", "\xc3\x89" "cole Saint-Andr\xc3\xa9",
	    "FN:Zo\xc3\xab M\xc3\xbcller\r\nN:M\xc3\xbcller;Zo\xc3\xab;;;\r\n"
	    "ORG:\xc3\x89" "cole Saint-Andr\xc3\xa9\r\n");
	test_vcard_org("Ren\xc3\xa9" "e van \xc4\xb2sselstein", NULL,
	    "FN:Ren\xc3\xa9" "e van \xc4\xb2sselstein\r\nN:van \xc4\xb2sselstein;Ren\xc3\xa9" "e;;;\r\n");
	test_vcard_org("\xe6\x9d\x8e\xe4\xbc\x9f", NULL,	/* 李伟: one word */
	    "FN:\xe6\x9d\x8e\xe4\xbc\x9f\r\nN:\xe6\x9d\x8e\xe4\xbc\x9f;;;;\r\n");
}
END_TEST

/* Split name and compare family and given. */
static void
test_vcard_split(const char *name, const char *family, const char *given)
{
	char f[128], g[128];

	vcard_split_name(name, f, g);
	ck_assert_msg(strcmp(f, family) == 0 && strcmp(g, given) == 0,
	    "\"%s\": got \"%s\" / \"%s\", want \"%s\" / \"%s\"", name, f, g, family, given);
}

START_TEST(test_dutch_names)
{
	test_vcard_split("Anna de Vries", "de Vries", "Anna");
	test_vcard_split("Kees van den Broek", "van den Broek", "Kees");
	test_vcard_split("Jan Peter van der Berg", "van der Berg", "Jan Peter");
	test_vcard_split("Mark ter Horst", "ter Horst", "Mark");
	test_vcard_split("Lisa ten Cate", "ten Cate", "Lisa");
	test_vcard_split("Piet in 't Veld", "in 't Veld", "Piet");
	test_vcard_split("Sanne van 't Hek", "van 't Hek", "Sanne");
	test_vcard_split("Ludwig van Beethoven", "van Beethoven", "Ludwig");
	test_vcard_split("Maria de la Cruz", "de la Cruz", "Maria");
	test_vcard_split("de Vries", "de Vries", "");
	/* no lowercase particle: the last word is the family name */
	test_vcard_split("Fatima El Amrani", "Amrani", "Fatima El");
	test_vcard_split("Anna De Vries", "Vries", "Anna De");
	test_vcard_split("Piet Jansen", "Jansen", "Piet");
	test_vcard_split("Zo\xc3\xab M\xc3\xbcller", "M\xc3\xbcller", "Zo\xc3\xab");
	/* a particle last is no particle; a particle-like part of a word neither */
	test_vcard_split("Jan van", "van", "Jan");
	test_vcard_split("Vanessa Dekker", "Dekker", "Vanessa");
	/* one word; spaces collapse; nothing */
	test_vcard_split("Madonna", "Madonna", "");
	test_vcard_split("  Anna   de\tVries ", "de Vries", "Anna");
	test_vcard_split("", "", "");
	test_vcard_split("   ", "", "");
	test_vcard_split(NULL, "", "");
}
END_TEST

/* Every physical line of card is at most 75 octets and starts no character in its middle. */
static void
test_vcard_check_lines(const char *card)
{
	const char *p = card, *eol;

	while ((eol = strstr(p, "\r\n")) != NULL) {
		ck_assert_int_le(eol - p, 75);
		if (*p == ' ')
			ck_assert_int_ne((unsigned char)p[1] & 0xc0, 0x80);
		ck_assert_int_ne((unsigned char)eol[-1] & 0xc0, 0xc0);	/* no lead byte cut off */
		p = eol + 2;
	}
	ck_assert_str_eq(p, "");
}

/* The card for org, unfolded, must hold "ORG:" org exactly. */
static void
test_vcard_unfolds(const char *card, const char *org)
{
	char *flat = xstrdup(card), *r, *w, *want = xasprintf("\r\nORG:%s\r\n", org);

	for (r = w = flat; *r != '\0'; ) {
		if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ')
			r += 3;
		else
			*w++ = *r++;
	}
	*w = '\0';
	ck_assert_ptr_nonnull(strstr(flat, want));
	free(flat);
	free(want);
}

/* n copies of the string c. */
static char *
test_vcard_repeat(const char *c, size_t n)
{
	size_t len = strlen(c), i;
	char *s = xmalloc(len * n + 1);

	for (i = 0; i < n; i++)
		memcpy(s + len * i, c, len);
	s[len * n] = '\0';
	return s;
}

START_TEST(test_folding)
{
	char *org, *lines;

	/* 75 octets stay on one line; 76 fold with CRLF and one space */
	org = test_vcard_repeat("x", 71);
	lines = xasprintf("FN:A\r\nN:A;;;;\r\nORG:%s\r\n", org);
	test_vcard_org("A", org, lines);
	free(org);
	free(lines);
	org = test_vcard_repeat("x", 72);
	lines = xasprintf("FN:A\r\nN:A;;;;\r\nORG:%.71s\r\n x\r\n", org);
	test_vcard_org("A", org, lines);
	free(org);
	free(lines);
	/* continuation lines hold 74 octets after their space */
	org = test_vcard_repeat("y", 71 + 74 + 3);
	lines = xasprintf("FN:A\r\nN:A;;;;\r\nORG:%.71s\r\n %.74s\r\n yyy\r\n", org, org);
	test_vcard_org("A", org, lines);
	free(org);
	free(lines);
	/* 2-byte ë: byte 75 would split one, so the first line has 74 octets */
	org = test_vcard_repeat("\xc3\xab", 50);
	lines = xasprintf("FN:A\r\nN:A;;;;\r\nORG:%.70s\r\n %.30s\r\n", org, org);
	test_vcard_org("A", org, lines);
	free(org);
	free(lines);
	/* 3-byte €: 73 octets, then the rest */
	org = test_vcard_repeat("\xe2\x82\xac", 30);
	lines = xasprintf("FN:A\r\nN:A;;;;\r\nORG:%.69s\r\n %.21s\r\n", org, org);
	test_vcard_org("A", org, lines);
	free(org);
	free(lines);
}
END_TEST

START_TEST(test_folding_mixed)
{
	static const char *const chars[] = {
		"a", "\xc3\xbc", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "Zo\xc3\xab", " ",
	};
	struct vcard_person p = { "A", NULL, NULL, NULL, NULL, NULL };
	char org[1024];
	size_t shift, i, len;
	char *buf;

	/* every alignment of every width against the fold points */
	for (shift = 0; shift < 8; shift++) {
		len = 0;
		for (i = 0; i < shift; i++)
			org[len++] = 'a';
		for (i = 0; len < 600; i++) {
			const char *c = chars[(i * 7 + shift) % 6];

			memcpy(org + len, c, strlen(c));
			len += strlen(c);
		}
		org[len] = '\0';
		p.organisation = org;
		buf = NULL;
		len = 0;
		vcard_append(&buf, &len, &p);
		test_vcard_check_lines(buf);
		test_vcard_unfolds(buf, org);
		free(buf);
	}
}
END_TEST

START_TEST(test_folding_escapes)
{
	struct vcard_person p = { "A", NULL, NULL, NULL, NULL, NULL };
	char *org = test_vcard_repeat("a,", 40), *buf = NULL, *want;
	char *first = test_vcard_repeat("a\\,", 23), *rest = test_vcard_repeat("a\\,", 16);
	size_t len = 0;

	/*
	 * The escaped value is what is folded: 4 + 40 * 3 = 124 octets, cut
	 * after 75 (RFC 6350 unfolds before it unescapes, so "\," may be cut).
	 */
	p.organisation = org;
	vcard_append(&buf, &len, &p);
	want = xasprintf("\r\nORG:%sa\\\r\n ,%s\r\nEND:VCARD\r\n", first, rest);
	ck_assert_ptr_nonnull(strstr(buf, want));
	test_vcard_check_lines(buf);
	free(want);
	free(first);
	free(rest);
	free(buf);
	free(org);
}
END_TEST

Suite *
suite_vcard(void)
{
	Suite *s = suite_create("vcard");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_full_card);
	tcase_add_test(tc, test_optional_and_append);
	tcase_add_test(tc, test_escaping);
	tcase_add_test(tc, test_non_ascii);
	tcase_add_test(tc, test_dutch_names);
	tcase_add_test(tc, test_folding);
	tcase_add_test(tc, test_folding_mixed);
	tcase_add_test(tc, test_folding_escapes);
	suite_add_tcase(s, tc);
	return s;
}
