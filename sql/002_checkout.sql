-- mallpay migration 002: checkout and "My Orders" (issue 4).
--
-- coupons: a code takes percent_off (exact decimal percent, '10' = 10 %)
-- or amount_usd_minor off the items total (converted to the order's
-- settlement currency at the recorded rate, C-02), from min_usd_minor up.
-- users.points: 1 point = USD 0.01, spent at checkout (C-03).
-- orders: what checkout freezes (institution and term of an installment,
-- the promised dates of C-04, the remittance code of REM-P1, the USD
-- equivalent, the verdicts as JSON, the settlement rule used).

CREATE TABLE coupons (
	code			VARCHAR(32) NOT NULL PRIMARY KEY,
	description		VARCHAR(200) NOT NULL,
	percent_off		VARCHAR(16) NULL,
	amount_usd_minor	BIGINT NULL,
	min_usd_minor		BIGINT NOT NULL DEFAULT 0,
	active			TINYINT(1) NOT NULL DEFAULT 1,
	CONSTRAINT coupons_kind_ck CHECK ((percent_off IS NULL) <> (amount_usd_minor IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE users ADD COLUMN points BIGINT NOT NULL DEFAULT 0;

ALTER TABLE orders
	ADD COLUMN institution_id VARCHAR(32) CHARACTER SET ascii NULL,
	ADD COLUMN term INT NULL,
	ADD COLUMN coupon_code VARCHAR(32) NULL,
	ADD COLUMN points_used BIGINT NOT NULL DEFAULT 0,
	ADD COLUMN amount_usd_minor BIGINT NOT NULL DEFAULT 0,
	ADD COLUMN deferred_minor BIGINT NOT NULL DEFAULT 0,
	ADD COLUMN review_due DATE NULL,
	ADD COLUMN payment_due DATE NULL,
	ADD COLUMN rf_code VARCHAR(32) CHARACTER SET ascii NULL,
	ADD COLUMN settlement_note VARCHAR(255) NOT NULL DEFAULT '',
	ADD COLUMN refund_due DATE NULL,
	ADD COLUMN verdicts TEXT NULL;

CREATE INDEX messages_user_unread ON messages (user_id, read_at);

INSERT INTO coupons (code, description, percent_off, amount_usd_minor, min_usd_minor, active) VALUES
	('WELCOME10', '10% off your order from USD 100.00', '10', NULL, 10000, 1),
	('SAVE50', 'USD 50.00 off orders from USD 300.00', NULL, 5000, 30000, 1),
	('SPRING5', 'Expired spring promotion', '5', NULL, 0, 0);
