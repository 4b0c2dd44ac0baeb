/*
 * probe.c — time a terminal program in a pseudo-terminal, for `make bench`.
 *
 * Starts a command in a pty of a fixed size, waits until its output contains
 * a ready text and goes quiet, then sends a key script and measures each
 * key: the bytes the program writes until it is quiet for Q ms, and the
 * latency from sending the key to the last byte before that silence. Peak
 * memory is VmHWM from /proc/PID/status, sampled after every step.
 *
 * The output is scanned as raw bytes: a ready or expected text must appear
 * as one run of UTF-8 in what the program writes. No terminal emulation.
 *
 *   probe [-s COLSxROWS] [-q MS] [-T SEC] [-e NAME=VALUE]... [-j]
 *         -r TEXT [-l LABEL] [-k STEP]... -- COMMAND [ARG]...
 *   probe -n RUNS -- COMMAND [ARG]...      (times whole runs, no pty)
 *
 * Steps: DOWN UP LEFT RIGHT PGDN PGUP HOME END ENTER ESC TAB BS SPACE,
 * C-x, one literal character, text:STRING (one measured step per
 * character), wait:MS (read only), expect:TEXT (wait for TEXT, then quiet).
 * -l LABEL tags the steps that follow it, so that a caller can pick them.
 *
 * Exit status: 0 when every step completed and the program exited by itself;
 * 1 when the ready text or an expected text did not come, a step never went
 * quiet, or the program had to be ended; 2 for a bad command line.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROBE_MAX_STEPS 512
#define PROBE_MAX_ENV 32

enum probe_kind { PROBE_SEND, PROBE_WAIT, PROBE_EXPECT };

struct probe_step {
	enum probe_kind kind;
	const char *spec;	/* as given, for the report */
	const char *label;
	char bytes[16];		/* PROBE_SEND: what to write */
	size_t n;
	const char *text;	/* PROBE_EXPECT */
	double ms;		/* PROBE_WAIT */
};

/* What one settle() observed; times in ms relative to its origin. */
struct probe_result {
	size_t bytes;
	double first_ms, last_ms, match_ms;	/* < 0: none */
	bool timed_out;
};

struct probe {
	int master;
	pid_t pid;
	double t0;
	char *out;		/* everything the program wrote */
	size_t len, cap;
	size_t mark;		/* expect: searches from here (set at each key) */
	double last_read;
	bool eof, reaped;
	int status;
	struct rusage ru;
	long hwm_kb;
};

static const struct {
	const char *name, *bytes;
} probe_keys[] = {
	/* xterm in keypad-transmit mode, as curses sets it */
	{ "UP", "\033OA" }, { "DOWN", "\033OB" }, { "RIGHT", "\033OC" }, { "LEFT", "\033OD" },
	{ "HOME", "\033OH" }, { "END", "\033OF" }, { "PGUP", "\033[5~" }, { "PGDN", "\033[6~" },
	{ "DEL", "\033[3~" }, { "INS", "\033[2~" }, { "ENTER", "\r" }, { "TAB", "\t" },
	{ "ESC", "\033" }, { "BS", "\177" }, { "SPACE", " " }, { "F1", "\033OP" },
};

static struct {
	int cols, rows;
	double quiet_ms, timeout_ms;
	const char *ready;
	bool json;
	int runs;
	const char *env[PROBE_MAX_ENV];
	size_t n_env;
	struct probe_step steps[PROBE_MAX_STEPS];
	size_t n_steps;
} probe_opt = { 80, 24, 100, 10000, NULL, false, 0, { NULL }, 0, { { 0 } }, 0 };

static void
probe_usage(void)
{
	fprintf(stderr, "usage: probe [-s COLSxROWS] [-q MS] [-T SEC] [-e NAME=VALUE]... [-j]\n"
	    "             -r TEXT [-l LABEL] [-k STEP]... -- COMMAND [ARG]...\n"
	    "       probe -n RUNS -- COMMAND [ARG]...\n");
	exit(2);
}

