/*
 * Corporate accounts (see company.h): the 90-day completed total of
 * INST-04, the agreements of COD-02 and REM-02 set by an admin, settings
 * and business days shared by qualification.c and
 * corporate_installment.c, and the demo company's documents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/fx.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "db/admin.h"
#include "db/checkout.h"
#include "db/company.h"
#include "db/db.h"
#include "db/message.h"
#include "db/seed.h"
#include "service/audit.h"
#include "service/company.h"
#include "service/facts.h"
#include "service/filestore.h"
#include "service/language.h"
#include "service/orders.h"

/* See company.h. */
int
company_setting_int(struct db *db, const char *name, int64_t dflt,
    int64_t *out)
{
	struct db_setting	*s;
	size_t			 i, n;
	char			*end;
	long long		 v;

	if (db_checkout_settings(db, &s, &n) == -1)
		return -1;
	*out = dflt;
	for (i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0) {
			v = strtoll(s[i].value, &end, 10);
			if (end != s[i].value && *end == '\0')
				*out = v;
		}
	free(s);
	return 0;
}

/* See company.h. */
int
company_business_days(struct db *db, int64_t now, int n, char *out,
    size_t outsz)
{
	mp_date		*days, today, due;
	size_t		 nd;
	int		 rc = -1;

	/* The holiday table comes sorted by day (C-04). */
	if (mp_date_from_unix(now, &today) == -1 ||
	    order_holidays(db, &days, &nd) == -1)
		return -1;
	if (mp_date_add_business_days(today, n, days, nd, &due) == 0) {
		mp_date_str(due, out, outsz);
		rc = 0;
	}
	free(days);
	return rc;
}

/* See company.h. */
int
company_completed_usd(struct db *db, int64_t company_id, int64_t now,
    struct money *total, int64_t *window, struct money *min)
{
	int64_t	 minv;

	if (company_setting_int(db, "inst_b2b_completed_window_days", 90,
	    window) == -1 ||
	    company_setting_int(db, "inst_b2b_min_completed_usd_minor",
	    500000, &minv) == -1)
		return -1;
	money_set(min, minv, "USD");
	money_set(total, 0, "USD");
	/* INST-04: the same query and conversion as checkout's facts, so the
	 * account page shows what checkout decides on. */
	return facts_company_completed_usd(db, company_id,
	    now - *window * 86400, total);
}

/* See company.h. */
void
company_usd(int64_t minor, char *out, size_t outsz)
{
	struct money m;

	money_set(&m, minor, "USD");
	money_display(&m, out, outsz);
}

/* A limit for people: "USD 3,000.00" or the word none. */
static void
limit_str(int has, int64_t v, const char *none, char *out, size_t outsz)
{
	if (!has)
		snprintf(out, outsz, "%s", none);
	else
		company_usd(v, out, outsz);
}

/* See company.h. */
enum result
company_set_limits(struct db *db, int64_t admin_id, int64_t company_id,
    int agreement, int64_t cod_limit, int64_t remit_quota, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_company	 c;
	struct buf		 detail, body;
	char			 a[40], b[40], x[40], y[40], bw[80], yw[80];
	char			 subj[160];
	int			 rc;
	enum lang		 prev;

	msg[0] = '\0';
	if (cod_limit > 0 && !agreement) {
		/* COD-02: the COD limit is a term of the long-term
		 * agreement; without one it would never apply. */
		snprintf(msg, msgsz, "COD-02: a COD limit needs a signed "
		    "long-term agreement; tick it or clear the limit.");
		return RES_INVALID;
	}
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_company_get(db, company_id, 1, 0, &c)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	if (db_company_set_limits(db, company_id, agreement, cod_limit,
	    remit_quota) == -1)
		goto fail;
	buf_init(&detail);
	buf_init(&body);
	limit_str(c.has_cod_limit, c.cod_limit_usd_minor, "none", a, sizeof(a));
	limit_str(cod_limit >= 0, cod_limit, "none", b, sizeof(b));
	limit_str(c.has_remit_quota, c.remit_quota_usd_minor, "none", x,
	    sizeof(x));
	limit_str(remit_quota >= 0, remit_quota, "none", y, sizeof(y));
	/* The message in the company's language, then the thread's. */
	prev = i18n_use(language_of_company(db, company_id));
	limit_str(cod_limit >= 0, cod_limit, _("none"), bw, sizeof(bw));
	limit_str(remit_quota >= 0, remit_quota, _("none"), yw, sizeof(yw));
	buf_printf(&body, _("Your company's agreements were updated by the "
	    "mall. Long-term agreement: %s. COD limit (COD-02): %s. "
	    "Remittance quota (REM-02): %s."), agreement ? _("signed") :
	    _("none"), bw, yw);
	snprintf(subj, sizeof(subj), "%s", _("Your company's agreements were "
	    "updated"));
	i18n_use(prev);
	buf_printf(&detail, "{\"long_term_agreement\": [%d, %d], "
	    "\"cod_agreement_limit\": [\"%s\", \"%s\"], "
	    "\"remittance_quota\": [\"%s\", \"%s\"]}", c.long_term_agreement,
	    agreement ? 1 : 0, a, b, x, y);
	rc = audit_event_detail(db, "company", company_id, OF_ADMIN, admin_id,
	    NULL, "limits_set", "COD-02/REM-02 agreements set by an admin",
	    buf_str(&detail), now) == -1 ||
	    db_message_insert(db, 0, company_id, subj, buf_str(&body),
	    now) == -1;
	buf_cleanup(&detail);
	buf_cleanup(&body);
	if (rc)
		goto fail;
	if (db_commit(db) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, "Agreements of %s saved.", c.name);
	return RES_OK;
fail:
	db_rollback(db);
	return RES_ERROR;
}

