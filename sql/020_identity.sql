-- mallpay migration 020: real-name authentication (INST-01) and credit
-- authorization (INST-02, PAU-01) as records of their own.
--
-- identity_checks: one row per submission of the real-name form. The ID
--   number is never stored in clear: id_number_enc is sealed with the file
--   store's format (libsodium secretstream, key derived from the
--   configuration's secret, the user id bound in; service/identity.c),
--   id_last4 its last four characters for display.
--   file_id is the photo of the document in the encrypted file store.
--   status: verified (the identity service matched, or an admin approved),
--   mismatch (the service said the details do not match), review (the
--   service asked for a manual review: the admin queue), rejected (an admin
--   rejected it in review). The latest verified row makes the shopper
--   real-name verified (INST-01).
-- credit_consents: one row per acceptance of the credit consent text, with
--   the text's version and the time of acceptance; withdrawn_at ends it.
--   The bureau's score and its date live on the consent that allowed it;
--   refresh_due_at is when `mallpayctl tick` asks the bureau again (NULL
--   once withdrawn). Only a consent not withdrawn gives a score (INST-02,
--   PAU-01).
-- The users columns real_name_verified and credit_score are dropped: every
-- rule reads these facts from the rows above. Shoppers verified before are
-- kept verified (a row without number or document, reason saying so); a
-- score without a recorded consent is not carried over.

CREATE TABLE identity_checks (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	legal_name	VARCHAR(200) NOT NULL,
	birth_date	DATE NULL,
	id_type		ENUM('passport','national_id','driving_licence') NULL,
	id_number_enc	VARBINARY(128) NULL,
	id_last4	VARCHAR(4) NOT NULL DEFAULT '',
	file_id		BIGINT NULL,
	status		ENUM('verified','mismatch','review','rejected') NOT NULL,
	gateway_ref	VARCHAR(40) NOT NULL DEFAULT '',
	reason		VARCHAR(300) NOT NULL DEFAULT '',
	submitted_at	BIGINT NOT NULL,
	decided_at	BIGINT NULL,
	decided_by	BIGINT NULL,
	KEY identity_checks_user (user_id, id),
	KEY identity_checks_status (status, submitted_at),
	CONSTRAINT identity_checks_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT identity_checks_file_fk FOREIGN KEY (file_id) REFERENCES files (id),
	CONSTRAINT identity_checks_admin_fk FOREIGN KEY (decided_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE credit_consents (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	identity_id	BIGINT NOT NULL,
	consent_version	VARCHAR(32) NOT NULL,
	accepted_at	BIGINT NOT NULL,
	withdrawn_at	BIGINT NULL,
	score		INT NULL,
	scored_at	BIGINT NULL,
	bureau_ref	VARCHAR(40) NOT NULL DEFAULT '',
	refresh_due_at	BIGINT NULL,
	KEY credit_consents_user (user_id, id),
	KEY credit_consents_refresh (refresh_due_at),
	CONSTRAINT credit_consents_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT credit_consents_identity_fk FOREIGN KEY (identity_id) REFERENCES identity_checks (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO identity_checks (user_id, legal_name, status, reason, submitted_at, decided_at)
	SELECT id, name, 'verified', 'verified before identity records were kept', created_at, created_at
	FROM users WHERE real_name_verified = 1 AND kind <> 'admin';

ALTER TABLE users DROP COLUMN real_name_verified, DROP COLUMN credit_score;

-- INST-02: the score is refreshed after this many days.
INSERT IGNORE INTO settings (name, value) VALUES ('credit_refresh_days', '90');
