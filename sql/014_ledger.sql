-- mallpay migration 014: the double-entry ledger (README "The ledger").
--
-- ledger_lines: one row per line of a journal entry. The lines of an entry
--   share its key (entry_key: the idempotency key of its unit of money) and
--   are numbered from 0; each is a signed amount in minor units of its
--   currency on one account (debit > 0, credit < 0), and the lines of an
--   entry sum to zero per currency (src/service/ledger.c refuses anything
--   else; `mallpayctl check` verifies it). An entry is written by ONE
--   multi-row INSERT inside the transaction of the state change it records,
--   so the ledger costs one round trip per money operation.
--   The entry's own columns (kind, order, plan, reference, partner, memo,
--   time) are repeated on each of its lines: no second table, no join.
--   partner / partner_ref name the partner that moved the money and its
--   reference (the key sent to the bank, a tracking number, a remittance
--   code): reconciliation matches the partners' reports on them.
--   reverses: the key of the entry a reversal reverses (its key is
--   "rev:<key>").
-- Lines are never updated or deleted (triggers): a correction is a
-- reversing entry.

CREATE TABLE ledger_lines (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	entry_key		VARCHAR(100) CHARACTER SET ascii NOT NULL,
	line_no			TINYINT UNSIGNED NOT NULL,
	kind			VARCHAR(24) CHARACTER SET ascii NOT NULL,
	account			VARCHAR(64) CHARACTER SET ascii NOT NULL,
	currency		CHAR(3) CHARACTER SET ascii NOT NULL,
	amount_minor		BIGINT NOT NULL,
	order_id		BIGINT NULL,
	plan_id			BIGINT NULL,
	ref_type		VARCHAR(16) CHARACTER SET ascii NULL,
	ref_id			BIGINT NULL,
	partner			VARCHAR(32) CHARACTER SET ascii NULL,
	partner_ref		VARCHAR(100) CHARACTER SET ascii NULL,
	reverses		VARCHAR(100) CHARACTER SET ascii NULL,
	memo			VARCHAR(255) NOT NULL DEFAULT '',
	created_at		BIGINT NOT NULL,
	UNIQUE KEY ledger_lines_entry (entry_key, line_no),
	KEY ledger_lines_account (account, currency, id),
	KEY ledger_lines_order (order_id, kind),
	KEY ledger_lines_plan (plan_id, kind),
	KEY ledger_lines_partner (partner, created_at),
	KEY ledger_lines_partner_ref (partner, partner_ref),
	KEY ledger_lines_time (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE ON ledger_lines FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the ledger is append-only: post a reversing entry';
CREATE TRIGGER ledger_lines_no_delete BEFORE DELETE ON ledger_lines FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the ledger is append-only: post a reversing entry';
