/*
 * gen.h — what the parts of the benchmark data generator share
 * (tests/bench/gen.c drives the store; gen_text.c makes up Dutch words).
 *
 * Everything is deterministic: a PCG32 stream per purpose, seeded from the
 * command line's --seed, never rand().
 */
#ifndef LEERNET_BENCH_GEN_H
#define LEERNET_BENCH_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One PCG32 stream (O'Neill, pcg-random.org): 64-bit state, odd increment. */
struct gen_rng {
	uint64_t state;
	uint64_t inc;
};

/* Seed r from seed; streams with different numbers are independent. */
void gen_rng_seed(struct gen_rng *r, uint64_t seed, uint64_t stream);
uint32_t gen_rng_next(struct gen_rng *r);
/* Uniform in 0 .. n-1; n > 0. */
uint32_t gen_rng_below(struct gen_rng *r, uint32_t n);
/* Uniform in lo .. hi, both included; lo <= hi. */
int gen_rng_range(struct gen_rng *r, int lo, int hi);
/* True with the given chance in percent. */
bool gen_rng_chance(struct gen_rng *r, int percent);
/* A well-mixed 64-bit hash of four numbers (splitmix64 rounds). */
uint64_t gen_hash(uint64_t a, uint64_t b, uint64_t c, uint64_t d);

/* A fixed text buffer that cuts silently at its size. */
#define GEN_BUF_SIZE 4096
struct gen_buf {
	size_t len;
	char s[GEN_BUF_SIZE];
};

void gen_buf_clear(struct gen_buf *b);
void gen_buf_add(struct gen_buf *b, const char *text);
void gen_buf_addf(struct gen_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- words (gen_text.c) ---- */

/* Places: a town and its school-holiday region (noord, midden, zuid). */
size_t gen_text_n_places(void);
const char *gen_text_place(size_t i);
const char *gen_text_place_region(size_t i);

enum gen_org_kind { GEN_BOARD, GEN_INSTITUTE, GEN_MUNICIPALITY, GEN_SCHOOL };
/* The name of an organisation of kind in place; variant picks the wording. */
void gen_text_org_name(enum gen_org_kind kind, size_t place, uint64_t variant,
    struct gen_buf *out);

/* A person's name (a few with accents) and the ASCII local part of an email. */
void gen_text_person(struct gen_rng *r, struct gen_buf *name, struct gen_buf *email_local);

/* Themes: n distinct titles; title i of those, and its topic for group names. */
size_t gen_text_max_titles(void);
void gen_text_theme_title(size_t i, size_t n, struct gen_buf *out);
void gen_text_theme_description(struct gen_rng *r, size_t i, size_t n, struct gen_buf *out);
void gen_text_question(struct gen_rng *r, size_t i, size_t n, struct gen_buf *out);
/* Short name of the group type ("PLG", "Werkgroep"), from key and label. */
void gen_text_type_short(const char *key, const char *label, struct gen_buf *out);

/* The intervision phases we can write for, told from a phase's label. */
enum gen_phase_kind {
	GEN_PHASE_CASE,		/* choosing or bringing in a case */
	GEN_PHASE_PROBLEM,	/* sketching, naming, reformulating */
	GEN_PHASE_QUESTIONS,	/* clarifying questions */
	GEN_PHASE_ANALYSIS,
	GEN_PHASE_ADVICE,
	GEN_PHASE_TAKEAWAY,	/* what the contributor takes on, their reaction */
	GEN_PHASE_IMAGES,	/* associations and images (Balint) */
	GEN_PHASE_EVALUATION,
	GEN_PHASE_OTHER
};
enum gen_phase_kind gen_text_phase_kind(const char *label);
/* sentences (1 .. 4) of a note section for a phase of that kind. */
void gen_text_section(struct gen_rng *r, enum gen_phase_kind kind, int sentences,
    struct gen_buf *out);
/* A follow-up agreement. */
void gen_text_agreement(struct gen_rng *r, struct gen_buf *out);
/* A remark on a registration of interest, or NULL (most have none). */
const char *gen_text_interest_remark(struct gen_rng *r);
/* A remark on an excused absence, or NULL. */
const char *gen_text_excuse(uint64_t h);
/* An agenda for a group meeting, or NULL. */
const char *gen_text_agenda(uint64_t h);
/* A room in a school ("lokaal 12", "teamkamer"). */
const char *gen_text_room(uint64_t h);

#endif
