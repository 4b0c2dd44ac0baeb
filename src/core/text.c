/* text.c — UTF-8 width and fitting without the locale's help. */
#include "autoconf.h"

#include <string.h>
#include <wchar.h>

#include "core/text.h"

/* Decode one UTF-8 character; returns its length (0 at NUL), *wc = -1 if invalid. */
static size_t
text_decode(const char *s, wchar_t *wc)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, i;
	unsigned long c;

	if (p[0] == 0) {
		*wc = 0;
		return 0;
	}
	if (p[0] < 0x80) {
		*wc = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		c = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		c = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		*wc = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*wc = -1;
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff)) {
		*wc = -1;
		return 1;
	}
	*wc = (wchar_t)c;
	return len;
}

/* Columns of one character: wcwidth when the locale knows it, else a fallback. */
static int
text_char_width(wchar_t wc)
{
	int w;

	if (wc < 0)
		return 1;
	if (wc < 0x20 || wc == 0x7f)
		return 1;	/* shown as a replacement by the UI */
	w = wcwidth(wc);
	if (w >= 0)
		return w;
	/* Locale without this character: guess wide for CJK ranges. */
	if ((wc >= 0x1100 && wc <= 0x115f) || (wc >= 0x2e80 && wc <= 0xa4cf) ||
	    (wc >= 0xac00 && wc <= 0xd7a3) || (wc >= 0xf900 && wc <= 0xfaff) ||
	    (wc >= 0xfe30 && wc <= 0xfe4f) || (wc >= 0xff00 && wc <= 0xff60) ||
	    (wc >= 0xffe0 && wc <= 0xffe6) || (wc >= 0x1f300 && wc <= 0x1faff) ||
	    (wc >= 0x20000 && wc <= 0x3fffd))
		return 2;
	if (wc >= 0x300 && wc <= 0x36f)
		return 0;
	return 1;
}

size_t
text_char_len(const char *s)
{
	wchar_t wc;

	return text_decode(s, &wc);
}

int
text_valid_utf8(const char *s)
{
	wchar_t wc;
	size_t n;

	while ((n = text_decode(s, &wc)) > 0) {
		if (wc < 0)
			return 0;
		s += n;
	}
	return 1;
}

int
text_width(const char *s)
{
	wchar_t wc;
	size_t n;
	int w = 0;

	while ((n = text_decode(s, &wc)) > 0) {
		w += text_char_width(wc);
		s += n;
	}
	return w;
}

int
text_fit(const char *s, int width, int pad, char *buf, size_t size)
{
	static const char ellipsis[] = "\xe2\x80\xa6";	/* … */
	size_t used = 0, n;
	int cols = 0, total, cw;
	wchar_t wc;

	if (size == 0)
		return 0;
	total = text_width(s);
	while ((n = text_decode(s, &wc)) > 0) {
		cw = text_char_width(wc);
		if (total > width && cols + cw > width - 1)
			break;
		if (cols + cw > width || used + n + 1 > size)
			break;
		if (wc < 0x20) {
			buf[used++] = '?';
		} else {
			memcpy(buf + used, s, n);
			used += n;
		}
		cols += cw;
		s += n;
	}
	if (*s != '\0' && width > 0 && used + sizeof ellipsis <= size) {
		memcpy(buf + used, ellipsis, sizeof ellipsis - 1);
		used += sizeof ellipsis - 1;
		cols++;
	}
	while (pad && cols < width && used + 2 <= size) {
		buf[used++] = ' ';
		cols++;
	}
	buf[used] = '\0';
	return cols;
}

size_t
text_wrap(const char *s, int width, size_t *skip)
{
	size_t pos = 0, brk = 0, n;
	int cols = 0;
	wchar_t wc;

	*skip = 0;
	if (*s == '\0')
		return 0;
	while ((n = text_decode(s + pos, &wc)) > 0) {
		if (wc == '\n') {
			*skip = pos + 1;
			return pos;
		}
		cols += text_char_width(wc);
		if (cols > width && pos > 0)
			break;
		pos += n;
		if (wc == ' ')
			brk = pos;
	}
	if (s[pos] == '\0') {
		*skip = pos;
		return pos;
	}
	if (brk > 0) {
		*skip = brk;
		return brk - 1;	/* the space stays behind */
	}
	*skip = pos;
	return pos;
}

int
text_char_columns(const char *s, size_t n)
{
	char c[5];

	if (n == 0 || n > 4)
		return 0;
	memcpy(c, s, n);
	c[n] = '\0';
	return text_width(c);
}
