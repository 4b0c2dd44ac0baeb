/*
 * ext_editor.c — hand a text to the user's own editor and take it back.
 *
 * The only code in leernet that starts a program. The caller has made sure
 * the login is not restricted. The text goes into a file that only we can
 * read, in a directory that only we can enter; the editor is started by
 * /bin/sh with the path as "$1", never pasted into the command; whatever
 * happens, the file, anything the editor left beside it, and the directory
 * are removed.
 */
#include "autoconf.h"

#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/xmalloc.h"
#include "ui/ext_editor.h"

#define EXT_EDITOR_FILE "text.txt"
#define EXT_EDITOR_SHELL "/bin/sh"
#define EXT_EDITOR_NO_CAP (1 << 20)	/* characters taken back when the caller set no cap */
#define EXT_EDITOR_EXIT_NOT_FOUND 127	/* the shell's status for a command it cannot run */
#define EXT_EDITOR_EXIT_NOT_EXEC 126

/* The private directory and the file in it; NULL when not (yet) made. */
struct ext_editor_tmp {
	char *dir;
	char *path;
};

/* The signals leernet keeps away from itself while the editor runs. */
static const int ext_editor_held[] = { SIGINT, SIGQUIT, SIGTSTP };

/* The editor: $VISUAL, else $EDITOR, else vi; an empty variable counts as unset. */
static const char *
ext_editor_command(void)
{
	const char *v = getenv("VISUAL");

	if (v == NULL || *v == '\0')
		v = getenv("EDITOR");
	if (v == NULL || *v == '\0')
		v = "vi";
	return v;
}

/* Where the private directory goes: $TMPDIR when it is an absolute path, else /tmp. */
static const char *
ext_editor_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t != NULL && t[0] == '/' ? t : "/tmp";
}

static int
ext_editor_write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Make the private directory (0700) and write the text into its file
 * (0600), with a newline at the end as editors expect; 0, or -1 with *why.
 */
static int
ext_editor_prepare(struct ext_editor_tmp *t, const char *text, char **why)
{
	const char *base = ext_editor_tmpdir();
	size_t n = strlen(text);
	int fd, rc, err;

	t->dir = xasprintf("%s/leernet-edit-XXXXXX", base);
	if (mkdtemp(t->dir) == NULL) {
		*why = xasprintf(_("Cannot make a private directory for the editor in %s: %s"),
		    base, strerror(errno));
		free(t->dir);
		t->dir = NULL;
		return -1;
	}
	t->path = xasprintf("%s/%s", t->dir, EXT_EDITOR_FILE);
	fd = open(t->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		goto fail;
	rc = ext_editor_write_all(fd, text, n);
	if (rc == 0 && n > 0)
		rc = ext_editor_write_all(fd, "\n", 1);
	err = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc == 0)
		return 0;
	errno = err;
fail:
	*why = xasprintf(_("Cannot write the text for the editor: %s"), strerror(errno));
	return -1;
}

/* Remove the directory with whatever is in it (the file, an editor's swap or backup file). */
static void
ext_editor_cleanup(struct ext_editor_tmp *t)
{
	struct dirent *de;
	DIR *d;

	if (t->dir != NULL && (d = opendir(t->dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			if (unlinkat(dirfd(d), de->d_name, 0) != 0)
				unlinkat(dirfd(d), de->d_name, AT_REMOVEDIR);
		}
		closedir(d);
	}
	if (t->dir != NULL)
		rmdir(t->dir);
	free(t->path);
	free(t->dir);
	t->path = t->dir = NULL;
}

/* In the child: default signal actions, then the shell; never returns. */
static void
ext_editor_child(const char *cmd, const char *path)
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGPIPE,
	    SIGTTIN, SIGTTOU, SIGCHLD };
	char *const argv[] = { (char *)"sh", (char *)"-c", (char *)cmd, (char *)"sh",
	    (char *)path, NULL };
	struct sigaction dfl;
	sigset_t none;
	size_t i;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execv(EXT_EDITOR_SHELL, argv);
	_exit(EXT_EDITOR_EXIT_NOT_FOUND);
}

/*
 * Wait for the editor. When it is stopped (C-z in the editor), stop
 * leernet too, so that the shell gets the terminal back; go on with both
 * when continued.
 */
