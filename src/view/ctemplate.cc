/*
 * The C API of view.h over ctemplate: the project's only C++.
 *
 * A view_dict is a small tree that records what the handler set (variables,
 * shown sections, section repetitions, includes) in order. view_render turns
 * it into ONE ctemplate TemplateDictionary for that expansion. Recording first
 * lets page_render put a handler's dictionary inside the layout as the BODY
 * include (ctemplate can only create include dictionaries, not adopt one).
 *
 * Every entry point catches every C++ exception: none may cross into C.
 */

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

#include <exception>
#include <string>
#include <unordered_map>
#include <vector>

extern "C" {
#include "core/buf.h"
#include "core/i18n.h"
#include "core/log.h"
#include "view/tpl_mark.h"
#include "view/view.h"
}

namespace {

enum op_kind { OP_VAR, OP_GLOBAL, OP_SHOW, OP_SECTION, OP_INCLUDE };

struct op {
	op_kind			 kind;
	const char		*lit;	/* name when a string literal, else NULL */
	std::string		 name;	/* name otherwise */
	std::string		 value;	/* OP_VAR/OP_GLOBAL value, OP_INCLUDE file */
	struct view_dict	*child;	/* OP_SECTION, OP_INCLUDE */
	bool			 owned;	/* child freed with the parent */
};

}

struct view_dict {
	std::vector<op>	ops;

	~view_dict() {
		for (auto &o : ops)
			if (o.owned)
				delete o.child;
	}
};

namespace {

/* Set once by view_init before threads start, read-only afterwards. */
bool	view_ready = false;

/* Copy a message into a C buffer, always NUL-terminated. */
void
set_err(char *err, size_t errsz, const std::string &msg)
{
	if (err == NULL || errsz == 0)
		return;
	snprintf(err, errsz, "%s", msg.c_str());
}

/* True when name ends in ".tpl". */
bool
is_tpl(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".tpl") == 0;
}

/* True when the file starts (after blank space) with an AUTOESCAPE pragma:
 * every template must escape by context. */
bool
has_autoescape(const std::string &path)
{
	FILE *f = fopen(path.c_str(), "r");
	char head[64];
	size_t n, i = 0;

	if (f == NULL)
		return false;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	while (i < n && (head[i] == ' ' || head[i] == '\t' ||
	    head[i] == '\r' || head[i] == '\n'))
		i++;
	return strncmp(head + i, "{{%AUTOESCAPE", 13) == 0;
}

/* The cache key of template name in the thread's language: name itself
 * in English, "<catalogue>/name" in the others. */
std::string
lang_name(const std::string &name)
{
	enum lang l = i18n_current();

	if (l == LANG_EN)
		return name;
	return std::string(i18n_catalog(l)) + "/" + name;
}

/* tpl_marks' translator: the thread language's text in the text domain
 * arg (NULL: the shopper domain). */
const char *
tr_marker(const char *msgid, unsigned, void *arg)
{
	return i18n_dgettext(static_cast<const char *>(arg), msgid);
}

/* Read the template file path and put it in the cache once per language,
 * its text markers translated (view/tpl_mark.h), under lang_name(relname).
 * Returns 0, or -1 with a message in err. */
int
load_langs(const std::string &path, const std::string &relname, char *err,
    size_t errsz)
{
	struct buf src, out;
	char merr[160];
	int rc = 0;
	enum lang was = i18n_current();
	FILE *f;

	if ((f = fopen(path.c_str(), "r")) == NULL) {
		set_err(err, errsz, relname + ": cannot read");
		return -1;
	}
	buf_init(&src);
	buf_init(&out);
	for (char chunk[8192]; size_t n = fread(chunk, 1, sizeof(chunk), f);)
		buf_append(&src, chunk, n);
	fclose(f);
	for (int l = LANG_EN; l < LANG_COUNT && rc == 0; l++) {
		i18n_use((enum lang)l);
		buf_reset(&out);
		if (tpl_marks(src.data, src.len, tr_marker,
		    const_cast<char *>(tpl_domain(relname.c_str())), &out, merr,
		    sizeof(merr)) == -1) {
			set_err(err, errsz, relname + ": " + merr);
			rc = -1;
		} else if (!ctemplate::StringToTemplateCache(lang_name(relname),
		    std::string(out.data, out.len), ctemplate::STRIP_BLANK_LINES)) {
			set_err(err, errsz, relname +
			    ": template does not parse (see the ctemplate message above)");
			rc = -1;
		}
	}
	i18n_use(was);
	buf_cleanup(&src);
	buf_cleanup(&out);
	return rc;
}

