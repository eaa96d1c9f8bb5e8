-- mallpay migration 018: the partners' own books and the daily
-- reconciliation of the ledger against them (RULES C-09, README
-- "Reconciliation with the partners").
--
-- sandbox_partner_ops: what each SANDBOX partner recorded on its side
--   (src/sandbox/books.c): the bank's charges and refunds, the courier's
--   COD collections, the post office's remittances, a lender's
--   settlements. One row per operation, keyed by the partner's reference
--   (the idempotency key the mall sent, a tracking number, a remittance
--   code); a repeated operation is recorded once. Written by the sandbox
--   on its OWN connection in autocommit, never inside the mall's
--   transaction and never by the ledger code: a real partner's record
--   survives the mall's rollback. amount_minor is always > 0; kind says
--   the direction. day is the partner's business day (UTC) of `at`.
-- recon_runs: one row per partner and reconciliation of a day (mallpayctl
--   reconcile, tick's daily job), with how many report and ledger lines
--   it read and how many differences it found.
-- recon_differences: the differences of a run: not_recorded (the partner
--   moved money the ledger does not show), not_charged (the ledger shows
--   money the partner never moved), amount_differs. Amounts are signed as
--   on the partner's clearing account (debit > 0); 0 where a side has
--   nothing.

CREATE TABLE sandbox_partner_ops (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	partner		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	reference	VARCHAR(100) CHARACTER SET ascii NOT NULL,
	kind		ENUM('charge','refund','collection','settlement') NOT NULL,
	amount_minor	BIGINT NOT NULL,
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	day		DATE NOT NULL,
	at		BIGINT NOT NULL,
	UNIQUE KEY sandbox_partner_ops_once (partner, kind, reference),
	KEY sandbox_partner_ops_day (partner, day, id),
	CONSTRAINT sandbox_partner_ops_amount_ck CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE recon_runs (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	day		DATE NOT NULL,
	partner		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	report_lines	INT NOT NULL,
	ledger_lines	INT NOT NULL,
	differences	INT NOT NULL,
	ran_at		BIGINT NOT NULL,
	KEY recon_runs_partner (partner, id),
	KEY recon_runs_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE recon_differences (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	run_id		BIGINT NOT NULL,
	reference	VARCHAR(100) CHARACTER SET ascii NOT NULL,
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	kind		ENUM('not_recorded','not_charged','amount_differs') NOT NULL,
	partner_minor	BIGINT NOT NULL,
	ledger_minor	BIGINT NOT NULL,
	KEY recon_differences_run (run_id, id),
	CONSTRAINT recon_differences_run_fk FOREIGN KEY (run_id) REFERENCES recon_runs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