static double
probe_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Append one step; exits on too many. */
static struct probe_step *
probe_step_add(enum probe_kind kind, const char *spec, const char *label)
{
	struct probe_step *s;

	if (probe_opt.n_steps == PROBE_MAX_STEPS) {
		fprintf(stderr, "probe: too many steps\n");
		exit(2);
	}
	s = &probe_opt.steps[probe_opt.n_steps++];
	s->kind = kind;
	s->spec = spec;
	s->label = label;
	return s;
}

/* Turn one -k item into one or more steps. */
static void
probe_parse_step(const char *spec, const char *label)
{
	struct probe_step *s;
	const char *p;
	size_t i, n;

	if (strncmp(spec, "wait:", 5) == 0) {
		probe_step_add(PROBE_WAIT, spec, label)->ms = atof(spec + 5);
		return;
	}
	if (strncmp(spec, "expect:", 7) == 0 && spec[7] != '\0') {
		probe_step_add(PROBE_EXPECT, spec, label)->text = spec + 7;
		return;
	}
	if (strncmp(spec, "text:", 5) == 0) {
		/* one step per UTF-8 character, each measured */
		for (p = spec + 5; *p != '\0'; p += n) {
			for (n = 1; (p[n] & 0xc0) == 0x80 && n < 4; n++)
				;
			s = probe_step_add(PROBE_SEND, spec, label);
			memcpy(s->bytes, p, n);
			s->n = n;
		}
		return;
	}
	for (i = 0; i < sizeof probe_keys / sizeof probe_keys[0]; i++) {
		if (strcasecmp(spec, probe_keys[i].name) == 0) {
			s = probe_step_add(PROBE_SEND, spec, label);
			s->n = strlen(probe_keys[i].bytes);
			memcpy(s->bytes, probe_keys[i].bytes, s->n);
			return;
		}
	}
	s = probe_step_add(PROBE_SEND, spec, label);
	if (spec[0] == 'C' && spec[1] == '-' && spec[2] != '\0' && spec[3] == '\0') {
		s->bytes[0] = (char)(spec[2] & 0x1f);
		s->n = 1;
		return;
	}
	n = strlen(spec);
	if (n >= 1 && n <= 4 && (n == 1 || (spec[0] & 0xc0) == 0xc0)) {
		memcpy(s->bytes, spec, n);	/* one character, maybe multibyte */
		s->n = n;
		return;
	}
	fprintf(stderr, "probe: unknown key '%s'\n", spec);
	exit(2);
}

/* Parse the command line; returns the index of the command. */
static int
probe_parse_args(int argc, char **argv)
{
	const char *label = "";
	int c;

	while ((c = getopt(argc, argv, "s:q:T:e:jr:l:k:n:")) != -1) {
		switch (c) {
		case 's':
			if (sscanf(optarg, "%dx%d", &probe_opt.cols, &probe_opt.rows) != 2)
				probe_usage();
			break;
		case 'q':
			probe_opt.quiet_ms = atof(optarg);
			break;
		case 'T':
			probe_opt.timeout_ms = atof(optarg) * 1000;
			break;
		case 'e':
			if (probe_opt.n_env == PROBE_MAX_ENV || strchr(optarg, '=') == NULL)
				probe_usage();
			probe_opt.env[probe_opt.n_env++] = optarg;
			break;
		case 'j':
			probe_opt.json = true;
			break;
		case 'r':
			probe_opt.ready = optarg;
			break;
		case 'l':
			label = optarg;
			break;
		case 'k':
			probe_parse_step(optarg, label);
			break;
		case 'n':
			probe_opt.runs = atoi(optarg);
			break;
		default:
			probe_usage();
		}
	}
	if (optind >= argc || (probe_opt.runs <= 0 && probe_opt.ready == NULL))
		probe_usage();
	return optind;
}

