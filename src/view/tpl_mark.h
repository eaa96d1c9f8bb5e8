#ifndef MALLPAY_VIEW_TPL_MARK_H
#define MALLPAY_VIEW_TPL_MARK_H

#include <stddef.h>

#include "core/buf.h"

/* Translatable text in templates. ctemplate has no gettext, so a template
 * marks its words as {{_ Place order}}; view_init expands every template
 * once per language before threads start (a compiled template per
 * language), so a request pays nothing for translation.
 *
 * A marker is "{{_" then blank space then the English text up to "}}".
 * Runs of blank space (line breaks too) count as one space, so the text may
 * wrap. {NAME} inside the text becomes the variable {{NAME}} after
 * translation (translations keep the same {NAME}s, in their own order). The
 * text is plain: the translation is HTML-escaped as it is put in. */

/* The translation of msgid found at line of the template (1-based), or
 * NULL to keep msgid. arg is tpl_marks' arg. */
typedef const char *(*tpl_tr_fn)(const char *msgid, unsigned line, void *arg);

/* Scan the template src (n bytes) and call tr for every marker's text.
 * When out is not NULL, append src to it with each marker replaced by its
 * translation. Returns the number of markers, or -1 with a message naming
 * the line in err (unterminated or empty marker, "{{" inside one). */
int	tpl_marks(const char *src, size_t n, tpl_tr_fn tr, void *arg,
	    struct buf *out, char *err, size_t errsz);

/* The text domain of the template named relname (its path below
 * templates/): I18N_ADMIN_DOMAIN for the admin console's templates (only
 * admin routes render them: admin_*.tpl, *_admin*.tpl, cod_user.tpl,
 * cod_users.tpl, cod_fulfil.tpl; scripts/po.sh extracts the same files
 * into po/admin/), else NULL (the shopper domain). */
const char *tpl_domain(const char *relname);

#endif
