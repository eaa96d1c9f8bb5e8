-- mallpay migration 030: a second factor (TOTP, RFC 6238) for every admin.
--
-- admin_totp: one row per admin who started enrolling. secret_enc is the
-- 20-byte TOTP secret encrypted with the file store's format (key derived
-- from [security] key, the user id as associated data); confirmed_at is NULL
-- until the admin confirmed one code; last_step is the newest 30-second
-- time step whose code was accepted (a code of that step or an older one is
-- refused: no replay).
-- admin_recovery_codes: the ten one-time codes shown once at enrollment,
-- each as a salted SHA-256; used_at set when spent.
-- sessions.second_factor_at: when the session's admin last entered a code
-- (NULL: an admin session that has only passed the password step; always
-- NULL for shoppers).

CREATE TABLE admin_totp (
	user_id		BIGINT NOT NULL PRIMARY KEY,
	secret_enc	VARBINARY(255) NOT NULL,
	created_at	BIGINT NOT NULL,
	confirmed_at	BIGINT NULL,
	last_step	BIGINT NOT NULL DEFAULT 0,
	CONSTRAINT admin_totp_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
		ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE admin_recovery_codes (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	salt		CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	code_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at	BIGINT NOT NULL,
	used_at		BIGINT NULL,
	KEY admin_recovery_user (user_id),
	CONSTRAINT admin_recovery_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
		ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT NULL;
