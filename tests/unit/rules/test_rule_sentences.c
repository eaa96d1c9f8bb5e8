/*
 * Every rule sentence fits a reason's message uncut in every language:
 * COD-07's Arabic sentence with its figures is checked whole, and every
 * sentence the rules mark (po/mallpay.pot, references under src/rules/)
 * is measured in each built catalogue with its figures at their longest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/i18n.h"
#include "rules/cod.h"
#include "rules_fixture.h"

/* The longest a figure put in a sentence may be: %s holds an amount with
 * its USD equivalent (2 * MONEY_STR_MAX) or a list of categories (128);
 * an integer at most 20 digits. */
#define FIG_STR_MAX	128
#define FIG_INT_MAX	20

/* The build's catalogues, for every language. */
static void
use_catalogues(void)
{
	char err[300];

	if (i18n_init(TEST_LOCALE_DIR, err, sizeof(err)) == -1)
		fail_msg("i18n_init: %s", err);
}

/* COD-07 for a newcomer, in Arabic, with large figures in two currencies:
 * the message ends as the translation ends, with the counts' bracket. */
static void
test_COD_07_arabic_sentence_is_whole(void **state)
{
	struct facts		 f;
	struct verdict		*v;
	const struct reason	*r;
	size_t			 n;

	(void)state;
	use_catalogues();
	v = malloc(sizeof(*v));
	assert_non_null(v);
	fx_person(&f);
	fx_order_amounts(&f, "CNY", "0.14", 9999999999, 0, 0);
	f.buyer.cod.completed_orders = 2;
	i18n_use(LANG_AR);
	cod_check(&f, v);
	i18n_use(LANG_EN);
	r = verdict_find(v, "COD-07");
	assert_non_null(r);
	n = strlen(r->message);
	assert_true(n > 256);
	assert_true(n < sizeof(r->message) - 1);
	assert_int_equal(r->message[n - 1], ')');
	assert_non_null(strstr(r->message, "COD-07: "));
	assert_non_null(strstr(r->message, "المخالفات: 0)"));
	facts_cleanup(&f);
	free(v);
}

/* s's length once each conversion holds its longest figure. */
static size_t
worst_len(const char *s)
{
	size_t	 n = 0;

	while (*s != '\0') {
		if (s[0] != '%') {
			n++, s++;
			continue;
		}
		s++;
		if (*s == '%') {
			n++, s++;
			continue;
		}
		while (*s != '\0' && strchr("lhzj0123456789.-+ #", *s) != NULL)
			s++;
		if (*s == '\0')
			break;
		n += *s == 's' ? FIG_STR_MAX : FIG_INT_MAX;
		s++;
	}
	return n;
}

/* Append the C string literal at p (after its opening quote) to out. */
static void
unquote(const char *p, char *out, size_t outsz)
{
	size_t	 n = strlen(out);

	for (; *p != '\0' && *p != '"' && n + 1 < outsz; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			out[n++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
		} else
			out[n++] = *p;
	}
	out[n] = '\0';
}

/* The worst length of msgid's translation (both plural forms) in the
 * thread's language, the rule id and ": " included. */
static size_t
worst_message(const char *id, const char *plural)
{
	size_t	 a, b;

	if (plural[0] == '\0')
		a = worst_len(_(id));
	else {
		a = worst_len(ngettext(id, plural, 1));
		b = worst_len(ngettext(id, plural, 11));
		if (b > a)
			a = b;
	}
	return VERDICT_RULE_MAX + 2 + a;
}

/* Every rule sentence of po/mallpay.pot, in every language. */
static void
test_every_rule_sentence_fits_in_every_language(void **state)
{
	static const enum lang langs[] = { LANG_EN, LANG_ZH, LANG_AR, LANG_MS };
	char	 line[1024], id[2048], pl[2048], *key = NULL;
	FILE	*fp;
	int	 rules = 0, checked = 0;
	size_t	 i, w;

	(void)state;
	use_catalogues();
	fp = fopen(TEST_POT, "r");
	assert_non_null(fp);
	id[0] = pl[0] = '\0';
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "#:", 2) == 0 &&
		    strstr(line, " src/rules/") != NULL)
			rules = 1;
		else if (strncmp(line, "msgid \"", 7) == 0) {
			key = id;
			unquote(line + 7, id, sizeof(id));
		} else if (strncmp(line, "msgid_plural \"", 14) == 0) {
			key = pl;
			unquote(line + 14, pl, sizeof(pl));
		} else if (line[0] == '"' && key != NULL)
			unquote(line + 1, key, key == id ? sizeof(id) :
			    sizeof(pl));
		else if (strncmp(line, "msgstr", 6) == 0)
			key = NULL;
		else if (line[0] == '\n') {
			for (i = 0; rules && id[0] != '\0' &&
			    i < sizeof(langs) / sizeof(langs[0]); i++) {
				i18n_use(langs[i]);
				if ((w = worst_message(id, pl)) >=
				    VERDICT_MSG_MAX)
					print_error("%zu bytes in %s: %s\n", w,
					    i18n_tag(langs[i]), _(id));
				assert_true(w < VERDICT_MSG_MAX);
				checked++;
			}
			i18n_use(LANG_EN);
			rules = 0;
			id[0] = pl[0] = '\0';
		}
	}
	fclose(fp);
	/* The rules mark dozens of sentences; each was seen 4 times. */
	assert_true(checked >= 4 * 40);
}

int
main(void)
{
	static const struct CMUnitTest rule_sentences[] = {
		cmocka_unit_test(test_COD_07_arabic_sentence_is_whole),
		cmocka_unit_test(test_every_rule_sentence_fits_in_every_language),
	};

	return cmocka_run_group_tests_name("rule_sentences", rule_sentences,
	    NULL, NULL);
}
