/*
 * validate.c — checks on typed text: UTF-8, control characters, required,
 * length in characters; email addresses. The messages are English and
 * static, for _().
 */
#include "autoconf.h"

#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"
#include "core/xmalloc.h"

/* Is the character at p (n bytes) a control character that s may not hold? */
static bool
validate_control(const unsigned char *p, size_t n, bool allow_lines)
{
	if (n == 2)
		return p[0] == 0xc2 && p[1] < 0xa0;	/* C1: U+0080 .. U+009F */
	if (n != 1 || (*p >= 0x20 && *p != 0x7f))
		return false;
	return !(allow_lines && (*p == '\n' || *p == '\t'));
}

/* The checks that lines and texts share; allow_lines admits \n and \t. */
static const char *
validate_common(const char *s, bool required, int max_chars, bool allow_lines)
{
	const unsigned char *p;
	bool blank = true;
	size_t n;

	if (s == NULL)
		s = "";
	if (!text_valid_utf8(s))
		return N_("not valid text: contains bytes that are not UTF-8");
	for (p = (const unsigned char *)s; (n = text_char_len((const char *)p)) > 0; p += n) {
		if (!allow_lines && (*p == '\n' || *p == '\r'))
			return N_("must be a single line");
		if (validate_control(p, n, allow_lines))
			return N_("contains a control character");
		if (*p != ' ' && *p != '\t' && *p != '\n')
			blank = false;
	}
	if (required && blank)
		return N_("this field is required");
	if (max_chars > 0 && validate_chars(s) > max_chars)
		return N_("too long: at most %d characters");
	return NULL;
}

const char *
validate_line(const char *s, bool required, int max_chars)
{
	return validate_common(s, required, max_chars, false);
}

const char *
validate_text(const char *s, bool required, int max_chars)
{
	return validate_common(s, required, max_chars, true);
}

int
validate_chars(const char *s)
{
	int chars = 0;
	size_t n;

	if (s == NULL)
		return 0;
	for (; (n = text_char_len(s)) > 0; s += n)
		chars++;
	return chars;
}

/* May byte c appear in the local part (before the @)? Dots are checked apart. */
static bool
validate_email_local_byte(unsigned char c)
{
	if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("!#$%&'*+/=?^_`{|}~.-", c) != NULL;
}

/* The local part: n bytes at s. */
static const char *
validate_email_local(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return N_("the part before @ is empty");
	if (n > VALIDATE_EMAIL_LOCAL_MAX)
		return N_("the part before @ is longer than 64 bytes");
	if (s[0] == '.' || s[n - 1] == '.')
		return N_("the part before @ cannot start or end with a dot");
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && s[i + 1] == '.')
			return N_("the part before @ cannot have two dots in a row");
		if (!validate_email_local_byte((unsigned char)s[i]))
			return N_("the part before @ contains a character that is not allowed");
	}
	return NULL;
}

/* May byte c appear in a domain label? ('-' is checked apart) */
static bool
validate_email_label_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

/*
 * The domain after the @: dot-separated labels, at least two; returns the
 * characters (not bytes) of the last label in *tld.
 */
static bool
validate_email_domain(const char *s, int *tld)
{
	const char *label = s, *p;
	int labels = 0;

	for (;;) {
		size_t n = strcspn(label, ".");

		if (n == 0 || label[0] == '-' || label[n - 1] == '-')
			return false;
		for (p = label; p < label + n; p++) {
			if (!validate_email_label_byte((unsigned char)*p))
				return false;
		}
		labels++;
		*tld = 0;
		for (p = label; p < label + n; p++)
			*tld += ((unsigned char)*p & 0xc0) != 0x80;
		if (label[n] == '\0')
			break;
		label += n + 1;
	}
	return labels >= 2;
}

const char *
validate_email(const char *s)
{
	const char *at, *p;
	int tld = 0;
	size_t n;

	if (s == NULL || *s == '\0')
		return N_("this field is required");
	if (!text_valid_utf8(s))
		return N_("not valid text: contains bytes that are not UTF-8");
	for (p = s; (n = text_char_len(p)) > 0; p += n) {
		const unsigned char *u = (const unsigned char *)p;

		if (*u == ' ' || (n == 2 && u[0] == 0xc2 && u[1] == 0xa0))
			return N_("an email address cannot contain spaces");
		if (validate_control(u, n, false))
			return N_("an email address cannot contain control characters");
	}
	if (strlen(s) > VALIDATE_EMAIL_MAX)
		return N_("an email address is at most 254 bytes long");
	at = strchr(s, '@');
	if (at == NULL || strchr(at + 1, '@') != NULL)
		return N_("an email address needs one @");
	if ((p = validate_email_local(s, (size_t)(at - s))) != NULL)
		return p;
	if (!validate_email_domain(at + 1, &tld))
		return N_("the part after @ is not a domain name");
	if (tld < 2)
		return N_("the part after @ does not end in a top-level domain such as .nl");
	return NULL;
}

/* Is c white space that email_normalise trims? */
static bool
validate_email_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *
email_normalise(const char *s)
{
	size_t n;
	char *out, *p;

	if (s == NULL)
		return NULL;
	while (validate_email_space(*s))
		s++;
	n = strlen(s);
	while (n > 0 && validate_email_space(s[n - 1]))
		n--;
	out = xstrndup(s, n);
	if ((p = strrchr(out, '@')) == NULL)
		return out;
	for (; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	return out;
}
