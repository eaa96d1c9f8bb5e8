-- mallpay migration 004 (platform): partners and their signed requests,
-- the encrypted file store, the gateway sandboxes' own state.

-- Partners that call the signed endpoints (RULES section 5, COD-P8).
-- No key is stored: a partner's HMAC key is derived from the configuration's
-- [security] partner_key, the partner id and key_version
-- (service/partner_auth.c); bump key_version to rotate one partner's key.
CREATE TABLE partners (
	id		BIGINT NOT NULL PRIMARY KEY,
	name		VARCHAR(100) NOT NULL,
	kind		ENUM('bank','finance','logistics') NOT NULL,
	key_version	INT NOT NULL DEFAULT 1,
	enabled		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Signatures already seen inside the 300 s window: a replayed request
-- (same signature) fails the unique insert. Rows older than the window are
-- purged by partner_verify.
CREATE TABLE partner_nonces (
	partner_id	BIGINT NOT NULL,
	signature	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at	BIGINT NOT NULL,
	PRIMARY KEY (partner_id, signature),
	KEY partner_nonces_at (created_at),
	CONSTRAINT partner_nonces_fk FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Partner events by their own event id: the first one is processed and its
-- answer kept; a repeat (re-signed) gets the same answer with 200.
CREATE TABLE partner_events (
	partner_id	BIGINT NOT NULL,
	event_id	VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	result		TEXT NULL,
	created_at	BIGINT NOT NULL,
	PRIMARY KEY (partner_id, event_id),
	CONSTRAINT partner_events_fk FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uploaded files (vouchers, corporate documents), encrypted on disk under
-- [storage] uploads with a random stored_name (service/filestore.c).
-- sha256 is of the plaintext: the same file uploaded twice is flagged.
CREATE TABLE files (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	owner_user_id		BIGINT NULL,
	owner_company_id	BIGINT NULL,
	sha256			CHAR(64) CHARACTER SET ascii NOT NULL,
	size			BIGINT NOT NULL,
	mime			VARCHAR(64) CHARACTER SET ascii NOT NULL,
	stored_name		CHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY files_stored_name (stored_name),
	KEY files_sha256 (sha256),
	KEY files_owner_user (owner_user_id),
	KEY files_owner_company (owner_company_id),
	CONSTRAINT files_user_fk FOREIGN KEY (owner_user_id) REFERENCES users (id),
	CONSTRAINT files_company_fk FOREIGN KEY (owner_company_id) REFERENCES companies (id),
	CONSTRAINT files_size_ck CHECK (size > 0 AND size <= 10485760)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The partner finance company's sandbox (gateway/finance.c): what a real
-- partner would keep on its side. decision is NULL until ready_at.
CREATE TABLE sandbox_finance_apps (
	ref		CHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
	credit_score	INT NOT NULL,
	amount_minor	BIGINT NOT NULL,
	currency	CHAR(3) NOT NULL,
	months		INT NOT NULL,
	submitted_at	BIGINT NOT NULL,
	ready_at	BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