/* Load every *.tpl below root/rel (depth-first, sorted order not needed) into
 * the default cache. Returns 0, or -1 with a message in err. */
int
load_dir(const std::string &root, const std::string &rel, int depth,
    char *err, size_t errsz)
{
	std::string dir = rel.empty() ? root : root + "/" + rel;
	DIR *d;
	struct dirent *de;
	std::vector<std::string> subdirs, files;

	if (depth > 4)
		return 0;
	if ((d = opendir(dir.c_str())) == NULL) {
		set_err(err, errsz, dir + ": cannot open template directory");
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		std::string name = de->d_name;
		std::string full = dir + "/" + name;

		if (name[0] == '.')
			continue;
		if (stat(full.c_str(), &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode))
			subdirs.push_back(name);
		else if (S_ISREG(st.st_mode) && is_tpl(name.c_str()))
			files.push_back(name);
	}
	closedir(d);

	for (auto &f : files) {
		std::string relname = rel.empty() ? f : rel + "/" + f;

		if (!has_autoescape(dir + "/" + f)) {
			set_err(err, errsz, relname +
			    ": does not start with {{%AUTOESCAPE context=...}}");
			return -1;
		}
		if (load_langs(dir + "/" + f, relname, err, errsz) == -1)
			return -1;
	}
	for (auto &s : subdirs)
		if (load_dir(root, rel.empty() ? s : rel + "/" + s, depth + 1,
		    err, errsz) == -1)
			return -1;
	return 0;
}

/* The name of o for ctemplate. A literal name (every name the pages use)
 * is interned once per thread as a StaticTemplateString, as STS_INIT does
 * at compile time: its id is then computed once, and ctemplate neither
 * hashes it nor takes the global id-to-name lock on each insert (both were
 * among the top symbols of a profile of the checkout page). Interned
 * entries are keyed by the literal's address, live as long as the thread
 * and point at the literal itself. Any other name is passed as a copy. */
ctemplate::TemplateString
key(const op &o)
{
	thread_local std::unordered_map<const char *,
	    ctemplate::StaticTemplateString> interned;

	if (o.lit == NULL)
		return ctemplate::TemplateString(o.name);
	auto it = interned.find(o.lit);
	if (it == interned.end()) {
		ctemplate::StaticTemplateString sts =
		    { { o.lit, strlen(o.lit), 0 } };

		it = interned.emplace(o.lit, sts).first;
		ctemplate::StaticTemplateStringInitializer init(&it->second);
	}
	return ctemplate::TemplateString(it->second);
}

/* Replay the recorded operations of d onto td, recursively. */
void
fill(ctemplate::TemplateDictionary *td, const struct view_dict *d)
{
	for (const auto &o : d->ops) {
		switch (o.kind) {
		case OP_VAR:
			td->SetValue(key(o), o.value);
			break;
		case OP_GLOBAL:
			td->SetTemplateGlobalValue(key(o), o.value);
			break;
		case OP_SHOW:
			td->ShowSection(key(o));
			break;
		case OP_SECTION:
			fill(td->AddSectionDictionary(key(o)), o.child);
			break;
		case OP_INCLUDE: {
			ctemplate::TemplateDictionary *sub =
			    td->AddIncludeDictionary(key(o));

			sub->SetFilename(lang_name(o.value));
			fill(sub, o.child);
			break;
		}
		}
	}
}

/* Record one operation; used by every setter. */
void
push(struct view_dict *d, op_kind kind, const char *name, const char *value,
    struct view_dict *child, bool owned)
{
	op o;

	o.kind = kind;
	/* ctemplate's own test for memory that is never freed or
	 * written: the program's text and read-only data. */
	if (ctemplate::TemplateString(name).is_immutable())
		o.lit = name;
	else {
		o.lit = NULL;
		o.name = name;
	}
	if (value != NULL)
		o.value = value;
	o.child = child;
	o.owned = owned;
	d->ops.push_back(std::move(o));
}

}

