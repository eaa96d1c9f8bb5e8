#ifndef MALLPAY_DB_CARD_SESSION_H
#define MALLPAY_DB_CARD_SESSION_H

/*
 * The mall's card sessions at the bank's hosted card page
 * (sql/034_card_sessions.sql).
 */

#include <stdint.h>

#include "core/lifecycle.h"

struct db;

struct db_card_session {
	int64_t	id;
	char	bank_session[64];
	int64_t	user_id;
	int64_t	order_id;
	char	purpose[16];
	int64_t	amount_minor;
	char	currency[4];
	enum card_session_status status;
	char	reason[128];
	int64_t	debt_id;		/* cod_debt: the debt it pays */
};

/* A new open session (order_id 0: none); its id, or -1. */
int64_t	db_card_session_insert(struct db *, int64_t user_id, int64_t order_id,
	    const char *purpose, int64_t amount_minor, const char *currency,
	    int64_t now);
/* The COD refusal debt session id pays (purpose cod_debt). 0 or -1. */
int	db_card_session_set_debt(struct db *, int64_t id, int64_t debt_id);
/* Name the bank's session of session id. 0 or -1. */
int	db_card_session_set_bank(struct db *, int64_t id,
	    const char *bank_session);
/* The session the bank calls bank_session, row locked (FOR UPDATE), into
 * *s. 1, 0 none, -1 error. */
int	db_card_session_lock(struct db *, const char *bank_session,
	    struct db_card_session *s);
/* user_id's session id into *s (no lock). 1, 0 none, -1 error. */
int	db_card_session_get(struct db *, int64_t user_id, int64_t id,
	    struct db_card_session *s);
/* Finish open session id: status, reason, via ("return", "notice").
 * 1 done, 0 it was no longer open, -1. */
int	db_card_session_finish(struct db *, int64_t id,
	    enum card_session_status status,
	    const char *reason, const char *via, int64_t now);

#endif
