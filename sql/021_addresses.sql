-- mallpay migration 021: delivery addresses.
--
-- addresses: the address book of a shopper (user_id) or of a company
-- (company_id: every member of the company shares it and corporate orders
-- use it); exactly one of the two owners is set. At most one default per
-- owner (is_default 1), kept by the service in the same transaction as the
-- change that moves it.
--
-- order_addresses: the address an order ships to, copied at placing, so
-- that a later edit or deletion in the book never changes a placed order.
-- delivery_days is what the order promised (from the region of the
-- address's country, COD-03/COD-05).
CREATE TABLE addresses (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT NULL,
	company_id	BIGINT NULL,
	recipient	VARCHAR(100) NOT NULL,
	line1		VARCHAR(120) NOT NULL,
	line2		VARCHAR(120) NOT NULL DEFAULT '',
	city		VARCHAR(80) NOT NULL,
	region		VARCHAR(80) NOT NULL DEFAULT '',
	postal_code	VARCHAR(16) NOT NULL DEFAULT '',
	country		CHAR(2) NOT NULL,
	phone		VARCHAR(32) NOT NULL,
	is_default	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	BIGINT NOT NULL,
	updated_at	BIGINT NOT NULL,
	KEY addresses_user (user_id, is_default),
	KEY addresses_company (company_id, is_default),
	CONSTRAINT addresses_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
	CONSTRAINT addresses_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
	CONSTRAINT addresses_country_fk FOREIGN KEY (country) REFERENCES countries (code),
	CONSTRAINT addresses_one_owner CHECK ((user_id IS NULL) <> (company_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE order_addresses (
	order_id	BIGINT NOT NULL PRIMARY KEY,
	address_id	BIGINT NULL,
	recipient	VARCHAR(100) NOT NULL,
	line1		VARCHAR(120) NOT NULL,
	line2		VARCHAR(120) NOT NULL DEFAULT '',
	city		VARCHAR(80) NOT NULL,
	region		VARCHAR(80) NOT NULL DEFAULT '',
	postal_code	VARCHAR(16) NOT NULL DEFAULT '',
	country		CHAR(2) NOT NULL,
	phone		VARCHAR(32) NOT NULL,
	delivery_days	INT NOT NULL,
	CONSTRAINT order_addresses_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
