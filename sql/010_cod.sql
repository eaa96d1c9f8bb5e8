-- mallpay migration 010: cash on delivery end to end (issue 8, RULES
-- section 2) and the shipping road every method shares (DESIGN.md "One
-- order, one state machine").
--
-- shipments: carrier and tracking number of an order of ANY method, set by
-- an admin or the logistics partner (COD-P2).
-- tracking_events: what the courier reported, shown on "My Orders".
-- cod_orders: the COD side of an order: the delivery date agreed with the
-- shopper and how often it moved (COD-P5), the partner's payment report and
-- the shopper's "Paid" with voucher or record id (COD-P3, COD-P8).
-- cod_refusals: every refusal at delivery; counted = 1 for a refusal
-- without a valid reason (a COD-F2 strike), 0 for COD-P4.
-- account_debts: what a shopper owes the mall (COD-F2: round-trip shipping
-- plus the service fee), one per order and kind.

CREATE TABLE shipments (
	order_id	BIGINT NOT NULL PRIMARY KEY,
	carrier		VARCHAR(64) NOT NULL,
	tracking	VARCHAR(64) NOT NULL,
	shipped_at	BIGINT NOT NULL,
	delivered_at	BIGINT NULL,
	CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tracking_events (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id	BIGINT NOT NULL,
	kind		VARCHAR(32) NOT NULL,
	detail		VARCHAR(255) NOT NULL DEFAULT '',
	source		ENUM('admin','partner','system','user') NOT NULL,
	at		BIGINT NOT NULL,
	KEY tracking_events_order (order_id, at),
	CONSTRAINT tracking_events_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cod_orders (
	order_id		BIGINT NOT NULL PRIMARY KEY,
	agreed_date		DATE NULL,
	reschedules		INT NOT NULL DEFAULT 0,
	paid_reported_at	BIGINT NULL,
	paid_amount_minor	BIGINT NULL,
	paid_method		ENUM('cash','mobile','card') NULL,
	paid_record_id		VARCHAR(64) NULL,
	shopper_paid_at		BIGINT NULL,
	shopper_file_id		BIGINT NULL,
	shopper_record_id	VARCHAR(64) NULL,
	return_reason		VARCHAR(255) NULL,
	KEY cod_orders_agreed (agreed_date),
	CONSTRAINT cod_orders_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT cod_orders_file_fk FOREIGN KEY (shopper_file_id) REFERENCES files (id),
	CONSTRAINT cod_orders_resched_ck CHECK (reschedules >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cod_refusals (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	order_id	BIGINT NOT NULL,
	reason		ENUM('damaged','wrong_item','missing_items','no_valid_reason') NOT NULL,
	counted		TINYINT(1) NOT NULL,
	refused_on	DATE NOT NULL,
	created_at	BIGINT NOT NULL,
	UNIQUE KEY cod_refusals_order (order_id),
	KEY cod_refusals_user (user_id, counted, refused_on),
	CONSTRAINT cod_refusals_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT cod_refusals_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account_debts (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NOT NULL,
	order_id	BIGINT NOT NULL,
	kind		VARCHAR(32) NOT NULL,
	amount_minor	BIGINT NOT NULL,
	currency	CHAR(3) NOT NULL,
	description	VARCHAR(255) NOT NULL,
	created_at	BIGINT NOT NULL,
	settled_at	BIGINT NULL,
	UNIQUE KEY account_debts_once (order_id, kind),
	KEY account_debts_user (user_id, created_at),
	CONSTRAINT account_debts_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT account_debts_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT account_debts_amount_ck CHECK (amount_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
