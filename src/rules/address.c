/*
 * Delivery addresses: pure checks (see address.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "rules/address.h"

/* Postal code formats: '9' a digit, 'A' a letter, anything else itself;
 * up to three forms per country ("" : the country has no postal codes).
 * Separators (space, hyphen) may be left out when typed. */
static const struct postal_format {
	const char	*cc;
	const char	*forms[6];
	const char	*rule;		/* the sentence, with an example */
} formats[] = {
	{ "MY", { "99999" },
	    N_("a postal code in Malaysia has 5 digits, for "
	    "example 50450") },
	{ "SG", { "999999" },
	    N_("a postal code in Singapore has 6 digits, for "
	    "example 018956") },
	{ "TH", { "99999" },
	    N_("a postal code in Thailand has 5 digits, for "
	    "example 10330") },
	{ "ID", { "99999" },
	    N_("a postal code in Indonesia has 5 digits, for "
	    "example 10110") },
	{ "PH", { "9999" },
	    N_("a postal code in the Philippines has 4 digits, for example "
	    "1000") },
	{ "VN", { "999999" },
	    N_("a postal code in Viet Nam has 6 digits, for "
	    "example 100000") },
	{ "AE", { "" },
	    N_("Addresses in the United Arab Emirates have no postal code: "
	    "leave this field empty.") },
	{ "SA", { "99999", "99999-9999" },
	    N_("a postal code in Saudi Arabia has 5 digits, optionally "
	    "followed by 4 more, for example 12271") },
	{ "PL", { "99-999" },
	    N_("a postal code in Poland is written 99-999, for example "
	    "00-950") },
	{ "ES", { "99999" },
	    N_("a postal code in Spain has 5 digits, for example 28013") },
	{ "IT", { "99999" },
	    N_("a postal code in Italy has 5 digits, for example 00184") },
	{ "DE", { "99999" },
	    N_("a postal code in Germany has 5 digits, for example 10115") },
	{ "FR", { "99999" },
	    N_("a postal code in France has 5 digits, for example 75001") },
	{ "GB", { "A9 9AA", "A99 9AA", "AA9 9AA",
	    "AA99 9AA", "A9A 9AA", "AA9A 9AA" },
	    N_("a postal code in the United Kingdom is an outward code (like"
	    " SW1A) and an inward code (like 1AA), for example SW1A 1AA") },
	{ "US", { "99999", "99999-9999" },
	    N_("a postal code in the United States is a 5-digit ZIP code, "
	    "optionally followed by 4 more, for example 10001 or "
	    "10001-1234") },
	{ "CA", { "A9A 9A9" },
	    N_("a postal code in Canada is letter, digit, letter, digit, "
	    "letter, digit, for example K1A 0B1") },
	{ "JP", { "999-9999" },
	    N_("a postal code in Japan has 7 digits written 999-9999, for "
	    "example 100-0001") },
	{ "KP", { "" },
	    N_("Addresses in Korea (DPRK) have no postal code: leave this "
	    "field empty.") },
	{ "CN", { "999999" },
	    N_("a postal code in China has 6 digits, for example 200120") },
	{ "PN", { "PCRN 1ZZ" },
	    N_("a postal code in the Pitcairn Islands is PCRN 1ZZ") },
	{ "FK", { "FIQQ 1ZZ" },
	    N_("a postal code in the Falkland Islands is FIQQ 1ZZ") },
};

/* The format of country cc, or NULL. */
static const struct postal_format *
format_of(const char *cc)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (cc != NULL && strcmp(formats[i].cc, cc) == 0)
			return &formats[i];
	return NULL;
}

/* 1 if c is a separator that may be left out of a postal code. */
static int
is_sep(char c)
{
	return c == ' ' || c == '-';
}

/* Match compact (no separators, upper case) against form; on a match
 * write the form's written shape into out. 1 match, 0 not. */
static int
form_match(const char *compact, const char *form, char *out, size_t outsz)
{
	size_t	 i, j = 0, o = 0;
	char	 c;

	for (i = 0; form[i] != '\0'; i++) {
		if (o + 1 >= outsz)
			return 0;
		if (is_sep(form[i])) {
			out[o++] = form[i];
			continue;
		}
		c = compact[j++];
		if (c == '\0' || (form[i] == '9' && !isdigit((unsigned char)c)) ||
		    (form[i] == 'A' && !isupper((unsigned char)c)) ||
		    (form[i] != '9' && form[i] != 'A' && form[i] != c))
			return 0;
		out[o++] = c;
	}
	out[o] = '\0';
	return compact[j] == '\0';
}

/* Copy s (NULL: "") into out without leading and trailing white space;
 * -1 if it does not fit in max bytes. */
