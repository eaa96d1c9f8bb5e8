#ifndef MALLPAY_CORE_LIFECYCLE_H
#define MALLPAY_CORE_LIFECYCLE_H

/*
 * The states of the objects beside an order, and the courier's collection
 * methods: types everywhere but at the database boundary, where db/ reads
 * the stored names (the columns' ENUMs in sql/) with the _parse()
 * functions and writes them with the _name() ones. For each type T:
 *   const char *T_name(enum T v)  its stored name; NULL out of range
 *   int T_parse(const char *s, enum T *out)  0, or -1 (out untouched)
 *                                 when s is NULL or none of the names
 */

/* The name and parse functions of enum type (see above). */
#define LIFECYCLE_NAMES(type)						\
	const char *type##_name(enum type v);				\
	int type##_parse(const char *s, enum type *out)

/* plan_installments.status (sql/008_installments.sql). */
enum inst_status { PI_DUE = 0, PI_PAID, PI_WAIVED, PI__MAX };
LIFECYCLE_NAMES(inst_status);

/* corp_applications.status (INST-CORP, sql/009_corporate.sql). */
enum corp_app_status {
	CA_SUBMITTED = 0, CA_APPROVED, CA_SIGNED, CA_IN_EFFECT, CA_REJECTED,
	CA_CANCELLED, CA__MAX
};
LIFECYCLE_NAMES(corp_app_status);

/* companies.qualification_status (the company's effective status:
 * unverified, pending (older rows: submitted), submitted, under_review,
 * verified, rejected) and company_qualifications.status (one submission:
 * draft, submitted, under_review, verified, rejected); see
 * sql/009_corporate.sql. */
enum qual_status {
	QS_UNVERIFIED = 0, QS_PENDING, QS_DRAFT, QS_SUBMITTED,
	QS_UNDER_REVIEW, QS_VERIFIED, QS_REJECTED, QS__MAX
};
LIFECYCLE_NAMES(qual_status);

/* remittance_vouchers.status (REM-P4, sql/007_remittance.sql). */
enum voucher_status { VS_PENDING = 0, VS_ACCEPTED, VS_REJECTED, VS__MAX };
LIFECYCLE_NAMES(voucher_status);

/* pau_charges.status (PAU-04, sql/011_payafter.sql): the deduction at
 * receipt, paid or still open (then a debt retried). */
enum charge_status { CH_PAID = 0, CH_OPEN, CH__MAX };
LIFECYCLE_NAMES(charge_status);

/* card_sessions.status (sql/034_card_sessions.sql): a hosted card page's
 * session, open until the bank's answer approves or declines it. */
enum card_session_status { CS_OPEN = 0, CS_APPROVED, CS_DECLINED, CS__MAX };
LIFECYCLE_NAMES(card_session_status);

/* identity_checks.status (INST-01, sql/020_identity.sql): the identity
 * service matched or an admin approved (verified), it did not match
 * (mismatch), it asked for a manual review (review), or the review
 * refused it (rejected). */
enum identity_status {
	IDC_VERIFIED = 0, IDC_MISMATCH, IDC_REVIEW, IDC_REJECTED, IDC__MAX
};
LIFECYCLE_NAMES(identity_status);

/* company_invitations.status (sql/019_company_members.sql): open until
 * the invited person accepts it or the owner revokes it. */
enum invite_status { INV_PENDING = 0, INV_ACCEPTED, INV_REVOKED, INV__MAX };
LIFECYCLE_NAMES(invite_status);

/* How the courier collected a COD payment (cod_deliveries.paid_method,
 * the logistics "paid" event, COD-P3). */
enum collect_method { CM_CASH = 0, CM_MOBILE, CM_CARD, CM__MAX };
LIFECYCLE_NAMES(collect_method);

#endif
