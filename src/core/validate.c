/*
 * validate.c — checks on typed text: UTF-8, control characters, required,
 * length in characters. The messages are English and static, for _().
 */
#include "autoconf.h"

#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"

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
