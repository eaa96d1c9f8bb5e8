-- mallpay schema, migration 001: the foundation (issue 2).
--
-- Conventions (read before adding a migration):
-- * InnoDB, utf8mb4 everywhere.
-- * Money (RULES C-01): BIGINT minor units plus CHAR(3) ISO 4217 currency;
--   columns ending in _usd_minor are USD cents. No FLOAT/DOUBLE anywhere.
-- * Rates: exact decimal strings (VARCHAR, e.g. '0.80' meaning 0.80 %) or
--   DECIMAL(18,8) for exchange rates (USD per one unit of the currency).
-- * Points in time: BIGINT seconds since 1970-01-01 UTC, written by the
--   program from clock_now() (RULES C-05: never NOW() in SQL).
--   Calendar dates: DATE.
-- * Statements end with ';' at the end of a line (migrate.c splits there;
--   schema_migrations is created by migrate.c too, hence IF NOT EXISTS);
--   lines starting with '--' are comments.

CREATE TABLE IF NOT EXISTS schema_migrations (
	version		INT NOT NULL PRIMARY KEY,
	name		VARCHAR(128) NOT NULL,
	applied_at	BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Platform settings edited by admins; values are text, parsed by the program.
CREATE TABLE settings (
	name		VARCHAR(64) NOT NULL PRIMARY KEY,
	value		VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE companies (
	id				BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name				VARCHAR(200) NOT NULL,
	country				CHAR(2) NOT NULL,
	qualification_status		ENUM('unverified','pending','verified','rejected')
					    NOT NULL DEFAULT 'unverified',
	qualification_expires		DATE NULL,
	long_term_agreement		TINYINT(1) NOT NULL DEFAULT 0,
	cod_agreement_limit_usd_minor	BIGINT NULL,
	remittance_quota_usd_minor	BIGINT NULL,
	created_at			BIGINT NOT NULL,
	UNIQUE KEY companies_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
	id				BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind				ENUM('person','company_member','admin') NOT NULL,
	company_id			BIGINT NULL,
	email				VARCHAR(254) NOT NULL,
	name				VARCHAR(200) NOT NULL,
	password_hash			VARCHAR(255) NOT NULL,
	phone				VARCHAR(32) NULL,
	real_name_verified		TINYINT(1) NOT NULL DEFAULT 0,
	credit_score			INT NOT NULL DEFAULT 0,
	bad_payment_record		TINYINT(1) NOT NULL DEFAULT 0,
	installment_suspended		TINYINT(1) NOT NULL DEFAULT 0,
	cod_completed_orders		INT NOT NULL DEFAULT 0,
	cod_violations			INT NOT NULL DEFAULT 0,
	cod_revoked			TINYINT(1) NOT NULL DEFAULT 0,
	cod_suspended_until		DATE NULL,
	credit_limit_usd_minor		BIGINT NOT NULL DEFAULT 0,
	credit_used_usd_minor		BIGINT NOT NULL DEFAULT 0,
	failed_logins			INT NOT NULL DEFAULT 0,
	locked_until			BIGINT NULL,
	created_at			BIGINT NOT NULL,
	UNIQUE KEY users_email (email),
	KEY users_company (company_id),
	CONSTRAINT users_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
	CONSTRAINT users_company_ck CHECK ((kind = 'company_member') = (company_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 (hex) of the session token is stored.
CREATE TABLE sessions (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	user_id		BIGINT NOT NULL,
	created_at	BIGINT NOT NULL,
	last_seen_at	BIGINT NOT NULL,
	expires_at	BIGINT NOT NULL,
	UNIQUE KEY sessions_token (token_hash),
	KEY sessions_user (user_id),
	KEY sessions_expires (expires_at),
	KEY sessions_last_seen (last_seen_at),
	CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- durable: INST-06; high_value: COD-04 / REM-05 default for its products.
CREATE TABLE categories (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(64) NOT NULL,
	name		VARCHAR(200) NOT NULL,
	durable		TINYINT(1) NOT NULL DEFAULT 0,
	high_value	TINYINT(1) NOT NULL DEFAULT 0,
	UNIQUE KEY categories_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Flags per product: high_value (COD-04, REM-05), pre_order/customized/
-- special_customs (INST-07, COD-06), pay_after_use (PAU-02), flash_sale (REM-04).
CREATE TABLE products (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	sku		VARCHAR(64) NOT NULL,
	name		VARCHAR(200) NOT NULL,
	description	TEXT NOT NULL,
	category_id	BIGINT NOT NULL,
	price_minor	BIGINT NOT NULL,
	currency	CHAR(3) NOT NULL,
	high_value	TINYINT(1) NOT NULL DEFAULT 0,
	pre_order	TINYINT(1) NOT NULL DEFAULT 0,
	customized	TINYINT(1) NOT NULL DEFAULT 0,
	special_customs	TINYINT(1) NOT NULL DEFAULT 0,
	pay_after_use	TINYINT(1) NOT NULL DEFAULT 0,
	flash_sale	TINYINT(1) NOT NULL DEFAULT 0,
	stock		INT NOT NULL DEFAULT 0,
	UNIQUE KEY products_sku (sku),
	KEY products_category (category_id),
	CONSTRAINT products_category_fk FOREIGN KEY (category_id) REFERENCES categories (id),
	CONSTRAINT products_price_ck CHECK (price_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- COD-01/03/05, COD-F1. cod_fee_percent is an exact decimal string ('4' = 4 %).
-- domestic: funds arrive in 1-3 business days instead of 7-15 (REM-P4).
CREATE TABLE regions (
	code			VARCHAR(16) NOT NULL PRIMARY KEY,
	name			VARCHAR(100) NOT NULL,
	cod_supported		TINYINT(1) NOT NULL DEFAULT 0,
	cod_fee_percent		VARCHAR(16) NOT NULL DEFAULT '4',
	cod_max_usd_minor	BIGINT NULL,
	delivery_days		INT NOT NULL,
	domestic		TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- delivery_days NULL: the region's. INST-08 high risk; REM-01 postal limit.
CREATE TABLE countries (
	code				CHAR(2) NOT NULL PRIMARY KEY,
	name				VARCHAR(100) NOT NULL,
	region_code			VARCHAR(16) NOT NULL,
	delivery_days			INT NULL,
	installment_high_risk		TINYINT(1) NOT NULL DEFAULT 0,
	remittance_limit_usd_minor	BIGINT NULL,
	KEY countries_region (region_code),
	CONSTRAINT countries_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE carts (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	updated_at	BIGINT NOT NULL,
	UNIQUE KEY carts_user (user_id),
	CONSTRAINT carts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cart_items (
	cart_id		BIGINT NOT NULL,
	product_id	BIGINT NOT NULL,
	qty		INT NOT NULL,
	PRIMARY KEY (cart_id, product_id),
	CONSTRAINT cart_items_cart_fk FOREIGN KEY (cart_id) REFERENCES carts (id) ON DELETE CASCADE,
	CONSTRAINT cart_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id),
	CONSTRAINT cart_items_qty_ck CHECK (qty > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One order settles in one currency; usd_per_unit is the fx rate recorded
-- when it was quoted (RULES C-02), as an exact decimal string.
-- amount_due_minor = items_total - coupon - points (C-03), fee_minor apart
-- (e.g. the COD service fee, COD-F1). completed_at feeds INST-04.
CREATE TABLE orders (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id			BIGINT NOT NULL,
	company_id		BIGINT NULL,
	status			VARCHAR(32) NOT NULL,
	method			VARCHAR(32) NOT NULL DEFAULT '',
	currency		CHAR(3) NOT NULL,
	usd_per_unit		VARCHAR(32) NOT NULL,
	items_total_minor	BIGINT NOT NULL,
	coupon_minor		BIGINT NOT NULL DEFAULT 0,
	points_minor		BIGINT NOT NULL DEFAULT 0,
	amount_due_minor	BIGINT NOT NULL,
	fee_minor		BIGINT NOT NULL DEFAULT 0,
	country			CHAR(2) NOT NULL,
	region_code		VARCHAR(16) NOT NULL,
	idempotency_key		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at		BIGINT NOT NULL,
	updated_at		BIGINT NOT NULL,
	completed_at		BIGINT NULL,
	UNIQUE KEY orders_idem (user_id, idempotency_key),
	KEY orders_user_created (user_id, created_at),
	KEY orders_company_completed (company_id, completed_at),
	KEY orders_status (status),
	CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT orders_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
	CONSTRAINT orders_country_fk FOREIGN KEY (country) REFERENCES countries (code),
	CONSTRAINT orders_amounts_ck CHECK (items_total_minor >= 0 AND coupon_minor >= 0
	    AND points_minor >= 0 AND amount_due_minor >= 0 AND fee_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A snapshot of the product as it was ordered.
CREATE TABLE order_items (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	product_id		BIGINT NOT NULL,
	name			VARCHAR(200) NOT NULL,
	qty			INT NOT NULL,
	unit_price_minor	BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	durable			TINYINT(1) NOT NULL DEFAULT 0,
	high_value		TINYINT(1) NOT NULL DEFAULT 0,
	pre_order		TINYINT(1) NOT NULL DEFAULT 0,
	customized		TINYINT(1) NOT NULL DEFAULT 0,
	special_customs		TINYINT(1) NOT NULL DEFAULT 0,
	pay_after_use		TINYINT(1) NOT NULL DEFAULT 0,
	KEY order_items_order (order_id),
	CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT order_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id),
	CONSTRAINT order_items_qty_ck CHECK (qty > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only audit (RULES C-07): the triggers below refuse UPDATE and DELETE.
CREATE TABLE events (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	subject_type	ENUM('order','application','voucher','plan','user','company','setting') NOT NULL,
	subject_id	BIGINT NOT NULL,
	actor_type	ENUM('user','admin','system','partner') NOT NULL,
	actor_id	BIGINT NULL,
	at		BIGINT NOT NULL,
	from_state	VARCHAR(32) NULL,
	to_state	VARCHAR(32) NULL,
	reason		VARCHAR(255) NOT NULL DEFAULT '',
	detail		TEXT NULL,
	KEY events_subject (subject_type, subject_id, at),
	KEY events_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are append-only (C-07)';
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are append-only (C-07)';

-- The in-app inbox: to a user, or to every member of a company.
CREATE TABLE messages (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NULL,
	company_id	BIGINT NULL,
	subject		VARCHAR(200) NOT NULL,
	body		TEXT NOT NULL,
	created_at	BIGINT NOT NULL,
	read_at		BIGINT NULL,
	KEY messages_user (user_id, created_at),
	KEY messages_company (company_id, created_at),
	CONSTRAINT messages_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
	CONSTRAINT messages_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
	CONSTRAINT messages_to_ck CHECK (user_id IS NOT NULL OR company_id IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- SMS waiting for the gateway (INST-P2); sent_at NULL until sent.
CREATE TABLE sms_outbox (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	phone		VARCHAR(32) NOT NULL,
	body		VARCHAR(480) NOT NULL,
	created_at	BIGINT NOT NULL,
	sent_at		BIGINT NULL,
	KEY sms_outbox_unsent (sent_at, created_at),
	CONSTRAINT sms_outbox_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Admin-managed exchange rates (C-02): USD for one unit of currency, valid
-- from effective_from until the next row of the same currency.
CREATE TABLE fx_rates (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	currency	CHAR(3) NOT NULL,
	usd_per_unit	DECIMAL(18,8) NOT NULL,
	effective_from	DATE NOT NULL,
	created_at	BIGINT NOT NULL,
	UNIQUE KEY fx_rates_cur_day (currency, effective_from),
	CONSTRAINT fx_rates_positive_ck CHECK (usd_per_unit > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Non-business days besides weekends (C-04).
CREATE TABLE holidays (
	day		DATE NOT NULL PRIMARY KEY,
	name		VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Banks, partner finance companies, the corporate program and the platform
-- credit line (INST-CC/PC/CORP/CL, INST-05, INST-F1, INST-F3).
-- terms: comma-separated month counts; rates: exact decimal percent strings
-- ('0.80' = 0.80 % per month, '0.05' = 0.05 % per day).
CREATE TABLE institutions (
	id			VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	name			VARCHAR(100) NOT NULL,
	method			ENUM('installment_card','installment_partner',
				    'installment_corporate','credit_line') NOT NULL,
	min_usd_minor		BIGINT NOT NULL,
	low_threshold		TINYINT(1) NOT NULL DEFAULT 0,
	terms			VARCHAR(64) NOT NULL,
	monthly_rate		VARCHAR(16) NOT NULL,
	fee_mode		ENUM('spread','upfront') NOT NULL DEFAULT 'spread',
	waives_future_fees	TINYINT(1) NOT NULL DEFAULT 0,
	late_fee_rate		VARCHAR(16) NOT NULL DEFAULT '0.05',
	enabled			TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Time-based work for `mallpayctl tick`: taken with SELECT ... FOR UPDATE
-- SKIP LOCKED, one transaction per job; the unique key makes scheduling the
-- same job twice a no-op.
CREATE TABLE jobs (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		VARCHAR(32) NOT NULL,
	subject_id	BIGINT NOT NULL DEFAULT 0,
	run_at		BIGINT NOT NULL,
	done_at		BIGINT NULL,
	attempts	INT NOT NULL DEFAULT 0,
	last_error	VARCHAR(255) NULL,
	UNIQUE KEY jobs_once (kind, subject_id, run_at),
	KEY jobs_due (done_at, run_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Platform defaults of the rules (RULES.md); admins may change them.
-- Amounts are USD minor units.
INSERT INTO settings (name, value) VALUES
	('platform_min_credit_score', '600'),
	('pau_min_credit_score', '550'),
	('inst_min_usd_minor', '50000'),
	('inst_low_min_usd_minor', '30000'),
	('inst_b2b_min_completed_usd_minor', '500000'),
	('inst_b2b_completed_window_days', '90'),
	('inst_overdue_suspend_days', '30'),
	('inst_reminder_days_before', '3'),
	('corp_down_payment_percent', '30'),
	('cod_b2c_max_usd_minor', '200000'),
	('cod_new_max_usd_minor', '50000'),
	('cod_veteran_min_orders', '6'),
	('cod_max_delivery_days', '7'),
	('cod_refusals_to_suspend', '3'),
	('cod_suspend_months', '3'),
	('cod_max_extensions', '2'),
	('remittance_b2c_max_usd_minor', '500000'),
	('remittance_window_days', '30'),
	('pau_auto_confirm_days', '10'),
	('credit_line_max_usd_minor', '1500000');
