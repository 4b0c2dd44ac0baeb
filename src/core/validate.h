/*
 * validate.h — checks on what people type, shared by forms, commands and
 * the store. Each returns NULL when the value is fine, or an English message
 * (static, for _()) saying why not.
 *
 * The messages: "not valid text: contains bytes that are not UTF-8", "must
 * be a single line", "contains a control character", "this field is
 * required" and "too long: at most %d characters". Only the last has a
 * conversion, one %d for max_chars; the others have none, so a caller may
 * always format a message with max_chars as its one argument. max_chars <= 0
 * means no limit; s NULL counts as empty.
 */
#ifndef LEERNET_CORE_VALIDATE_H
#define LEERNET_CORE_VALIDATE_H

#include <stdbool.h>

#define VALIDATE_TITLE_MAX 200		/* characters of a name or title */
#define VALIDATE_TEXT_MAX 4000		/* characters of a description or question */

/* One line of text: valid UTF-8, no control characters, at most max characters. */
const char *validate_line(const char *s, bool required, int max_chars);
/* Several lines: as validate_line, but newlines and tabs are allowed. */
const char *validate_text(const char *s, bool required, int max_chars);
/* Characters (not bytes) in valid UTF-8 s. */
int validate_chars(const char *s);

#define VALIDATE_EMAIL_MAX 254		/* bytes of a whole email address */
#define VALIDATE_EMAIL_LOCAL_MAX 64	/* bytes before the @ */

/*
 * An email address local@domain, as typed (not trimmed: see
 * email_normalise). NULL when acceptable, else a static English message for
 * _() with no conversions. s NULL or "" gives "this field is required".
 * The local part is 1..64 bytes of letters, digits, !#$%&'*+/=?^_`{|}~.-
 * and UTF-8, with no dot first, last or twice in a row. The domain has at
 * least two labels of letters, digits, '-' and UTF-8, none empty, none
 * starting or ending with '-', the last at least 2 characters. At most 254
 * bytes in all, valid UTF-8, no spaces or control characters.
 */
const char *validate_email(const char *s);
/*
 * A copy of s without surrounding white space and with the part after the
 * last @ in ASCII lower case (the local part is left alone). Owned by the
 * caller; NULL when s is NULL.
 */
char *email_normalise(const char *s);

#endif
