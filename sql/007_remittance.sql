-- mallpay migration 007: post office remittance end to end (issue 5).
--
-- remittance_payee: what the post office form needs (REM-P1), one row.
-- remittance_vouchers: every remittance the mall was told about: the
--   shopper's uploaded receipt (REM-P3, file in `files`, encrypted) or a
--   line of the post office's statement (source 'statement', no file).
--   status pending -> accepted (received_minor: what the admin found on the
--   account) or rejected (reason, REM-P9). The order's received total is
--   the sum of received_minor of its accepted rows (REM-P5, REM-P7).
--   expected_from/expected_by: the arrival window promised (REM-P4, C-04).
-- remittance_refunds: money going back (REM-P7 excess, due 15 business
--   days after the order completes: due NULL until then; REM-P8 after a
--   cancellation: 10-20 business days, due is the latest day).
-- remittance_statements / remittance_statement_lines: imported CSV
--   statements; the sha256 of the file and of each normalised line are
--   unique, so importing the same file (or line) twice changes nothing.

CREATE TABLE remittance_payee (
	id		TINYINT NOT NULL PRIMARY KEY,
	account_name	VARCHAR(200) NOT NULL,
	account_number	VARCHAR(64) NOT NULL,
	address		VARCHAR(255) NOT NULL,
	postal_code	VARCHAR(16) NOT NULL,
	country		VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO remittance_payee (id, account_name, account_number, address, postal_code, country) VALUES
	(1, 'Mallpay Trading Ltd (payments desk)', '6222 0210 0011 2233', '88 Harbour Road, Central Post Office Box 1200', '999077', 'Hong Kong SAR');

CREATE TABLE remittance_vouchers (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	user_id			BIGINT NOT NULL,
	source			ENUM('upload','statement') NOT NULL DEFAULT 'upload',
	file_id			BIGINT NULL,
	dup_of_file		BIGINT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	remitted_on		DATE NOT NULL,
	tracking		VARCHAR(64) NOT NULL,
	expected_from		DATE NULL,
	expected_by		DATE NULL,
	status			ENUM('pending','accepted','rejected') NOT NULL DEFAULT 'pending',
	reason			VARCHAR(32) NULL,
	note			VARCHAR(255) NOT NULL DEFAULT '',
	received_minor		BIGINT NULL,
	decided_by		BIGINT NULL,
	decided_at		BIGINT NULL,
	idempotency_key		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY remittance_vouchers_idem (order_id, idempotency_key),
	KEY remittance_vouchers_status (status, created_at),
	KEY remittance_vouchers_file (file_id),
	CONSTRAINT remittance_vouchers_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT remittance_vouchers_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT remittance_vouchers_file_fk FOREIGN KEY (file_id) REFERENCES files (id),
	CONSTRAINT remittance_vouchers_amount_ck CHECK (amount_minor > 0 AND (received_minor IS NULL OR received_minor >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE remittance_refunds (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	kind			ENUM('excess','cancel') NOT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	due			DATE NULL,
	created_at		BIGINT NOT NULL,
	sent_at			BIGINT NULL,
	UNIQUE KEY remittance_refunds_once (order_id, kind),
	KEY remittance_refunds_due (sent_at, due),
	CONSTRAINT remittance_refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT remittance_refunds_amount_ck CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE remittance_statements (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	sha256			CHAR(64) CHARACTER SET ascii NOT NULL,
	admin_id		BIGINT NOT NULL,
	imported_at		BIGINT NOT NULL,
	nlines			INT NOT NULL DEFAULT 0,
	matched			INT NOT NULL DEFAULT 0,
	UNIQUE KEY remittance_statements_sha (sha256),
	CONSTRAINT remittance_statements_admin_fk FOREIGN KEY (admin_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE remittance_statement_lines (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	statement_id		BIGINT NOT NULL,
	line_no			INT NOT NULL,
	line_sha256		CHAR(64) CHARACTER SET ascii NOT NULL,
	raw			VARCHAR(512) NOT NULL,
	order_id		BIGINT NULL,
	outcome			VARCHAR(32) NOT NULL,
	note			VARCHAR(255) NOT NULL DEFAULT '',
	UNIQUE KEY remittance_statement_lines_sha (line_sha256),
	KEY remittance_statement_lines_stmt (statement_id, line_no),
	CONSTRAINT remittance_statement_lines_stmt_fk FOREIGN KEY (statement_id) REFERENCES remittance_statements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX orders_rf_code ON orders (rf_code);
