-- mallpay migration 015: idempotency keys as payment APIs treat them.
--
-- A form's idempotency key is claimed with a hash of what the request asked
-- for (SHA-256 hex of its parameters, e.g. "pay|seq=2"). The same key sent
-- again with the same parameters answers the first result (stored here:
-- result and the shopper's reason); with other parameters it is refused
-- (HTTP 409). scope says whose key it is: 'plan' keys are per plan
-- (owner_id = plans.id: repayment, payoff, confirmation), 'checkout' keys
-- per shopper (owner_id = users.id: placing an order; the order itself
-- keeps the key in orders.idempotency_key).
--
-- A row is written in the same transaction as the money it answers for; a
-- request whose outcome is unknown writes none, so that it can be retried
-- with the same key (the bank keys are per unit of money and never charge
-- twice).

CREATE TABLE request_keys (
	scope			VARCHAR(16) CHARACTER SET ascii NOT NULL,
	owner_id		BIGINT NOT NULL,
	idem_key		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	params_hash		CHAR(64) CHARACTER SET ascii NOT NULL,
	result			INT NOT NULL DEFAULT 0,
	reason			VARCHAR(255) NOT NULL DEFAULT '',
	created_at		BIGINT NOT NULL,
	PRIMARY KEY (scope, owner_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
