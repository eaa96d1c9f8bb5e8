-- mallpay migration 008: installment plans (issue 6; RULES section 1).
--
-- One plan per order paid in installments, whatever the method
-- (installment_card, installment_partner, installment_corporate,
-- credit_line): the corporate feature (issue 7) reuses these tables.
-- Money: BIGINT minor units in the plan's currency (C-01). Dates: DATE.
-- Points in time: BIGINT seconds (C-05).
--
-- plans.status:
--   review      application submitted (INST-PC partner evaluation pending)
--   offered     approved, shown to the shopper (order awaiting_confirmation)
--   declined    the bank or partner said no (reason in decline_reason)
--   active      down payment made / credit line started: installments run
--   closed      everything repaid (last installment or INST-F3 payoff)
--   terminated  cancelled or returned (INST-C1, INST-C2): nothing more due
-- The card token (INST-S1) is stored encrypted: card_token_enc is the
-- libsodium secretbox nonce followed by the ciphertext (key derived from
-- the configuration's secret key); the card number and CVV never are.
CREATE TABLE plans (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	user_id			BIGINT NOT NULL,
	company_id		BIGINT NULL,
	method			VARCHAR(32) NOT NULL,
	institution_id		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	status			ENUM('review','offered','declined','active','closed','terminated') NOT NULL,
	currency		CHAR(3) NOT NULL,
	principal_minor		BIGINT NOT NULL,
	n			INT NOT NULL,
	monthly_rate		VARCHAR(16) NOT NULL,
	fee_mode		ENUM('spread','upfront') NOT NULL,
	waives_future_fees	TINYINT(1) NOT NULL DEFAULT 0,
	late_fee_rate		VARCHAR(16) NOT NULL,
	down_payment_percent	INT NOT NULL DEFAULT 0,
	apr_bp			INT NOT NULL DEFAULT 0,
	monthly_fee_minor	BIGINT NOT NULL DEFAULT 0,
	total_fee_minor		BIGINT NOT NULL DEFAULT 0,
	start_date		DATE NOT NULL,
	card_brand		VARCHAR(16) NULL,
	card_last4		CHAR(4) CHARACTER SET ascii NULL,
	card_token_enc		VARBINARY(255) NULL,
	partner_ref		VARCHAR(32) CHARACTER SET ascii NULL,
	decline_reason		VARCHAR(255) NOT NULL DEFAULT '',
	refund_minor		BIGINT NULL,
	refund_due		DATE NULL,
	created_at		BIGINT NOT NULL,
	updated_at		BIGINT NOT NULL,
	closed_at		BIGINT NULL,
	UNIQUE KEY plans_order (order_id),
	KEY plans_user (user_id, status),
	KEY plans_status (status, updated_at),
	KEY plans_partner_ref (partner_ref),
	CONSTRAINT plans_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT plans_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT plans_amounts_ck CHECK (principal_minor > 0 AND n > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The installments of a plan (INST-M2/M3/M4), with what was paid and the
-- late fee accrued so far (INST-F1, recomputed by tick up to its date).
--   due        not paid yet (overdue once its due date has passed)
--   paid       paid in full
--   waived     closed by an early repayment (INST-F3) or a termination
CREATE TABLE plan_installments (
	plan_id			BIGINT NOT NULL,
	seq			INT NOT NULL,
	due_date		DATE NOT NULL,
	principal_minor		BIGINT NOT NULL,
	fee_minor		BIGINT NOT NULL,
	late_fee_minor		BIGINT NOT NULL DEFAULT 0,
	late_fee_through	DATE NULL,
	status			ENUM('due','paid','waived') NOT NULL DEFAULT 'due',
	paid_minor		BIGINT NOT NULL DEFAULT 0,
	paid_at			BIGINT NULL,
	reminded_at		BIGINT NULL,
	auto_tried_on		DATE NULL,
	PRIMARY KEY (plan_id, seq),
	KEY plan_installments_due (status, due_date),
	CONSTRAINT plan_installments_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every payment, deduction attempt and refund of a plan. idem_key makes a
-- repeated submit or a retried tick a no-op (unique per plan).
CREATE TABLE plan_payments (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	plan_id			BIGINT NOT NULL,
	kind			ENUM('down_payment','manual','auto','payoff','refund','admin') NOT NULL,
	seq			INT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	ok			TINYINT(1) NOT NULL,
	channel			VARCHAR(16) NOT NULL,
	reference		VARCHAR(64) CHARACTER SET ascii NOT NULL DEFAULT '',
	reason			VARCHAR(255) NOT NULL DEFAULT '',
	detail			TEXT NULL,
	idem_key		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY plan_payments_idem (plan_id, idem_key),
	KEY plan_payments_plan (plan_id, created_at),
	CONSTRAINT plan_payments_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The credit record (INST-F2): an entry per plan overdue more than the
-- suspension threshold; append-only by convention.
CREATE TABLE credit_records (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id			BIGINT NOT NULL,
	plan_id			BIGINT NOT NULL,
	kind			VARCHAR(32) NOT NULL,
	detail			VARCHAR(255) NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY credit_records_once (plan_id, kind),
	KEY credit_records_user (user_id, created_at),
	CONSTRAINT credit_records_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Money moved by lenders for plans (INST-CL: the lender pays the merchant
-- the whole price when receipt is confirmed). One entry per order and kind.
CREATE TABLE plan_ledger (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	plan_id			BIGINT NULL,
	kind			VARCHAR(32) NOT NULL,
	payer			VARCHAR(64) NOT NULL,
	payee			VARCHAR(64) NOT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY plan_ledger_once (order_id, kind),
	CONSTRAINT plan_ledger_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
