/*
 * vcard.h — people as vCard 4.0 (RFC 6350) for address books.
 *
 * Lines end with CRLF and are folded after 75 octets (CRLF and one space),
 * never inside a UTF-8 sequence. Text values escape backslash, comma,
 * semicolon and newline. N is derived from the full name with Dutch name
 * particles in mind: "Anna de Vries" gives N:de Vries;Anna;;;.
 */
#ifndef LEERNET_CORE_VCARD_H
#define LEERNET_CORE_VCARD_H

#include <stddef.h>

/* One person; all strings borrowed. NULL or "" leaves a property out. */
struct vcard_person {
	const char *name;		/* full name: FN and N (NULL counts as "") */
	const char *email;		/* EMAIL;TYPE=work */
	const char *organisation;	/* ORG */
	const char *function;		/* TITLE */
	const char *role;		/* ROLE */
	const char *uid;		/* UID */
};

/*
 * Append one card to the growing buffer *buf of *len bytes (start both at
 * NULL and 0). The buffer is owned by the caller (free()) and always
 * NUL-terminated after the *len bytes.
 */
void vcard_append(char **buf, size_t *len, const struct vcard_person *p);

/*
 * Split a full name into N's family and given names, written into family
 * and given (each at least strlen(name) + 1 bytes). When a lowercase
 * particle (van, de, der, den, het, 't, ten, ter, te, in, op, …) follows
 * the first words, the given name is the words before it and the family
 * name the rest ("Jan Peter van der Berg": "Jan Peter", "van der Berg");
 * otherwise the family name is the last word and the given name the rest.
 * One word is a family name only. Spaces are collapsed.
 */
void vcard_split_name(const char *name, char *family, char *given);

#endif
