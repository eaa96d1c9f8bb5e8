-- mallpay migration 022: money owed paid in and money held paid out;
-- remittances in transit in reconciliation.
--
-- A COD refusal debt (COD-F2, account_debts) is paid by the shopper's card:
-- the row keeps the request's idempotency key (settled_key: the same key
-- again answers the first result, on another debt it is refused) and the
-- bank's reference of the charge (settled_ref). The bank's key is one per
-- debt ("coddebt-<id>"), whatever the request.
--
-- A company's credit (ledger account company:<id>:credit: the excess of its
-- transfers) is paid out by an admin to the company's bank account: one row
-- per payout, keyed by its idempotency key (params: the figures the key was
-- first used with).

ALTER TABLE account_debts
	ADD COLUMN settled_key VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
	ADD COLUMN settled_ref VARCHAR(64) CHARACTER SET ascii NULL,
	ADD UNIQUE KEY account_debts_settled_key (settled_key);

CREATE TABLE company_payouts (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id		BIGINT NOT NULL,
	idem_key		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	params			VARCHAR(255) NOT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	bank_account		VARCHAR(64) NOT NULL,
	reference		VARCHAR(64) NOT NULL,
	paid_by			BIGINT NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY company_payouts_key (idem_key),
	KEY company_payouts_company (company_id, id),
	CONSTRAINT company_payouts_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
	CONSTRAINT company_payouts_admin_fk FOREIGN KEY (paid_by) REFERENCES users (id),
	CONSTRAINT company_payouts_amount_ck CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reconciliation lists the amounts recorded by the ledger and awaiting a
-- partner's statement (the post office's window: in transit, not a
-- difference) with its differences.
ALTER TABLE recon_differences
	MODIFY kind ENUM('not_recorded','not_charged','amount_differs','awaiting_statement') NOT NULL;