/* A minimal one-page PDF document for the demo data (type from content:
 * "%PDF-"; uploads are drawn, so it has a page). */
static const char demo_pdf[] =
	"%PDF-1.4\n"
	"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> "
	"endobj\n"
	"trailer << /Root 1 0 R >>\n"
	"%%EOF\n";

/* See company.h. */
int
company_seed_demo(struct db *db, const struct config *cfg, int64_t now)
{
	static const char *const kinds[] = { "licence", "statements" };
	struct filestore_owner	 owner;
	struct filestore_info	 f[2];
	struct db_company	 c;
	struct db_qual		 q;
	struct db_member	*m = NULL;
	char			 err[256], today[CAL_DATE_STRLEN];
	int64_t			 id, qid, admin;
	size_t			 i, nm = 0, nf = 0;

	memset(f, 0, sizeof(f));
	if ((id = db_seed_company_id(db, "Acme Trading Ltd")) <= 0)
		return id == 0 ? 0 : -1;
	if (db_begin(db) == -1)
		return -1;
	if (db_company_get(db, id, 1, 0, &c) != 1)
		goto fail;
	if (db_qual_latest(db, id, 0, &q) != 0 ||
	    c.status != QS_VERIFIED || c.expires[0] == '\0') {
		/* Already has its submission (or is not verified). */
		db_rollback(db);
		return 0;
	}
	if ((admin = db_admin_user_id(db, "admin@demo.test")) <= 0 ||
	    db_company_members(db, id, &m, &nm) == -1 || nm == 0)
		goto fail;
	if ((qid = db_qual_insert(db, id, now)) <= 0 ||
	    db_qual_set_expires(db, qid, c.expires, now) == -1)
		goto fail;
	owner.user_id = m[0].id;
	owner.company_id = id;
	for (i = 0; i < 2; i++) {
		if (filestore_put(db, cfg, &owner, demo_pdf,
		    sizeof(demo_pdf) - 1, FS_DOCUMENT, now, &f[i], err,
		    sizeof(err)) != 0) {
			log_warn("seed: demo document: %s", err);
			goto fail;
		}
		nf++;
		if (db_doc_insert(db, qid, id, kinds[i], f[i].id, m[0].id,
		    now) <= 0)
			goto fail;
	}
	if (company_business_days(db, now, 0, today, sizeof(today)) == -1 ||
	    db_qual_submit(db, qid, m[0].id, today, now) != 1 ||
	    db_qual_move(db, qid, QS_SUBMITTED, QS_VERIFIED, admin,
	    "demo data", now) != 1)
		goto fail;
	if (db_commit(db) == -1)
		goto discard;
	for (i = 0; i < nf; i++)
		filestore_publish(cfg, &f[i]);
	free(m);
	printf("demo qualification documents of %s stored\n", c.name);
	return 0;
fail:
	db_rollback(db);
discard:
	for (i = 0; i < nf; i++)
		filestore_discard(cfg, &f[i]);
	free(m);
	return -1;
}