/* The child's environment: fixed terminal, locale and today, then -e. */
static void
probe_child_env(void)
{
	size_t i;

	unsetenv("LINES");
	unsetenv("COLUMNS");
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	if (getenv("LEERNET_TODAY") == NULL)
		setenv("LEERNET_TODAY", "2025-11-24", 1);
	for (i = 0; i < probe_opt.n_env; i++)
		putenv((char *)probe_opt.env[i]);
}

static void
probe_hwm(struct probe *p)
{
	char path[64], line[256];
	FILE *f;
	long kb;

	if (p->reaped)
		return;
	snprintf(path, sizeof path, "/proc/%d/status", (int)p->pid);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "VmHWM: %ld", &kb) == 1 && kb > p->hwm_kb)
			p->hwm_kb = kb;
	}
	fclose(f);
}

static void
probe_write(struct probe *p, const char *b, size_t n)
{
	ssize_t w;

	while (n > 0 && (w = write(p->master, b, n)) != 0) {
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return;
		b += w;
		n -= (size_t)w;
	}
}

/* Read once, waiting up to timeout ms. Returns bytes read, 0, or -1 at EOF. */
static ssize_t
probe_pump(struct probe *p, double timeout)
{
	struct pollfd pfd = { p->master, POLLIN, 0 };
	ssize_t n;
	int r;

	if (p->eof) {
		if (timeout > 0)
			usleep((useconds_t)(timeout * 1000));
		return -1;
	}
	r = poll(&pfd, 1, timeout <= 0 ? 0 : (int)(timeout + 0.999));
	if (r <= 0)
		return 0;
	if (p->cap - p->len < 65536) {
		p->cap = p->cap * 2 + 65536;
		if ((p->out = realloc(p->out, p->cap)) == NULL) {
			perror("probe");
			exit(2);
		}
	}
	n = read(p->master, p->out + p->len, 65536);
	if (n < 0 && errno == EINTR)
		return 0;
	if (n <= 0) {		/* EIO: the program closed the terminal */
		p->eof = true;
		return -1;
	}
	p->last_read = probe_now();
	p->len += (size_t)n;
	return n;
}

/* Is text in the output from offset from on? */
static bool
probe_seen(const struct probe *p, size_t from, const char *text)
{
	return p->len > from && memmem(p->out + from, p->len - from, text, strlen(text)) != NULL;
}

/*
 * Read until the output has been quiet for quiet ms — after text appeared
 * (when given), or after the first byte (when need_output) — or until limit
 * ms have passed since origin.
 */
static void
probe_settle(struct probe *p, double origin, double quiet, double limit, const char *text,
    bool need_output, struct probe_result *r)
{
	double now, last = -1, since;
	bool go = text == NULL && !need_output;
	ssize_t n;

	memset(r, 0, sizeof *r);
	r->first_ms = r->last_ms = r->match_ms = -1;
	if (text != NULL && probe_seen(p, p->mark, text)) {
		r->match_ms = 0;
		go = true;
	}
	for (;;) {
		now = probe_now();
		if (now - origin >= limit) {
			r->timed_out = true;	/* never there, or never quiet */
			break;
		}
		since = now - (last >= 0 ? last : origin);
		if (go && since >= quiet)
			break;
		n = probe_pump(p, go ? quiet - since : quiet);
		if (n < 0) {
			r->timed_out = !go;
			break;
		}
		if (n == 0)
			continue;
		last = p->last_read;
		if (r->first_ms < 0)
			r->first_ms = last - origin;
		r->bytes += (size_t)n;
		if (text != NULL && r->match_ms < 0 && probe_seen(p, p->mark, text)) {
			r->match_ms = last - origin;
			go = true;
		} else if (text == NULL) {
			go = true;
		}
	}
	if (last >= 0)
		r->last_ms = last - origin;
	probe_hwm(p);
}

static void
probe_reap(struct probe *p, bool block)
{
	pid_t r;

	if (p->reaped)
		return;
	do
		r = wait4(p->pid, &p->status, block ? 0 : WNOHANG, &p->ru);
	while (r < 0 && errno == EINTR);
	if (r == p->pid)
		p->reaped = true;
}