extern "C" {

/* See view.h. Freezes the cache afterwards, so no template is ever read from
 * disk while threads run, and a missing include fails instead of loading. */
int
view_init(const char *dir, char *err, size_t errsz)
{
	try {
		if (view_ready) {
			set_err(err, errsz, "view_init called twice");
			return -1;
		}
		ctemplate::TemplateCache *cache =
		    ctemplate::mutable_default_template_cache();
		if (!cache->SetTemplateRootDirectory(dir)) {
			set_err(err, errsz, std::string(dir) +
			    ": bad template directory");
			return -1;
		}
		if (load_dir(dir, "", 0, err, errsz) == -1)
			return -1;
		cache->Freeze();
		view_ready = true;
		return 0;
	} catch (const std::exception &e) {
		set_err(err, errsz, std::string("view_init: ") + e.what());
	} catch (...) {
		set_err(err, errsz, "view_init: unknown exception");
	}
	return -1;
}

/* See view.h. Aborts when memory runs out, like xmalloc. */
struct view_dict *
view_dict_new(void)
{
	try {
		return new view_dict();
	} catch (...) {
		log_err("view: out of memory");
		abort();
	}
}

/* See view.h. */
void
view_dict_free(struct view_dict *d)
{
	try {
		delete d;
	} catch (...) {
		log_err("view: exception while freeing a dictionary");
	}
}

/* See view.h. A NULL value sets "". */
void
view_set(struct view_dict *d, const char *name, const char *val)
{
	if (d == NULL || name == NULL)
		return;
	try {
		push(d, OP_VAR, name, val != NULL ? val : "", NULL, false);
	} catch (...) {
		log_err("view: exception in view_set");
	}
}

/* See view.h. */
void
view_set_global(struct view_dict *d, const char *name, const char *val)
{
	if (d == NULL || name == NULL)
		return;
	try {
		push(d, OP_GLOBAL, name, val != NULL ? val : "", NULL, false);
	} catch (...) {
		log_err("view: exception in view_set_global");
	}
}

/* See view.h. */
void
view_setf(struct view_dict *d, const char *name, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	view_set(d, name, buf_str(&b));
	buf_cleanup(&b);
}

/* See view.h. */
void
view_set_int(struct view_dict *d, const char *name, long long val)
{
	char s[32];

	snprintf(s, sizeof(s), "%lld", val);
	view_set(d, name, s);
}

/* See view.h. */
void
view_show(struct view_dict *d, const char *section)
{
	if (d == NULL || section == NULL)
		return;
	try {
		push(d, OP_SHOW, section, NULL, NULL, false);
	} catch (...) {
		log_err("view: exception in view_show");
	}
}

/* See view.h. Aborts when memory runs out. */
struct view_dict *
view_add(struct view_dict *d, const char *section)
{
	struct view_dict *child = view_dict_new();

	try {
		push(d, OP_SECTION, section, NULL, child, true);
	} catch (...) {
		delete child;
		log_err("view: out of memory");
		abort();
	}
	return child;
}

/* See view.h. Aborts when memory runs out. */
struct view_dict *
view_include(struct view_dict *d, const char *name, const char *tpl)
{
	struct view_dict *child = view_dict_new();

	try {
		push(d, OP_INCLUDE, name, tpl, child, true);
	} catch (...) {
		delete child;
		log_err("view: out of memory");
		abort();
	}
	return child;
}

/* See view.h. */
void
view_attach(struct view_dict *d, const char *name, const char *tpl,
    struct view_dict *child)
{
	if (d == NULL || child == NULL)
		return;
	try {
		push(d, OP_INCLUDE, name, tpl, child, false);
	} catch (...) {
		log_err("view: exception in view_attach");
	}
}

/* See view.h. Expands into a private string first so that a failed
 * expansion appends nothing. The string is the thread's own and keeps its
 * capacity between renders: a page of 20 KB would otherwise grow it by
 * doubling, each time from freshly faulted pages. */
int
view_render(const char *tpl, struct view_dict *d, struct buf *out)
{
	try {
		ctemplate::TemplateDictionary td("view");
		thread_local std::string s;

		s.clear();

		if (!view_ready) {
			log_err("view_render(%s): view_init did not run", tpl);
			return -1;
		}
		if (d != NULL)
			fill(&td, d);
		if (!ctemplate::mutable_default_template_cache()->ExpandNoLoad(
		    lang_name(tpl), ctemplate::STRIP_BLANK_LINES, &td, NULL, &s)) {
			log_err("view_render(%s): expansion failed", tpl);
			return -1;
		}
		buf_append(out, s.data(), s.size());
		return 0;
	} catch (const std::exception &e) {
		log_err("view_render(%s): %s", tpl, e.what());
	} catch (...) {
		log_err("view_render(%s): unknown exception", tpl);
	}
	return -1;
}

}
