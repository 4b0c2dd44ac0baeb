/*
 * ext_editor.h — edit a text in the user's own editor ($VISUAL, $EDITOR, vi).
 *
 * Only for a login that is not restricted: the caller checks
 * app->opt.restricted first (DESIGN.md §6: a restricted login never starts
 * another program). This is the one place where leernet starts a program.
 */
#ifndef LEERNET_UI_EXT_EDITOR_H
#define LEERNET_UI_EXT_EDITOR_H

/*
 * Write text to a file (0600) in a private directory (0700, made with
 * mkdtemp under $TMPDIR or /tmp), leave curses, run the editor on it through
 * /bin/sh -c '$EDITOR "$1"' sh FILE (so the variable may carry options; the
 * path is never part of the command), wait for it, come back to curses and
 * read the file back. The file and the directory are removed on every way
 * out. While the editor runs, SIGINT, SIGQUIT and SIGTSTP do not reach
 * leernet; the editor gets the default actions.
 *
 * Returns 0 with *out the new text (owned by the caller, at most max_chars
 * characters when max_chars > 0), or -1 with *why a translated message
 * (owned) when the editor failed or the text is too long: then the caller
 * keeps its text. The caller redraws the whole screen afterwards.
 */
int ext_editor_edit(const char *text, int max_chars, char **out, char **why);

#endif