static int
ext_editor_wait(pid_t pid, int *status)
{
	int st;

	for (;;) {
		if (waitpid(pid, &st, WUNTRACED) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (WIFSTOPPED(st)) {
			kill(getpid(), SIGSTOP);
			kill(pid, SIGCONT);
			continue;
		}
		*status = st;
		return 0;
	}
}

/* Run the editor on path with curses put away; 0 with *status, or -1 (errno). */
static int
ext_editor_run(const char *editor, const char *path, int *status)
{
	struct sigaction ign, old[sizeof ext_editor_held / sizeof ext_editor_held[0]];
	char *cmd = xasprintf("%s \"$1\"", editor);
	size_t i, n = sizeof ext_editor_held / sizeof ext_editor_held[0];
	pid_t pid;
	int rc = -1, err = 0;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	for (i = 0; i < n; i++)
		sigaction(ext_editor_held[i], &ign, &old[i]);
	def_prog_mode();
	endwin();
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		ext_editor_child(cmd, path);
	if (pid < 0)
		err = errno;
	else if ((rc = ext_editor_wait(pid, status)) != 0)
		err = errno;
	reset_prog_mode();
	refresh();
	for (i = 0; i < n; i++)
		sigaction(ext_editor_held[i], &old[i], NULL);
	free(cmd);
	errno = err;
	return rc;
}

/* Read at most limit bytes of fd into a new string; *len gets the bytes read. */
static char *
ext_editor_slurp(int fd, size_t limit, size_t *len)
{
	size_t size = 4096, n = 0;
	char *buf = xmalloc(size);
	ssize_t r;

	for (;;) {
		if (n + 1 == size)
			buf = xrealloc(buf, size *= 2);
		r = read(fd, buf + n, size - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0 || (n += (size_t)r) > limit)
			break;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Drop NUL bytes (a C string cannot hold them) and one final newline. */
static void
ext_editor_tidy(char *buf, size_t *len)
{
	size_t i, j = 0;

	for (i = 0; i < *len; i++) {
		if (buf[i] != '\0')
			buf[j++] = buf[i];
	}
	if (j > 0 && buf[j - 1] == '\n')
		j--;
	if (j > 0 && buf[j - 1] == '\r')
		j--;
	buf[j] = '\0';
	*len = j;
}

/* Take the text back from the file; 0 with *out, or -1 with *why. */
static int
ext_editor_read(const char *path, int max_chars, char **out, char **why)
{
	int cap = max_chars > 0 ? max_chars : EXT_EDITOR_NO_CAP, fd, chars;
	size_t limit = (size_t)cap * 4 + 2, len = 0;
	struct lineedit *le;
	char *buf;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || (buf = ext_editor_slurp(fd, limit, &len)) == NULL) {
		*why = xasprintf(_("Cannot read the text back from the editor: %s"),
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	ext_editor_tidy(buf, &len);
	le = lineedit_new(true);
	lineedit_set(le, buf);
	chars = lineedit_chars(le);
	free(buf);
	if (len > limit || chars > cap) {
		*why = xasprintf(_("The text from the editor is too long (at most %d characters); "
		    "your text is as it was."), cap);
		lineedit_free(le);
		return -1;
	}
	*out = xstrdup(lineedit_text(le));
	lineedit_free(le);
	return 0;
}

int
ext_editor_edit(const char *text, int max_chars, char **out, char **why)
{
	struct ext_editor_tmp t = { NULL, NULL };
	const char *editor = ext_editor_command();
	int status = 0, ret = -1;

	*out = NULL;
	*why = NULL;
	if (ext_editor_prepare(&t, text, why) != 0)
		goto out;
	if (ext_editor_run(editor, t.path, &status) != 0) {
		*why = xasprintf(_("Cannot start the editor: %s"), strerror(errno));
	} else if (WIFEXITED(status) && (WEXITSTATUS(status) == EXT_EDITOR_EXIT_NOT_FOUND ||
	    WEXITSTATUS(status) == EXT_EDITOR_EXIT_NOT_EXEC)) {
		*why = xasprintf(_("The editor '%s' could not be started; your text is as it was."),
		    editor);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*why = xasprintf(_("The editor '%s' ended with an error; your text is as it was."),
		    editor);
	} else {
		ret = ext_editor_read(t.path, max_chars, out, why);
	}
out:
	ext_editor_cleanup(&t);
	return ret;
}
