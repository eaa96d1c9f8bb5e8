#ifndef MALLPAY_VIEW_VIEW_H
#define MALLPAY_VIEW_VIEW_H

#include <stddef.h>

#include "core/buf.h"

/* A C API over ctemplate (src/view/ctemplate.cc, the project's only C++).
 * Every template starts with {{%AUTOESCAPE context="HTML"}}, so values set here are
 * HTML-escaped when expanded. Names of variables and sections are always string
 * literals from the code, never user data (ctemplate interns them forever). */

struct view_dict;

/* Load and parse every *.tpl file under dir; call once at start-up, before threads.
 * Returns 0, or -1 with the first broken template's name and error in err. */
int	view_init(const char *dir, char *err, size_t errsz);

/* A new top-level dictionary for one request; free with view_dict_free. */
struct view_dict *view_dict_new(void);
/* Free a top-level dictionary and everything below it; takes NULL. */
void	view_dict_free(struct view_dict *);

/* Set a variable to a C string (copied), to a printf result, or to an integer. */
void	view_set(struct view_dict *, const char *name, const char *val);
void	view_setf(struct view_dict *, const char *name, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	view_set_int(struct view_dict *, const char *name, long long val);
/* Set a variable visible to dict and every section and include below it
 * (ctemplate's template-global value; includes see nothing else of a parent). */
void	view_set_global(struct view_dict *, const char *name, const char *val);
/* Show a section once ({{#name}}...{{/name}}), using the parent's variables. */
void	view_show(struct view_dict *, const char *section);
/* Add one repetition of a section and return its dictionary (owned by the parent). */
struct view_dict *view_add(struct view_dict *, const char *section);
/* Fill an include ({{>name}}) with the template file tpl; returns its dictionary. */
struct view_dict *view_include(struct view_dict *, const char *name, const char *tpl);

/* Fill an include ({{>name}}) with template tpl expanded with child, which stays
 * owned by the caller and must outlive every view_render of dict (page_render
 * uses it to put a handler's dictionary inside the layout). */
void	view_attach(struct view_dict *dict, const char *name, const char *tpl,
	    struct view_dict *child);

/* Expand template tpl (a file name relative to the template dir) with dict,
 * appending to out. Returns 0, or -1 (nothing appended) if expansion failed. */
int	view_render(const char *tpl, struct view_dict *, struct buf *out);

#endif
