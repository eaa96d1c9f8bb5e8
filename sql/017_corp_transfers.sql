-- mallpay migration 017: corporate bank transfers (INST-P3 corporate).
--
-- A company repays its corporate installment plan by bank transfer to the
-- mall's payee account, quoting the order's reference. Only an admin (or a
-- bank statement line quoting that reference) records a transfer. Each
-- transfer is one row, keyed by its idempotency key: the same key again with
-- the same figures returns the first answer, with other figures it is
-- refused (the params column keeps what the key was first used for).
--
-- A transfer is allocated to the plan's installments oldest first (one row
-- per installment it covered, a partial payment included); what is left
-- over is the company's credit (excess_minor, refundable).

CREATE TABLE corp_transfers (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id		BIGINT NOT NULL,
	plan_id			BIGINT NOT NULL,
	company_id		BIGINT NOT NULL,
	idem_key		VARCHAR(96) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	params			VARCHAR(255) NOT NULL,
	amount_minor		BIGINT NOT NULL,
	currency		CHAR(3) NOT NULL,
	reference		VARCHAR(64) NOT NULL,
	source			ENUM('admin','statement') NOT NULL,
	recorded_by		BIGINT NULL,
	allocated_minor		BIGINT NOT NULL,
	excess_minor		BIGINT NOT NULL,
	created_at		BIGINT NOT NULL,
	UNIQUE KEY corp_transfers_key (idem_key),
	KEY corp_transfers_plan (plan_id, id),
	CONSTRAINT corp_transfers_app_fk FOREIGN KEY (application_id) REFERENCES corp_applications (id),
	CONSTRAINT corp_transfers_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT corp_transfers_amount_ck CHECK (amount_minor > 0 AND allocated_minor >= 0 AND excess_minor >= 0 AND allocated_minor + excess_minor = amount_minor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE corp_transfer_allocations (
	transfer_id		BIGINT NOT NULL,
	seq			INT NOT NULL,
	amount_minor		BIGINT NOT NULL,
	settled			TINYINT(1) NOT NULL,
	PRIMARY KEY (transfer_id, seq),
	CONSTRAINT corp_transfer_alloc_fk FOREIGN KEY (transfer_id) REFERENCES corp_transfers (id),
	CONSTRAINT corp_transfer_alloc_ck CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The mall's payee account that members transfer to (editable by admins on
-- the settings page, "Platform settings").
INSERT INTO settings (name, value) VALUES
	('corp_payee_name', 'mallpay Sdn Bhd'),
	('corp_payee_bank', 'Harbor Bank Berhad'),
	('corp_payee_account', '5140-2231-8890')
ON DUPLICATE KEY UPDATE value = value;
