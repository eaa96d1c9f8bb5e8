-- mallpay migration 011: Pay After Use (issue 9; RULES section 4).
--
-- pau_cards: the shopper's bound payment method for Pay After Use charges
--   (PAU-03): brand, last four digits and the bank's token, encrypted
--   (INST-S1: token_enc is the libsodium secretbox nonce followed by the
--   ciphertext, key derived from the configuration's secret key). The card
--   number and CVV are never stored. One bound card per user; binding
--   again replaces it.
-- pau_charges: one row per Pay After Use order once receipt is confirmed
--   (PAU-03): the price deducted from the bound card, or, when the
--   deduction failed (PAU-04), the shopper's open debt:
--     paid       deducted (at confirmation or by a later retry / "Pay now")
--     open       the deduction failed: the merchant was settled from the
--                guarantee; retried by tick (bounded per day), overdue from
--                the day after due_date with late fees (INST-F1) and, more
--                than 30 days overdue, suspension (INST-F2)
--   attempts counts deductions tried; the bank idempotency key of attempt
--   n is "pau-<order>-<n>", and n is committed with the attempt's outcome,
--   so a transaction rolled back after a successful deduction retries with
--   the same key and the bank charges once.
-- pau_guarantee: the platform's guarantee ledger (PAU-04): a 'payout' entry
--   when the merchant is settled in full although the deduction failed, a
--   'recovery' entry when the shopper's debt is later paid. One entry per
--   order and kind.
-- Money: BIGINT minor units of the order's currency (C-01).

CREATE TABLE IF NOT EXISTS pau_cards (
	user_id			BIGINT NOT NULL PRIMARY KEY,
	brand			VARCHAR(16) NOT NULL,
	last4			CHAR(4) CHARACTER SET ascii NOT NULL,
	token_enc		VARBINARY(255) NOT NULL,
	created_at		BIGINT NOT NULL,
	updated_at		BIGINT NOT NULL,
	CONSTRAINT pau_cards_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pau_charges (
	order_id		BIGINT NOT NULL PRIMARY KEY,
	user_id			BIGINT NOT NULL,
	status			ENUM('paid','open') NOT NULL,
	currency		CHAR(3) NOT NULL,
	amount_minor		BIGINT NOT NULL,
	late_fee_minor		BIGINT NOT NULL DEFAULT 0,
	paid_minor		BIGINT NOT NULL DEFAULT 0,
	due_date		DATE NOT NULL,
	attempts		INT NOT NULL DEFAULT 0,
	tries_day		DATE NULL,
	tries_on_day		INT NOT NULL DEFAULT 0,
	next_try_at		BIGINT NOT NULL DEFAULT 0,
	reason			VARCHAR(255) NOT NULL DEFAULT '',
	reference		VARCHAR(64) CHARACTER SET ascii NOT NULL DEFAULT '',
	card_last4		CHAR(4) CHARACTER SET ascii NULL,
	suspended_at		BIGINT NULL,
	created_at		BIGINT NOT NULL,
	updated_at		BIGINT NOT NULL,
	paid_at			BIGINT NULL,
	KEY pau_charges_user (user_id, status),
	KEY pau_charges_open (status, next_try_at),
	CONSTRAINT pau_charges_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT pau_charges_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT pau_charges_amount_ck CHECK (amount_minor > 0 AND late_fee_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS pau_guarantee (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	user_id			BIGINT NOT NULL,
	kind			ENUM('payout','recovery') NOT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	amount_usd_minor	BIGINT NOT NULL,
	note			VARCHAR(255) NOT NULL DEFAULT '',
	created_at		BIGINT NOT NULL,
	UNIQUE KEY pau_guarantee_once (order_id, kind),
	KEY pau_guarantee_at (created_at),
	CONSTRAINT pau_guarantee_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- PAU-04 like INST-F1/F2: the late fee per calendar day (percent string),
-- deduction retries per day of an open debt. The auto-confirmation delay
-- (pau_auto_confirm_days, PAU-03) and the suspension threshold
-- (inst_overdue_suspend_days, INST-F2) are in migration 001.
INSERT IGNORE INTO settings (name, value) VALUES
	('pau_late_fee_rate', '0.05'),
	('pau_retries_per_day', '2');
