-- mallpay migration 023: a placed order keeps what its checkout key asked
-- for.
--
-- orders.params_hash: SHA-256 hex of the parameters the shopper placed the
-- order with (payment method, institution, term, destination, coupon,
-- points, shipping: service/checkout.c place_params()), written by the same
-- INSERT that claims the key (orders.idempotency_key), so that placing an
-- order costs no separate request_keys row. The same key sent again with
-- the same parameters answers the order; with other parameters it is
-- refused (HTTP 409). NULL for orders placed before keys kept their
-- parameters (a resend of those replays the order).
-- The hashes that request_keys kept for checkout keys ('checkout' scope)
-- move onto their orders.

ALTER TABLE orders ADD COLUMN params_hash CHAR(64) CHARACTER SET ascii NULL;

UPDATE orders o JOIN request_keys k ON k.scope = 'checkout' AND k.owner_id = o.user_id AND k.idem_key = o.idempotency_key SET o.params_hash = k.params_hash;