/* Let the program exit by itself (reading its output), else end it. */
static bool
probe_finish(struct probe *p)
{
	static const int sigs[] = { 0, SIGTERM, SIGKILL };
	double end;
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		if (sigs[i] != 0 && !p->reaped)
			kill(-p->pid, sigs[i]);	/* the child leads its own session */
		end = probe_now() + (i == 0 ? probe_opt.timeout_ms : 1000);
		while (!p->reaped && probe_now() < end) {
			probe_hwm(p);
			probe_pump(p, 20);
			probe_reap(p, false);
		}
		if (p->reaped)
			return i == 0;
	}
	probe_reap(p, true);
	return false;
}

static void
probe_spawn(struct probe *p, char **argv)
{
	struct winsize ws = { 0 };

	ws.ws_col = (unsigned short)probe_opt.cols;
	ws.ws_row = (unsigned short)probe_opt.rows;
	p->t0 = probe_now();
	p->pid = forkpty(&p->master, NULL, NULL, &ws);
	if (p->pid < 0) {
		perror("probe: forkpty");
		exit(2);
	}
	if (p->pid == 0) {
		probe_child_env();
		execvp(argv[0], argv);
		fprintf(stderr, "probe: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
}

/* A value for the report: %-escaped in key=value output, JSON-escaped in -j. */
static void
probe_print_str(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (probe_opt.json)
		putchar('"');
	for (; *u != '\0'; u++) {
		if (probe_opt.json && (*u == '"' || *u == '\\'))
			printf("\\%c", *u);
		else if (probe_opt.json && *u < 0x20)
			printf("\\u%04x", *u);
		else if (!probe_opt.json && (*u <= ' ' || *u == '%' || *u == 0x7f))
			printf("%%%02X", *u);
		else
			putchar(*u);
	}
	if (probe_opt.json)
		putchar('"');
}

/* One number, or none / null when absent (< 0). */
static void
probe_print_ms(const char *name, double v, const char *sep)
{
	if (probe_opt.json)
		printf("\"%s\":", name);
	else
		printf("%s=", name);
	if (v < 0)
		fputs(probe_opt.json ? "null" : "none", stdout);
	else
		printf("%.3f", v);
	fputs(sep, stdout);
}

static void
probe_print_step(size_t i, const struct probe_step *s, const struct probe_result *r)
{
	char key[8];

	if (probe_opt.json)
		printf("%s{\"step\":%zu,\"label\":", i > 0 ? "," : "", i + 1);
	else
		printf("step=%zu label=", i + 1);
	probe_print_str(*s->label != '\0' ? s->label : "-");
	fputs(probe_opt.json ? ",\"key\":" : " key=", stdout);
	if (strncmp(s->spec, "text:", 5) == 0) {
		snprintf(key, sizeof key, "%.*s", (int)s->n, s->bytes);
		probe_print_str(key);
	} else {
		probe_print_str(s->spec);
	}
	printf(probe_opt.json ? ",\"bytes\":%zu," : " bytes=%zu ", r->bytes);
	probe_print_ms("first_ms", r->first_ms, probe_opt.json ? "," : " ");
	probe_print_ms("latency_ms", r->last_ms, probe_opt.json ? "," : " ");
	if (s->kind == PROBE_EXPECT)
		probe_print_ms("match_ms", r->match_ms, probe_opt.json ? "," : " ");
	printf(probe_opt.json ? "\"timed_out\":%s}" : "timed_out=%s\n",
	    r->timed_out ? (probe_opt.json ? "true" : "1") : (probe_opt.json ? "false" : "0"));
}

static void
probe_print_exit(const struct probe *p, bool by_itself)
{
	int code = -1, sig = 0;

	if (p->reaped && WIFEXITED(p->status))
		code = WEXITSTATUS(p->status);
	else if (p->reaped && WIFSIGNALED(p->status))
		sig = WTERMSIG(p->status);
	if (probe_opt.json)
		printf("],\"peak_rss_kb\":%ld,\"rusage_maxrss_kb\":%ld,\"exit\":%d,\"signal\":%d,"
		    "\"killed\":%s,\"total_bytes\":%zu,\"elapsed_ms\":%.3f}\n", p->hwm_kb,
		    p->ru.ru_maxrss, code, sig, by_itself ? "false" : "true", p->len,
		    probe_now() - p->t0);
	else
		printf("peak_rss_kb=%ld\nrusage_maxrss_kb=%ld\nexit=%d\nsignal=%d\nkilled=%d\n"
		    "total_bytes=%zu\nelapsed_ms=%.3f\n", p->hwm_kb, p->ru.ru_maxrss, code, sig,
		    !by_itself, p->len, probe_now() - p->t0);
}

/* Run one step and report it; returns false when it failed. */
static bool
probe_run_step(struct probe *p, size_t i)
{
	const struct probe_step *s = &probe_opt.steps[i];
	struct probe_result r = { 0, -1, -1, -1, true };
	double t = probe_now();

	switch (s->kind) {
	case PROBE_SEND:
		p->mark = p->len;
		probe_write(p, s->bytes, s->n);
		probe_settle(p, t, probe_opt.quiet_ms, probe_opt.timeout_ms, NULL, false, &r);
		break;
	case PROBE_WAIT:
		probe_settle(p, t, s->ms, s->ms, NULL, false, &r);
		r.timed_out = false;
		break;
	case PROBE_EXPECT:
		probe_settle(p, t, probe_opt.quiet_ms, probe_opt.timeout_ms, s->text, false, &r);
		break;
	}
	probe_print_step(i, s, &r);
	return !r.timed_out;
}

/* The pty mode: start, wait for the ready text, run the steps. */
static int
probe_session(char **argv)
{
	struct probe p;
	struct probe_result r;
	bool ok, by_itself;
	size_t i;

	memset(&p, 0, sizeof p);
	probe_spawn(&p, argv);
	probe_settle(&p, p.t0, probe_opt.quiet_ms, probe_opt.timeout_ms, probe_opt.ready, true, &r);
	ok = !r.timed_out;
	if (probe_opt.json) {
		printf("{\"command\":");
		probe_print_str(argv[0]);
		printf(",\"size\":[%d,%d],", probe_opt.cols, probe_opt.rows);
		probe_print_ms("ready_ms", r.match_ms, ",");
		probe_print_ms("start_ms", ok ? r.last_ms : -1, ",");
		printf("\"start_bytes\":%zu,\"ready_timed_out\":%s,\"steps\":[", r.bytes,
		    ok ? "false" : "true");
	} else {
		probe_print_ms("ready_ms", r.match_ms, "\n");
		probe_print_ms("start_ms", ok ? r.last_ms : -1, "\n");
		printf("start_bytes=%zu\nready_timed_out=%d\n", r.bytes, !ok);
	}
	for (i = 0; ok && i < probe_opt.n_steps; i++)
		ok = probe_run_step(&p, i);
	by_itself = probe_finish(&p);
	probe_print_exit(&p, by_itself);
	close(p.master);
	free(p.out);
	return ok && by_itself ? 0 : 1;
}

/* The timing mode: run a command RUNS times, output to /dev/null. */
static int
probe_time_runs(char **argv)
{
	int i, status, fd;
	double t;
	pid_t pid;

	for (i = 0; i < probe_opt.runs; i++) {
		t = probe_now();
		if ((pid = fork()) < 0) {
			perror("probe: fork");
			return 2;
		}
		if (pid == 0) {
			if ((fd = open("/dev/null", O_RDWR)) >= 0) {
				dup2(fd, 0);
				dup2(fd, 1);
			}
			execvp(argv[0], argv);
			_exit(127);
		}
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		printf("run=%d ms=%.3f exit=%d\n", i + 1, probe_now() - t,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int cmd = probe_parse_args(argc, argv);

	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (probe_opt.runs > 0)
		return probe_time_runs(argv + cmd);
	return probe_session(argv + cmd);
}
