/*
 * gen_text.c — made-up Dutch for the benchmark data: places, schools,
 * names, theme titles, and intervision notes composed from short phrases
 * (1–4 sentences a section, so notes have the length of real ones).
 * Plus the generator's PRNG and text buffer. Nothing here touches the store.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gen.h"

#define GEN_N(a) (sizeof (a) / sizeof (a)[0])

/* ---- PRNG and buffer ---- */

void
gen_rng_seed(struct gen_rng *r, uint64_t seed, uint64_t stream)
{
	r->state = 0;
	r->inc = (gen_hash(stream, 0x5eed, 0, 0) << 1) | 1u;
	gen_rng_next(r);
	r->state += gen_hash(seed, stream, 0x9e37, 1);
	gen_rng_next(r);
}

uint32_t
gen_rng_next(struct gen_rng *r)
{
	uint64_t old = r->state;
	uint32_t xorshifted, rot;

	r->state = old * 6364136223846793005ULL + r->inc;
	xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
	rot = (uint32_t)(old >> 59);
	return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

uint32_t
gen_rng_below(struct gen_rng *r, uint32_t n)
{
	uint32_t threshold = -n % n, x;

	do
		x = gen_rng_next(r);
	while (x < threshold);
	return x % n;
}

int
gen_rng_range(struct gen_rng *r, int lo, int hi)
{
	return lo + (int)gen_rng_below(r, (uint32_t)(hi - lo + 1));
}

bool
gen_rng_chance(struct gen_rng *r, int percent)
{
	return (int)gen_rng_below(r, 100) < percent;
}

/* One splitmix64 finalising round. */
static uint64_t
gen_mix(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t
gen_hash(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	return gen_mix(gen_mix(gen_mix(gen_mix(a) ^ b) ^ c) ^ d);
}

void
gen_buf_clear(struct gen_buf *b)
{
	b->len = 0;
	b->s[0] = '\0';
}

void
gen_buf_add(struct gen_buf *b, const char *text)
{
	size_t n = strlen(text);

	if (n > sizeof b->s - 1 - b->len)
		n = sizeof b->s - 1 - b->len;
	memcpy(b->s + b->len, text, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
gen_buf_addf(struct gen_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->s + b->len, sizeof b->s - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n < sizeof b->s - b->len ? (size_t)n : sizeof b->s - 1 - b->len;
}

/* A random entry of a list. */
#define GEN_PICK(r, list) ((list)[gen_rng_below((r), (uint32_t)GEN_N(list))])
/* An entry of a list chosen by a hash. */
#define GEN_HPICK(h, list) ((list)[(h) % GEN_N(list)])

/* ---- places and organisations ---- */

static const struct {
	const char *name, *region;
} gen_places[] = {
	{ "Groningen", "noord" }, { "Leeuwarden", "noord" }, { "Assen", "noord" },
	{ "Emmen", "noord" }, { "Zwolle", "noord" }, { "Drachten", "noord" },
	{ "Heerenveen", "noord" }, { "Sneek", "noord" }, { "Hoogeveen", "noord" },
	{ "Meppel", "noord" }, { "Kampen", "noord" }, { "Deventer", "noord" },
	{ "Enschede", "noord" }, { "Hengelo", "noord" }, { "Almelo", "noord" },
	{ "Lelystad", "noord" }, { "Almere", "noord" }, { "Alkmaar", "noord" },
	{ "Den Helder", "noord" }, { "Hoorn", "noord" }, { "Purmerend", "noord" },
	{ "Zaandam", "noord" }, { "Haarlem", "noord" }, { "Amsterdam", "noord" },
	{ "Hilversum", "noord" }, { "Súdwest-Fryslân", "noord" }, { "Harlingen", "noord" },
	{ "Winschoten", "noord" }, { "Stadskanaal", "noord" }, { "Steenwijk", "noord" },
	{ "Utrecht", "midden" }, { "Amersfoort", "midden" }, { "Zeist", "midden" },
	{ "Nieuwegein", "midden" }, { "IJsselstein", "midden" }, { "Houten", "midden" },
	{ "Veenendaal", "midden" }, { "Woerden", "midden" }, { "Leiden", "midden" },
	{ "Den Haag", "midden" }, { "Delft", "midden" }, { "Zoetermeer", "midden" },
	{ "Gouda", "midden" }, { "Rotterdam", "midden" }, { "Schiedam", "midden" },
	{ "Dordrecht", "midden" }, { "Gorinchem", "midden" }, { "Alphen aan den Rijn", "midden" },
	{ "Apeldoorn", "midden" }, { "Ede", "midden" }, { "Barneveld", "midden" },
	{ "Harderwijk", "midden" }, { "Zutphen", "midden" }, { "Doetinchem", "midden" },
	{ "Wageningen", "midden" }, { "Culemborg", "midden" }, { "Spijkenisse", "midden" },
	{ "Katwijk", "midden" }, { "Westland", "midden" }, { "Wijk bij Duurstede", "midden" },
	{ "Arnhem", "zuid" }, { "Nijmegen", "zuid" }, { "Tiel", "zuid" },
	{ "Oss", "zuid" }, { "'s-Hertogenbosch", "zuid" }, { "Tilburg", "zuid" },
	{ "Breda", "zuid" }, { "Roosendaal", "zuid" }, { "Bergen op Zoom", "zuid" },
	{ "Eindhoven", "zuid" }, { "Helmond", "zuid" }, { "Veldhoven", "zuid" },
	{ "Nuenen", "zuid" }, { "Uden", "zuid" }, { "Veghel", "zuid" },
	{ "Boxtel", "zuid" }, { "Waalwijk", "zuid" }, { "Oosterhout", "zuid" },
	{ "Venlo", "zuid" }, { "Venray", "zuid" }, { "Roermond", "zuid" },
	{ "Weert", "zuid" }, { "Sittard", "zuid" }, { "Geleen", "zuid" },
	{ "Heerlen", "zuid" }, { "Kerkrade", "zuid" }, { "Maastricht", "zuid" },
	{ "Middelburg", "zuid" }, { "Vlissingen", "zuid" }, { "Goes", "zuid" },
	{ "Terneuzen", "zuid" }, { "Zierikzee", "zuid" }, { "Wemeldinge", "zuid" },
};

size_t
gen_text_n_places(void)
{
	return GEN_N(gen_places);
}

const char *
gen_text_place(size_t i)
{
	return gen_places[i % GEN_N(gen_places)].name;
}

const char *
gen_text_place_region(size_t i)
{
	return gen_places[i % GEN_N(gen_places)].region;
}

static const char *const gen_board_words[] = {
	"Stichting Openbaar Onderwijs", "Stichting Katholiek Onderwijs",
	"Stichting Christelijk Onderwijs", "Stichting Primair Onderwijs", "Scholengroep",
	"Stichting Kindcentra", "Onderwijsstichting", "Vereniging voor Protestants-Christelijk Onderwijs",
	"Stichting Voortgezet Onderwijs", "Stichting Samenwerkingsscholen",
};
static const char *const gen_institute_words[] = {
	"Pabo", "Hogeschool", "Lerarenopleiding", "Universiteit", "Academie voor Educatie",
	"Instituut voor Lerarenopleiding", "Kenniscentrum Onderwijs",
};
static const char *const gen_primary_kind[] = {
	"OBS", "CBS", "RKBS", "PCBS", "IKC", "Basisschool", "Montessorischool", "Daltonschool",
	"Jenaplanschool", "SBO", "Vrije School",
};
static const char *const gen_primary_name[] = {
	"De Regenboog", "De Vlinder", "Het Kompas", "De Wegwijzer", "De Zonnewijzer", "Het Palet",
	"De Sterrenwacht", "De Meander", "De Springplank", "Het Anker", "De Bron", "De Klimop",
	"De Boomgaard", "Op de Berg", "De Wilgenhoek", "De Parel", "Het Mozaïek", "De Tweemaster",
	"De Fontein", "De Horizon", "De Ontdekking", "Het Talent", "De Lindeboom",
	"De Notenboom", "De Kameleon", "De Octopus", "Willem van Oranje", "Sint Jozef",
	"De Schakel", "De Toren", "De Wereldwijzer", "Het Baken", "De Triangel", "'t Schrijvertje",
	"De Zevensprong", "Kindcentrum Noorderlicht", "De Piramide", "Het Vogelnest",
};
static const char *const gen_secondary_kind[] = {
	"Stedelijk Lyceum", "Christelijk College", "Openbare Scholengemeenschap",
	"Katholiek College", "Stedelijk Gymnasium", "Praktijkschool", "Comenius College",
	"Erasmus College", "Spinoza Lyceum", "Da Vinci College", "Vincent van Gogh College",
	"Bonhoeffer College", "Rembrandt Lyceum", "Montessori Lyceum", "Het Vrije Lyceum",
};

void
gen_text_org_name(enum gen_org_kind kind, size_t place, uint64_t variant, struct gen_buf *out)
{
	const char *town = gen_text_place(place);

	gen_buf_clear(out);
	switch (kind) {
	case GEN_BOARD:
		gen_buf_addf(out, "%s %s", GEN_HPICK(variant, gen_board_words), town);
		break;
	case GEN_INSTITUTE:
		gen_buf_addf(out, "%s %s", GEN_HPICK(variant, gen_institute_words), town);
		break;
	case GEN_MUNICIPALITY:
		gen_buf_addf(out, "Gemeente %s", town);
		break;
	case GEN_SCHOOL:
		if (variant % 10 < 7)
			gen_buf_addf(out, "%s %s, %s", GEN_HPICK(variant >> 4, gen_primary_kind),
			    GEN_HPICK(variant >> 12, gen_primary_name), town);
		else
			gen_buf_addf(out, "%s %s", GEN_HPICK(variant >> 4, gen_secondary_kind), town);
		break;
	}
}

/* ---- people ---- */

static const char *const gen_first_names[] = {
	"Anna", "Sanne", "Lotte", "Eva", "Fleur", "Lisa", "Emma", "Julia", "Sophie", "Femke",
	"Marieke", "Anouk", "Iris", "Esther", "Linda", "Inge", "Karin", "Monique", "Petra",
	"Ingrid", "Annemiek", "Wendy", "Nicole", "Mirjam", "Hanneke", "Judith", "Marloes",
	"Kim", "Naomi", "Yara", "Fatima", "Samira", "Aisha", "Nadia", "Priya", "Mei", "Roos",
	"Jesse", "Daan", "Thomas", "Lucas", "Sem", "Bram", "Ruben", "Tim", "Niels", "Jeroen",
	"Martijn", "Bas", "Sander", "Wouter", "Pieter", "Jan", "Kees", "Henk", "Gerrit",
	"Erik", "Mark", "Robert", "Peter", "Hans", "Frank", "Dennis", "Stefan", "Joost",
	"Mohammed", "Youssef", "Emre", "Mehmet", "Rachid", "Kevin", "Milan", "Noah", "Luuk",
	"Floor", "Merel", "Tessa", "Ilse", "Marit", "Jolien", "Hester", "Rianne", "Els",
	"Marjolein", "Nienke", "Saskia", "Suzanne", "Charlotte", "Maartje", "Lieke", "Janneke",
	"Anne", "Ellen", "Mariska", "Sandra", "Yvonne", "Astrid", "Bianca", "Carla", "Dorien",
	"Evelien", "Gerdien", "Heleen", "Jacqueline", "Kirsten", "Lianne", "Mandy", "Natasja",
	"Patricia", "Renate", "Sylvia", "Tamara", "Vera", "Wilma", "Zeynep", "Ayşe", "Hatice",
	"Khadija", "Salma", "Anjali", "Lin", "Sofia", "Noor", "Lina", "Isa", "Mila", "Nina",
	"Arjen", "Bart", "Coen", "Dirk", "Edwin", "Freek", "Gijs", "Hugo", "Ivo", "Jasper",
	"Koen", "Lars", "Maarten", "Nick", "Olaf", "Paul", "Quinten", "Remco", "Rik", "Roel",
	"Sven", "Teun", "Vincent", "Willem", "Yusuf", "Ahmed", "Hamza", "Bilal", "Stijn",
	"Thijs", "Wessel", "Jelle", "Sjoerd", "Gert-Jan", "Jan-Willem", "Anne-Marie", "Marie-José",
};
static const char *const gen_first_accented[] = {
	"Zoë", "Daniël", "Noël", "Chloë", "Anaïs", "Inès", "José", "Mélanie", "Benoît",
	"Rafaël", "Joëlle", "Michaël", "Gaël", "Loïs", "Jürgen", "Søren", "Çağla", "Ömer",
	"Zoë", "Daniëlle", "Ryanne", "Thaïs", "André", "René",
};
static const char *const gen_last_names[] = {
	"de Vries", "van den Berg", "Jansen", "de Jong", "Bakker", "Visser", "Smit", "Meijer",
	"de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
	"Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
	"van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
	"van der Veen", "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek",
	"Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster",
	"van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers",
	"van Veen", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten",
	"van Wijk", "Postma", "Martens", "Vink", "de Ruiter", "Timmermans", "Groen",
	"Gerritsen", "Jonker", "van Loon", "van der Velde", "Willemsen", "Smeets", "de Lange",
	"Bosch", "van Dijk", "in 't Veld", "ter Horst", "Yılmaz", "El Amrani", "Bouzid",
	"Nguyen", "Pinas", "Tjon A Fong", "Sedney", "Kartosen", "Hoogendoorn", "Wolters",
	"Boersma", "Brinkman", "de Kok", "van Doorn", "Evers", "Franken", "Gijsbers", "Haverkamp",
	"Hermans", "Hofman", "Janssens", "Kempen", "Klaassen", "Koning", "Kroon", "Lammers",
	"Langeveld", "van Lent", "Linssen", "Meulenbelt", "Mol", "Nijhuis", "Oosterhuis",
	"Overbeek", "Pauwels", "Poortman", "Reijnders", "Rietveld", "Roelofs", "Rutten",
	"Schipper", "Sijbesma", "Slot", "Steenbergen", "Stoffels", "Terpstra", "Tuinstra",
	"Uijterwaal", "Valk", "van Veldhuizen", "Verbeek", "Verschoor", "Vlaar", "Vonk",
	"Wagenaar", "Westra", "Wiersma", "Zijlstra", "Zwart", "van Rijn", "van Os", "van Eck",
	"van der Zee", "van 't Hof", "ten Brink", "Ouali", "Amrani", "Benali", "Aydın",
	"Kaya", "Demir", "Chaoui", "Ramdin", "Sewdien", "Mahabier", "Lie", "Tan", "Wong",
	"Kowalski", "Nowak", "Santos", "Rossi", "Schmidt", "Dubois", "O'Brien",
};
static const char *const gen_last_accented[] = {
	"Çelik", "Öztürk", "Đorđević", "Müller", "Şahin", "Kovačević", "Gündoğan", "Doğan",
	"van IJsselstein", "Nováková", "Sánchez", "Gonçalves", "Jørgensen", "Lefèvre",
};

/* UTF-8 letters with an ASCII spelling, for email addresses. */
static const struct {
	const char *utf8, *ascii;
} gen_translit[] = {
	{ "ë", "e" }, { "é", "e" }, { "è", "e" }, { "ê", "e" }, { "ï", "i" }, { "î", "i" },
	{ "í", "i" }, { "ı", "i" }, { "ö", "o" }, { "Ö", "o" }, { "ó", "o" }, { "ø", "o" },
	{ "ü", "u" }, { "ç", "c" }, { "Ç", "c" }, { "ş", "s" }, { "Ş", "s" }, { "ğ", "g" },
	{ "đ", "d" }, { "Đ", "d" }, { "č", "c" }, { "ć", "c" }, { "Ĳ", "ij" }, { "ĳ", "ij" },
	{ "á", "a" }, { "à", "a" }, { "â", "a" }, { "ä", "a" }, { "ñ", "n" }, { "ú", "u" },
};

/* Append the lower-case ASCII letters of text (spaces, apostrophes left out). */
static void
gen_text_ascii(const char *text, struct gen_buf *out)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i, n;

	while (*p != '\0') {
		if (*p < 0x80) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
				char c[2] = { (char)*p, '\0' };

				gen_buf_add(out, c);
			} else if (*p >= 'A' && *p <= 'Z') {
				char c[2] = { (char)(*p - 'A' + 'a'), '\0' };

				gen_buf_add(out, c);
			}
			p++;
			continue;
		}
		for (i = 0; i < GEN_N(gen_translit); i++) {
			n = strlen(gen_translit[i].utf8);
			if (strncmp((const char *)p, gen_translit[i].utf8, n) == 0) {
				gen_buf_add(out, gen_translit[i].ascii);
				break;
			}
		}
		/* skip the whole sequence, known or not */
		p++;
		while ((*p & 0xc0) == 0x80)
			p++;
	}
}

void
gen_text_person(struct gen_rng *r, struct gen_buf *name, struct gen_buf *email_local)
{
	const char *first = gen_rng_chance(r, 4) ? GEN_PICK(r, gen_first_accented) :
	    GEN_PICK(r, gen_first_names);
	const char *last = gen_rng_chance(r, 3) ? GEN_PICK(r, gen_last_accented) :
	    GEN_PICK(r, gen_last_names);

	gen_buf_clear(name);
	gen_buf_addf(name, "%s %s", first, last);
	gen_buf_clear(email_local);
	gen_text_ascii(first, email_local);
	gen_buf_add(email_local, ".");
	gen_text_ascii(last, email_local);
}

/* ---- themes and groups ---- */

static const char *const gen_topics[] = {
	"Formatief evalueren", "Begrijpend lezen", "Gecijferdheid", "Executieve functies",
	"Burgerschap", "Digitale geletterdheid", "Meertaligheid", "Passend onderwijs",
	"Hoogbegaafdheid", "Gedrag in de klas", "Ouderbetrokkenheid", "Nieuwkomers",
	"Woordenschat", "Technisch lezen", "Schrijfonderwijs", "Wetenschap en techniek",
	"Onderzoekend leren", "Kansengelijkheid", "Feedback geven", "Differentiëren",
	"Eigenaarschap van leerlingen", "Samenwerkend leren", "Coöperatieve werkvormen",
	"Sociale veiligheid", "Mentoraat", "Begeleiding van starters", "Werkdruk",
	"Leesmotivatie", "Kunst en cultuur", "Bewegend leren", "Duurzaamheid",
	"Loopbaanoriëntatie", "Doorlopende leerlijnen", "De overstap po-vo",
	"Taalgericht vakonderwijs", "Rekendidactiek", "Dyslexie", "Dyscalculie",
	"Thematisch werken", "Spelend leren", "Gepersonaliseerd leren", "Onderwijs en AI",
	"Mediawijsheid", "Lesson study", "Didactisch coachen", "Klassenmanagement",
	"Inclusief onderwijs", "De zorgstructuur", "Toetsbeleid", "Talentontwikkeling",
	"Leerlingparticipatie", "Wereldoriëntatie", "Engels in het basisonderwijs",
	"Filosoferen met kinderen", "Gezonde school", "Zelfregulatie", "Motivatie",
	"Data in de school", "Praktijkgericht onderzoek", "De professionele dialoog",
};
static const char *const gen_audiences[] = {
	"in de onderbouw", "in de bovenbouw", "in groep 1-2", "in groep 3 en 4", "in het vmbo",
	"op de havo", "in het vwo", "in het speciaal onderwijs", "voor nieuwkomers",
	"met startende leraren", "in het praktijkonderwijs", "in het mbo", "op de pabo",
	"in combinatieklassen", "in de kleutergroep", "in de brugklas", "in de examenklas",
	"voor zij-instromers", "in het kindcentrum", "over de schoolgrenzen heen",
};
static const char *const gen_focus[] = {
	"", " in de praktijk", " vanuit onderzoek", " met het hele team", " stap voor stap",
	" in samenhang", " als schoolbrede aanpak", " voor de lange termijn",
	" dichtbij de klas", " samen met ouders",
};
#define GEN_MAX_TITLES (GEN_N(gen_topics) * GEN_N(gen_audiences) * GEN_N(gen_focus))

size_t
gen_text_max_titles(void)
{
	return GEN_MAX_TITLES;
}

/* Title i of n: an affine permutation spreads the topics over the first n. */
static void
gen_text_title_parts(size_t i, size_t n, size_t *topic, size_t *audience, size_t *focus)
{
	size_t j = (i * 7919 + 104729) % GEN_MAX_TITLES;	/* 7919 is prime to 12000 */

	(void)n;
	*topic = j % GEN_N(gen_topics);
	*audience = (j / GEN_N(gen_topics)) % GEN_N(gen_audiences);
	*focus = j / (GEN_N(gen_topics) * GEN_N(gen_audiences));
}

void
gen_text_theme_title(size_t i, size_t n, struct gen_buf *out)
{
	size_t t, a, f;

	gen_text_title_parts(i, n, &t, &a, &f);
	gen_buf_clear(out);
	gen_buf_addf(out, "%s %s%s", gen_topics[t], gen_audiences[a], gen_focus[f]);
}

/* Append a topic with its first letter in lower case (the topics start in ASCII). */
static void
gen_text_topic_lower(size_t t, struct gen_buf *out)
{
	const char *s = gen_topics[t];
	char first[2] = { s[0], '\0' };

	if (first[0] >= 'A' && first[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
		first[0] = (char)(first[0] - 'A' + 'a');
	gen_buf_add(out, first);
	gen_buf_add(out, s + 1);
}

static const char *const gen_outcomes[] = {
	"alle leerlingen tot leren komen", "leerlingen meer eigenaarschap ervaren",
	"de lessen beter aansluiten bij wat leerlingen nodig hebben",
	"we als team dezelfde taal spreken", "ouders zich meer betrokken voelen",
	"startende collega's sneller hun plek vinden", "de werkdruk hanteerbaar blijft",
	"leerlingen zich veilig voelen om fouten te maken", "de overgang soepeler verloopt",
	"we zien wat werkt en waarom",
};

void
gen_text_theme_description(struct gen_rng *r, size_t i, size_t n, struct gen_buf *out)
{
	static const char *const open[] = {
		"Steeds meer scholen in de regio lopen aan tegen vragen over ",
		"In dit thema verdiepen we ons in ",
		"Leraren geven aan dat ze meer willen weten over ",
		"We willen samen met collega's van andere scholen werken aan ",
	};
	static const char *const then[] = {
		" We delen ervaringen, lezen literatuur en proberen dingen uit in de eigen klas.",
		" Het thema sluit aan bij de schoolplannen van meerdere besturen.",
		" Er is ruimte voor schoolbezoeken en voor onderzoek in de eigen praktijk.",
		"",
	};
	size_t t, a, f;

	gen_text_title_parts(i, n, &t, &a, &f);
	gen_buf_clear(out);
	gen_buf_add(out, GEN_PICK(r, open));
	gen_text_topic_lower(t, out);
	gen_buf_addf(out, " %s, zodat %s.", gen_audiences[a], GEN_PICK(r, gen_outcomes));
	gen_buf_add(out, GEN_PICK(r, then));
}

void
gen_text_question(struct gen_rng *r, size_t i, size_t n, struct gen_buf *out)
{
	static const char *const open[] = {
		"Hoe kunnen we ", "Op welke manier kunnen we ", "Wat is er nodig om ",
	};
	static const char *const verb[] = {
		" zo inrichten dat ", " zo vormgeven dat ", " zo versterken dat ",
	};
	size_t t, a, f;
	size_t o = gen_rng_below(r, (uint32_t)GEN_N(open));

	gen_text_title_parts(i, n, &t, &a, &f);
	gen_buf_clear(out);
	gen_buf_add(out, open[o]);
	gen_text_topic_lower(t, out);
	gen_buf_addf(out, " %s", gen_audiences[a]);
	if (o == 2) {
		gen_buf_addf(out, " zo in te richten dat %s?", GEN_PICK(r, gen_outcomes));
	} else {
		const char *v = GEN_PICK(r, verb);

		gen_buf_addf(out, "%s%s?", v, GEN_PICK(r, gen_outcomes));
	}
}

void
gen_text_type_short(const char *key, const char *label, struct gen_buf *out)
{
	static const struct {
		const char *key, *name;
	} known[] = {
		{ "plg", "PLG" }, { "werkgroep", "Werkgroep" }, { "project", "Projectgroep" },
		{ "onderzoek", "Onderzoeksgroep" }, { "leernetwerk", "Leernetwerk" },
	};
	const char *paren;
	size_t i;

	gen_buf_clear(out);
	for (i = 0; i < GEN_N(known); i++) {
		if (strcmp(known[i].key, key) == 0) {
			gen_buf_add(out, known[i].name);
			return;
		}
	}
	paren = strstr(label, " (");
	gen_buf_addf(out, "%.*s", paren != NULL ? (int)(paren - label) : 60, label);
}

/* ---- intervision notes ---- */

static const char *const gen_subjects[] = {
	"De inbrenger", "Een collega", "De voorzitter", "Het team", "De mentor",
	"De intern begeleider", "Een van de deelnemers", "De duocollega", "De teamleider",
};
static const char *const gen_saying[] = {
	"vertelt", "merkt op", "geeft aan", "ervaart", "ziet", "herkent", "benadrukt",
};
static const char *const gen_situations[] = {
	"leerlingen na de pauze moeilijk tot rust komen",
	"een leerling de instructie steeds onderbreekt",
	"ouders kritisch reageren op het rapport",
	"de groep tijdens het zelfstandig werken onrustig wordt",
	"een collega de afspraken anders uitvoert",
	"de toets slechter gemaakt is dan verwacht",
	"nieuwkomers de opdracht niet goed begrijpen",
	"het team verschillend denkt over huiswerk",
	"de klas weinig eigen vragen stelt",
	"een leerling zich terugtrekt bij groepswerk",
	"de feedback van leerlingen aan elkaar oppervlakkig blijft",
	"er in de les te weinig tijd is voor verwerking",
	"een stagiaire het lastig vindt om grenzen te stellen",
	"een leerling met een eigen leerlijn buiten de groep valt",
	"de leerlingen de succescriteria niet in eigen woorden kunnen zeggen",
	"een oudergesprek anders verloopt dan gehoopt",
	"de planning van het thema uitloopt",
	"leerlingen snel opgeven als iets niet meteen lukt",
	"de samenwerking met de intern begeleider stroef verloopt",
	"er in de bovenbouw veel wisselingen in het team zijn",
};
static const char *const gen_case_nouns[] = {
	"de onrust na de pauze", "een stille leerling in groep 7", "een lastig oudergesprek",
	"de samenwerking in een duobaan", "feedback in de brugklas", "een leerling die niet wil lezen",
	"het begeleiden van een stagiaire", "de overdracht naar het voortgezet onderwijs",
	"toetsangst in de examenklas", "een conflict tussen twee leerlingen",
	"het differentiëren bij rekenen", "de eerste weken van een nieuwe collega",
};
static const char *const gen_reasons[] = {
	"de verwachtingen niet voor iedereen helder zijn",
	"er weinig tijd is om af te stemmen",
	"de leerlingen de structuur van vorig jaar missen",
	"de inbrenger veel alleen wil oplossen",
	"het doel van de les niet zichtbaar is",
	"de groep net is samengesteld",
	"de afspraken op papier staan maar niet in de praktijk",
	"er verschillende beelden zijn van goed gedrag",
	"de inbrenger zelf onder druk staat",
};
static const char *const gen_actions[] = {
	"vooraf de succescriteria samen met de klas te bespreken",
	"een vast moment in te bouwen om terug te kijken",
	"de leerling zelf te vragen wat helpt",
	"een collega te vragen om mee te kijken in de les",
	"de instructie korter te maken en vaker te checken",
	"het gesprek met ouders samen met de mentor voor te bereiden",
	"met de groep nieuwe klassenafspraken te maken",
	"kleine stappen te zetten en die te vieren",
	"het thema met de intern begeleider te bespreken",
	"bij de start van de les het doel op het bord te zetten",
	"een observatie-instrument te gebruiken",
	"leerlingen in tweetallen elkaars werk te laten bekijken",
	"de verwachtingen op te schrijven en te delen met het team",
	"een rustig moment na de pauze in te plannen",
};
static const char *const gen_questions[] = {
	"Wat doe je op dit moment als", "Wat merk je bij jezelf als",
	"Hoe reageren de andere leerlingen als", "Wat heb je al geprobeerd als",
	"Hoe vaak gebeurt het dat", "Wie merkt het als eerste als",
};
static const char *const gen_images[] = {
	"een kapitein op een schip in de storm", "een dirigent zonder orkest",
	"een tuin waar alles tegelijk moet groeien", "iemand die alle ballen in de lucht houdt",
	"een brug waar niemand overheen durft", "een deur die op een kier staat",
	"een marathon zonder drinkposten", "een puzzel waarvan stukjes ontbreken",
};
static const char *const gen_feelings[] = {
	"nuttig", "verhelderend", "intensief", "waardevol", "confronterend maar leerzaam",
	"prettig en veilig", "rijk aan ideeën",
};

/*
 * Append one sentence for a phase of kind; a space between sentences. The
 * random choices are made one by one (never two in one argument list, whose
 * order C leaves open), so a seed gives the same text with every compiler.
 */
static void
gen_text_sentence(struct gen_rng *r, enum gen_phase_kind kind, struct gen_buf *out)
{
	bool either = gen_rng_chance(r, 50);
	const char *a, *b;

	if (out->len > 0)
		gen_buf_add(out, " ");
	switch (kind) {
	case GEN_PHASE_CASE:
		if (either)
			gen_buf_addf(out, "Er zijn %d casussen ingebracht; we kiezen voor %s.",
			    gen_rng_range(r, 2, 4), GEN_PICK(r, gen_case_nouns));
		else
			gen_buf_addf(out, "De inbrenger wil het hebben over %s.",
			    GEN_PICK(r, gen_case_nouns));
		return;
	case GEN_PHASE_QUESTIONS:
		a = GEN_PICK(r, gen_questions);
		gen_buf_addf(out, "%s %s?", a, GEN_PICK(r, gen_situations));
		return;
	case GEN_PHASE_ANALYSIS:
		gen_buf_addf(out, "%s speelt mee dat %s.", either ? "Mogelijk" : "Waarschijnlijk",
		    GEN_PICK(r, gen_reasons));
		return;
	case GEN_PHASE_ADVICE:
		gen_buf_addf(out, "%s %s.", either ? "Probeer eens" : "Het kan helpen om",
		    GEN_PICK(r, gen_actions));
		return;
	case GEN_PHASE_TAKEAWAY:
		gen_buf_addf(out, "De inbrenger %s om %s.",
		    either ? "neemt zich voor" : "gaat proberen", GEN_PICK(r, gen_actions));
		return;
	case GEN_PHASE_IMAGES:
		gen_buf_addf(out, "%s %s.", either ? "Ik krijg het beeld van" :
		    "Het doet me denken aan", GEN_PICK(r, gen_images));
		return;
	case GEN_PHASE_EVALUATION:
		a = GEN_PICK(r, gen_feelings);
		gen_buf_addf(out, "%s vond het gesprek %s%s.", either ? "De inbrenger" : "De groep",
		    a, gen_rng_chance(r, 40) ? ", vooral door de doorvragende vragen" : "");
		return;
	case GEN_PHASE_PROBLEM:
	case GEN_PHASE_OTHER:
		break;
	}
	if (gen_rng_chance(r, 70)) {
		a = GEN_PICK(r, gen_subjects);
		b = GEN_PICK(r, gen_saying);
		gen_buf_addf(out, "%s %s dat %s.", a, b, GEN_PICK(r, gen_situations));
	} else {
		gen_buf_addf(out, "Het gaat vooral om momenten waarop %s.",
		    GEN_PICK(r, gen_situations));
	}
}

enum gen_phase_kind
gen_text_phase_kind(const char *label)
{
	static const struct {
		const char *word;
		enum gen_phase_kind kind;
	} words[] = {
		{ "vragen stellen", GEN_PHASE_QUESTIONS }, { "vragen", GEN_PHASE_QUESTIONS },
		{ "casus", GEN_PHASE_CASE }, { "probleem", GEN_PHASE_PROBLEM },
		{ "analyse", GEN_PHASE_ANALYSIS }, { "advie", GEN_PHASE_ADVICE },
		{ "meeneemt", GEN_PHASE_TAKEAWAY }, { "reactie", GEN_PHASE_TAKEAWAY },
		{ "associaties", GEN_PHASE_IMAGES }, { "beelden", GEN_PHASE_IMAGES },
		{ "evaluatie", GEN_PHASE_EVALUATION },
	};
	char lower[128];
	size_t i;

	for (i = 0; i + 1 < sizeof lower && label[i] != '\0'; i++)
		lower[i] = (char)(label[i] >= 'A' && label[i] <= 'Z' ? label[i] - 'A' + 'a' :
		    label[i]);
	lower[i] = '\0';
	for (i = 0; i < GEN_N(words); i++) {
		if (strstr(lower, words[i].word) != NULL)
			return words[i].kind;
	}
	return GEN_PHASE_OTHER;
}

void
gen_text_section(struct gen_rng *r, enum gen_phase_kind kind, int sentences, struct gen_buf *out)
{
	int i;

	gen_buf_clear(out);
	for (i = 0; i < sentences; i++) {
		enum gen_phase_kind k = kind;

		/* a case is chosen and a session evaluated once; then people say why */
		if (i > 0 && (kind == GEN_PHASE_CASE || kind == GEN_PHASE_EVALUATION ||
		    gen_rng_chance(r, 25)))
			k = GEN_PHASE_OTHER;
		gen_text_sentence(r, k, out);
	}
}

void
gen_text_agreement(struct gen_rng *r, struct gen_buf *out)
{
	static const char *const what[] = {
		"Succescriteria vooraf met de klas bespreken",
		"Een collega uitnodigen voor een lesbezoek",
		"Het oudergesprek samen met de mentor voorbereiden",
		"Nieuwe klassenafspraken maken met de groep",
		"Een observatie doen tijdens het zelfstandig werken",
		"Het artikel over feedback lezen",
		"De aanpak bespreken met de intern begeleider",
		"Een rustig moment na de pauze uitproberen",
		"Leerlingen zelf laten vertellen wat helpt",
		"Resultaten van de proef verzamelen",
		"De casus terugkoppelen aan het team",
		"Een korte enquête onder leerlingen afnemen",
	};
	static const char *const tail[] = {
		"", " en terugkoppelen in de volgende bijeenkomst", " vóór de volgende bijeenkomst",
		" samen met de duocollega",
	};

	const char *w = GEN_PICK(r, what);

	gen_buf_clear(out);
	gen_buf_addf(out, "%s%s", w, GEN_PICK(r, tail));
}

const char *
gen_text_interest_remark(struct gen_rng *r)
{
	static const char *const remarks[] = {
		"Past in mijn ontwikkelplan", "Na overleg met mijn leidinggevende",
		"Graag op woensdagmiddag", "Samen met een collega van mijn school",
		"Sluit aan bij het schoolplan", "Liefst na schooltijd",
	};

	if (!gen_rng_chance(r, 20))
		return NULL;
	return GEN_PICK(r, remarks);
}

const char *
gen_text_excuse(uint64_t h)
{
	static const char *const excuses[] = {
		"ziek", "studiedag eigen school", "ouderavond", "vervanging in eigen klas", NULL,
		"cursus", NULL, "op kamp met de klas",
	};

	return GEN_HPICK(h, excuses);
}

const char *
gen_text_agenda(uint64_t h)
{
	static const char *const agendas[] = {
		"Terugblik, casus, afspraken", "Opening; literatuur bespreken; vervolg",
		"Lesontwerp bespreken en voorbereiden", "Ervaringen uit de klas delen; planning",
		"Data van de proef bekijken; conclusies", NULL, NULL,
	};

	return GEN_HPICK(h, agendas);
}

const char *
gen_text_room(uint64_t h)
{
	static const char *const rooms[] = {
		"teamkamer", "lokaal 12", "aula", "mediatheek", "personeelskamer", "lokaal 3",
		"vergaderruimte", "speellokaal",
	};

	return GEN_HPICK(h, rooms);
}
