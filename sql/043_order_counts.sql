-- mallpay migration 043: the orders counted by status, method and promised
-- day, kept with every change of an order, so that the dashboard's queue
-- figures cost the same whatever the number of orders.
--
-- order_counts: how many orders are in each status, payment method and
--   promised day of their current step (C-04: review by for
--   awaiting_review; funds expected by for awaiting_remittance,
--   awaiting_verification and partially_paid; refund by for
--   return_requested, returned and cancelled), the day as TO_DAYS() of
--   the date, 0 for none. The dashboard sums a queue's rows for its count
--   and the rows of days before today for the items past their promised
--   date: it reads one row per day and slot of the queue, never the
--   orders.
--
-- Each key is spread over 16 rows (slot: the writing connection's id
-- modulo 16, as ledger_days in 041), so that orders of one status
-- changing in concurrent transactions do not wait on one row's lock
-- until they commit (nor conflict on one row between Galera nodes); a
-- slot's count may go below zero (an order counted in by one connection
-- and out by another); readers sum the slots.
--
-- The triggers below count an order in when it is inserted and move it
-- from its old key to its new one when an update changes its status,
-- method or promised day, in the transaction that does it: a committed
-- change is always counted, a rolled-back one never. `mallpayctl check`
-- compares every key with a count of the orders. order_due_day() is the
-- promised day of an order's current step, the one definition the
-- triggers, the count below and the check use.

CREATE FUNCTION order_due_day(st VARCHAR(32), review_due DATE,
    payment_due DATE, refund_due DATE) RETURNS INT DETERMINISTIC NO SQL
	RETURN COALESCE(TO_DAYS(CASE
	    WHEN st = 'awaiting_review' THEN review_due
	    WHEN st IN ('awaiting_remittance', 'awaiting_verification',
		'partially_paid') THEN payment_due
	    WHEN st IN ('return_requested', 'returned', 'cancelled')
	    THEN refund_due END), 0);

CREATE TABLE order_counts (
	status		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	method		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	due_day		INT NOT NULL,
	slot		TINYINT NOT NULL,
	n		BIGINT NOT NULL,
	PRIMARY KEY (status, method, due_day, slot)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- The existing orders, counted once.
INSERT INTO order_counts (status, method, due_day, slot, n)
SELECT status, method, order_due_day(status, review_due, payment_due,
    refund_due), 0, COUNT(*)
FROM orders GROUP BY 1, 2, 3;

CREATE TRIGGER orders_ai_counts AFTER INSERT ON orders FOR EACH ROW
	INSERT INTO order_counts (status, method, due_day, slot, n)
	VALUES (NEW.status, NEW.method, order_due_day(NEW.status,
	    NEW.review_due, NEW.payment_due, NEW.refund_due),
	    CONNECTION_ID() % 16, 1)
	ON DUPLICATE KEY UPDATE n = n + 1;

-- Out of the old key and into the new one, the two rows locked in key
-- order (two orders moving opposite ways take their locks in the same
-- order); nothing when the key stays.
CREATE TRIGGER orders_au_counts AFTER UPDATE ON orders FOR EACH ROW
	INSERT INTO order_counts (status, method, due_day, slot, n)
	SELECT k.status, k.method, k.due_day, CONNECTION_ID() % 16, k.delta
	FROM (SELECT OLD.status AS status, OLD.method AS method,
	    order_due_day(OLD.status, OLD.review_due, OLD.payment_due,
	    OLD.refund_due) AS due_day, -1 AS delta
	UNION ALL SELECT NEW.status, NEW.method, order_due_day(NEW.status,
	    NEW.review_due, NEW.payment_due, NEW.refund_due), 1) k
	WHERE NOT (OLD.status <=> NEW.status AND OLD.method <=> NEW.method
	    AND OLD.review_due <=> NEW.review_due
	    AND OLD.payment_due <=> NEW.payment_due
	    AND OLD.refund_due <=> NEW.refund_due)
	ORDER BY k.status, k.method, k.due_day
	ON DUPLICATE KEY UPDATE order_counts.n = order_counts.n + VALUES(n);

CREATE TRIGGER orders_ad_counts AFTER DELETE ON orders FOR EACH ROW
	INSERT INTO order_counts (status, method, due_day, slot, n)
	VALUES (OLD.status, OLD.method, order_due_day(OLD.status,
	    OLD.review_due, OLD.payment_due, OLD.refund_due),
	    CONNECTION_ID() % 16, -1)
	ON DUPLICATE KEY UPDATE n = n - 1;
