#ifndef MALLPAY_DB_TOTP_H
#define MALLPAY_DB_TOTP_H

/*
 * admin_totp and admin_recovery_codes: the admins' second factor (the
 * secret encrypted by the service; recovery codes as salted hashes).
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One admin's TOTP row. */
struct db_totp {
	int64_t		 user_id;
	unsigned char	 secret_enc[255];
	size_t		 secret_enc_len;
	int64_t		 confirmed_at;	/* 0 while enrolling */
	int64_t		 last_step;	/* newest step accepted (0 none) */
};

/* An unused recovery code of an admin. */
struct db_recovery {
	int64_t	 id;
	char	 salt[33];	/* hex */
	char	 hash[65];	/* hex SHA-256 of salt bytes and code */
};

/* An admin and the state of their second factor, for the owners' list. */
struct db_totp_admin {
	int64_t	 user_id;
	char	 email[256];
	char	 name[201];
	int64_t	 confirmed_at;	/* 0: not enrolled */
	int64_t	 recovery_left;	/* unused recovery codes */
};

/* The TOTP row of user_id into out; with lock, FOR UPDATE (inside the
 * caller's transaction). Returns 1 found, 0 none, -1 error. */
int	db_totp_get(struct db *, int64_t user_id, int lock, struct db_totp *out);

/* Store a new, unconfirmed secret for user_id unless a row exists (INSERT
 * IGNORE). Returns 1 stored, 0 a row was there, -1 error. */
int	db_totp_start(struct db *, int64_t user_id, const void *secret_enc,
	    size_t len, int64_t now);

/* Confirm user_id's secret at now with step as its last used step.
 * Returns 0, or -1. */
int	db_totp_confirm(struct db *, int64_t user_id, int64_t step,
	    int64_t now);

/* Claim step for user_id: last_step becomes step only when it is older.
 * Returns 1 claimed, 0 the step (or a newer one) was used, -1 error. */
int	db_totp_claim_step(struct db *, int64_t user_id, int64_t step);

/* Remove user_id's secret and recovery codes (a reset: the admin enrolls
 * again at the next sign-in). Returns the rows of admin_totp deleted (0 or
 * 1), or -1. */
int	db_totp_delete(struct db *, int64_t user_id);

/* Add one hashed recovery code of user_id. Returns 0, or -1. */
int	db_totp_recovery_add(struct db *, int64_t user_id, const char *salt_hex,
	    const char *hash_hex, int64_t now);

/* user_id's unused recovery codes into a new array *out (free(3)), count
 * in *n. Returns 0, or -1. */
int	db_totp_recovery_unused(struct db *, int64_t user_id,
	    struct db_recovery **out, size_t *n);

/* Spend recovery code id at now. Returns 1 spent, 0 it was spent
 * already, -1 error. */
int	db_totp_recovery_use(struct db *, int64_t id, int64_t now);

/* Every admin with the state of their second factor, by email, into a
 * new array *out (free(3)). Returns 0, or -1. */
int	db_totp_admins(struct db *, struct db_totp_admin **out, size_t *n);

#endif
