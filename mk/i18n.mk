# Languages: GNU gettext catalogues in po/ (English is the source, its texts
# are the message ids). `make` compiles po/LANG.po into
# locale/LANG/LC_MESSAGES/mallpay.mo in the build tree, where the stack's
# mallpayd and mallpayctl find them (MALLPAY_LOCALE_DIR, set by
# scripts/stack.sh); `make install` puts them in $(localedir).
# `make update-po` extracts the texts of the C sources (_(), N_(), ngettext)
# and of the templates ({{_ text}}, view/tpl_mark.h) into po/mallpay.pot
# and merges it into every catalogue; `make po-check` (run by `make check`)
# lists what a shipped language does not translate and fails then.
libmallpay_a_SOURCES += src/core/i18n.c src/core/i18n.h \
	src/view/tpl_mark.c src/view/tpl_mark.h
UNIT_TESTS += tests/unit/view/test_tpl_mark
tests_unit_view_test_tpl_mark_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/core/test_i18n
tests_unit_core_test_i18n_CFLAGS = $(UNIT_CFLAGS)
tests_unit_core_test_i18n_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_LOCALE_DIR='"$(abs_top_builddir)/locale"'

noinst_PROGRAMS += po/tpl-strings
po_tpl_strings_SOURCES = po/tpl_strings.c

MALLPAY_LINGUAS = zh_CN ar ms
MSGFMT = msgfmt
MO_FILES = locale/zh_CN/LC_MESSAGES/mallpay.mo \
	locale/ar/LC_MESSAGES/mallpay.mo locale/ms/LC_MESSAGES/mallpay.mo \
	locale/zh_CN/LC_MESSAGES/mallpay-admin.mo
EXTRA_DIST += po/mallpay.pot po/zh_CN.po po/ar.po po/ms.po po/LINGUAS \
	scripts/po.sh
# The admin console's own text domain (English and Chinese only).
MALLPAY_ADMIN_LINGUAS = zh_CN
EXTRA_DIST += po/admin/mallpay-admin.pot po/admin/zh_CN.po po/admin/LINGUAS
locale/zh_CN/LC_MESSAGES/mallpay-admin.mo: $(srcdir)/po/admin/zh_CN.po
	$(MKDIR_P) locale/zh_CN/LC_MESSAGES
	$(MSGFMT) --check -o $@ $(srcdir)/po/admin/zh_CN.po

all-local: $(MO_FILES) locale/glibc/.made
locale/zh_CN/LC_MESSAGES/mallpay.mo: $(srcdir)/po/zh_CN.po
	$(MKDIR_P) locale/zh_CN/LC_MESSAGES
	$(MSGFMT) --check -o $@ $(srcdir)/po/zh_CN.po
locale/ar/LC_MESSAGES/mallpay.mo: $(srcdir)/po/ar.po
	$(MKDIR_P) locale/ar/LC_MESSAGES
	$(MSGFMT) --check -o $@ $(srcdir)/po/ar.po
locale/ms/LC_MESSAGES/mallpay.mo: $(srcdir)/po/ms.po
	$(MKDIR_P) locale/ms/LC_MESSAGES
	$(MSGFMT) --check -o $@ $(srcdir)/po/ms.po
# The glibc locales that name each language's LC_MESSAGES (core/i18n.c), for
# a machine without them installed.
locale/glibc/.made:
	$(SHELL) $(srcdir)/scripts/po.sh glibc locale/glibc
	touch $@

update-po: po/tpl-strings
	$(SHELL) $(srcdir)/scripts/po.sh update $(srcdir) ./po/tpl-strings
po-check: po/tpl-strings
	$(SHELL) $(srcdir)/scripts/po.sh check $(srcdir) ./po/tpl-strings
check-local: po-check
.PHONY: update-po po-check

install-data-hook:
	for l in $(MALLPAY_LINGUAS); do \
	  $(MKDIR_P) "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES" && \
	  $(INSTALL_DATA) locale/$$l/LC_MESSAGES/mallpay.mo \
	    "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES/mallpay.mo" || exit 1; \
	done
	for l in $(MALLPAY_ADMIN_LINGUAS); do \
	  $(MKDIR_P) "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES" && \
	  $(INSTALL_DATA) locale/$$l/LC_MESSAGES/mallpay-admin.mo \
	    "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES/mallpay-admin.mo" || exit 1; \
	done
uninstall-hook:
	for l in $(MALLPAY_LINGUAS); do \
	  rm -f "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES/mallpay.mo"; done
	for l in $(MALLPAY_ADMIN_LINGUAS); do \
	  rm -f "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES/mallpay-admin.mo"; done
clean-local:
	rm -rf locale

# Choosing the language: the Accept-Language header (http/accept_lang.h),
# unit-tested and fuzzed like the other http parsers (mk/fuzz.mk).
libmallpay_a_SOURCES += src/http/accept_lang.c src/http/accept_lang.h
UNIT_TESTS += tests/unit/http/test_accept_lang
tests_unit_http_test_accept_lang_CFLAGS = $(UNIT_CFLAGS)
check_PROGRAMS += tests/fuzz/replay_accept_lang
tests_fuzz_replay_accept_lang_SOURCES = tests/fuzz/fuzz_accept_lang.c tests/fuzz/replay.c
TESTS += tests/fuzz/replay_accept_lang
EXTRA_DIST += tests/fuzz/corpus/accept_lang
if FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_accept_lang
tests_fuzz_fuzz_accept_lang_SOURCES = tests/fuzz/fuzz_accept_lang.c
tests_fuzz_fuzz_accept_lang_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
endif

# The language of a request and the account's setting.
libmallpay_a_SOURCES += src/db/language.c src/db/language.h \
	src/service/language.c src/service/language.h \
	src/pages/language.c src/pages/language.h
UNIT_TESTS += tests/unit/pages/test_lang_choose
tests_unit_pages_test_lang_choose_CFLAGS = $(UNIT_CFLAGS)

# languages: the same pages in each language, by account, header, cookie,
# country (integration, against the private stack).
check_PROGRAMS += tests/integration/test_languages
tests_integration_test_languages_SOURCES = tests/integration/test_languages.c \
	tests/integration/upload_fixture.c tests/integration/upload_fixture.h \
	tests/integration/company_fixture.c tests/integration/company_fixture.h \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_languages_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS) \
	-DTEST_LOCALE_DIR='"$(abs_top_builddir)/locale"'
tests_integration_test_languages_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# Locale formats at the view (view/fmt.h): ICU's C API from Debian's
# libicu-dev (headers in the default include path).
ICU_LIBS = -licui18n -licuuc -licudata
libmallpay_a_SOURCES += src/view/fmt.c src/view/fmt.h
UNIT_TESTS += tests/unit/view/test_fmt
tests_unit_view_test_fmt_CFLAGS = $(UNIT_CFLAGS)

# The admin console in English and Chinese (its own text domain).
check_PROGRAMS += tests/integration/test_admin_languages
tests_integration_test_admin_languages_SOURCES = \
	tests/integration/test_admin_languages.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_admin_languages_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_admin_languages_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
