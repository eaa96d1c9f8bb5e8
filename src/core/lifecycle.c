/*
 * The stored names of the states beside an order (see lifecycle.h).
 */
#include <stddef.h>
#include <string.h>

#include "core/lifecycle.h"

static const char *const inst_names[PI__MAX] = { "due", "paid", "waived" };
static const char *const corp_app_names[CA__MAX] = {
	"submitted", "approved", "signed", "in_effect", "rejected",
	"cancelled",
};
static const char *const qual_names[QS__MAX] = {
	"unverified", "pending", "draft", "submitted", "under_review",
	"verified", "rejected",
};
static const char *const voucher_names[VS__MAX] = {
	"pending", "accepted", "rejected",
};
static const char *const charge_names[CH__MAX] = { "paid", "open" };
static const char *const card_session_names[CS__MAX] = {
	"open", "approved", "declined",
};
static const char *const identity_names[IDC__MAX] = {
	"verified", "mismatch", "review", "rejected",
};
static const char *const invite_names[INV__MAX] = {
	"pending", "accepted", "revoked",
};
static const char *const collect_names[CM__MAX] = { "cash", "mobile", "card" };

/* names[v] of the n names, or NULL when v is out of range. */
static const char *
name_of(const char *const *names, int n, int v)
{
	return v < 0 || v >= n ? NULL : names[v];
}

/* The index of s among the n names, or -1 (also for NULL). */
static int
index_of(const char *const *names, int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* The name and parse functions of one enum over its table. */
#define NAME_PARSE(type, names, max)					\
const char *								\
type##_name(enum type v)						\
{									\
	return name_of(names, max, (int)v);				\
}									\
									\
int									\
type##_parse(const char *s, enum type *out)				\
{									\
	int i = index_of(names, max, s);				\
									\
	if (i < 0)							\
		return -1;						\
	*out = (enum type)i;						\
	return 0;							\
}

/* See lifecycle.h: each type's name and parse functions. */
NAME_PARSE(inst_status, inst_names, PI__MAX)
NAME_PARSE(corp_app_status, corp_app_names, CA__MAX)
NAME_PARSE(qual_status, qual_names, QS__MAX)
NAME_PARSE(voucher_status, voucher_names, VS__MAX)
NAME_PARSE(charge_status, charge_names, CH__MAX)
NAME_PARSE(card_session_status, card_session_names, CS__MAX)
NAME_PARSE(identity_status, identity_names, IDC__MAX)
NAME_PARSE(invite_status, invite_names, INV__MAX)
NAME_PARSE(collect_method, collect_names, CM__MAX)