static int
trim_copy(const char *s, char *out, size_t max)
{
	size_t b = 0, e;

	out[0] = '\0';
	if (s == NULL)
		return 0;
	while (s[b] != '\0' && isspace((unsigned char)s[b]))
		b++;
	e = strlen(s);
	while (e > b && isspace((unsigned char)s[e - 1]))
		e--;
	if (e - b > max)
		return -1;
	memcpy(out, s + b, e - b);
	out[e - b] = '\0';
	return 0;
}

/* See address.h. */
int
addr_postal_check(const char *cc, const char *pc, char *out, size_t outsz,
    char *msg, size_t msgsz)
{
	const struct postal_format	*f = format_of(cc);
	char				 t[ADDR_POSTAL_MAX + 1], compact[32];
	size_t				 i, n = 0;

	msg[0] = '\0';
	if (trim_copy(pc, t, ADDR_POSTAL_MAX) == -1) {
		snprintf(msg, msgsz, "%s",
		    _("The postal code is too long."));
		return -1;
	}
	if (f == NULL) {
		snprintf(out, outsz, "%s", t);
		return 0;
	}
	if (f->forms[0][0] == '\0') {
		if (t[0] == '\0') {
			out[0] = '\0';
			return 0;
		}
		snprintf(msg, msgsz, "%s", _(f->rule));
		return -1;
	}
	for (i = 0; t[i] != '\0' && n + 1 < sizeof(compact); i++)
		if (!is_sep(t[i]))
			compact[n++] = (char)toupper((unsigned char)t[i]);
	compact[n] = '\0';
	for (i = 0; i < sizeof(f->forms) / sizeof(f->forms[0]) &&
	    f->forms[i] != NULL; i++)
		if (n > 0 && form_match(compact, f->forms[i], out, outsz))
			return 0;
	/* TRANSLATORS: the first %s is "Please enter the postal code" or
	 * "This postal code is not valid", the second the country's
	 * form. */
	snprintf(msg, msgsz, _("%s: %s."), t[0] == '\0' ?
	    _("Please enter the postal code") :
	    _("This postal code is not valid"), _(f->rule));
	return -1;
}

/* See address.h. */
int
addr_phone_check(const char *ph, char *out, size_t outsz)
{
	char	 t[ADDR_PHONE_MAX + 1];
	size_t	 i, digits = 0;

	if (trim_copy(ph, t, ADDR_PHONE_MAX) == -1 || t[0] == '\0')
		return -1;
	for (i = 0; t[i] != '\0'; i++) {
		if (isdigit((unsigned char)t[i]))
			digits++;
		else if (!(t[i] == '+' && i == 0) && t[i] != ' ' &&
		    t[i] != '-' && t[i] != '.' && t[i] != '(' && t[i] != ')')
			return -1;
	}
	if (digits < 7 || digits > 15)
		return -1;
	snprintf(out, outsz, "%s", t);
	return 0;
}

/* Trim s into out (max bytes); set *err to a message when it is too long
 * or, if required, empty. Returns 1 on an error, 0 otherwise. */
static int
text_field(const char *s, char *out, size_t max, int required,
    const char *what, const char **err)
{
	if (trim_copy(s, out, max) == -1) {
		*err = what;
		return 1;
	}
	if (required && out[0] == '\0') {
		*err = _("Please fill in this field.");
		return 1;
	}
	return 0;
}

/* See address.h. */
int
addr_check(const struct addr_input *in, int known_country,
    struct addr_clean *out, struct addr_errors *err)
{
	int n = 0;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	n += text_field(in->recipient, out->recipient, ADDR_RECIPIENT_MAX, 1,
	    _("The name is too long (at most 100 characters)."),
	    &err->recipient);
	n += text_field(in->line1, out->line1, ADDR_LINE_MAX, 1,
	    _("This line is too long (at most 120 characters)."),
	    &err->line1);
	n += text_field(in->line2, out->line2, ADDR_LINE_MAX, 0,
	    _("This line is too long (at most 120 characters)."),
	    &err->line2);
	n += text_field(in->city, out->city, ADDR_CITY_MAX, 1,
	    _("The city is too long (at most 80 characters)."),
	    &err->city);
	n += text_field(in->region, out->region, ADDR_REGION_MAX, 0,
	    _("The region is too long (at most 80 characters)."),
	    &err->region);
	if (in->country == NULL || strlen(in->country) != 2 ||
	    !known_country) {
		err->country =
		    _("Choose one of the countries we deliver to.");
		n++;
	} else {
		snprintf(out->country, sizeof(out->country), "%s", in->country);
		if (addr_postal_check(out->country, in->postal_code,
		    out->postal_code, sizeof(out->postal_code),
		    err->postal_buf, sizeof(err->postal_buf)) == -1) {
			err->postal_code = err->postal_buf;
			n++;
		}
	}
	if (addr_phone_check(in->phone, out->phone, sizeof(out->phone)) ==
	    -1) {
		err->phone = _("Please enter a phone number the courier can "
		    "call: 7 to 15 digits, optionally starting with + and "
		    "the country code, for example +60 12-345 6789.");
		n++;
	}
	return n;
}
