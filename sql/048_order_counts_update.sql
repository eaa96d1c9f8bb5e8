-- mallpay migration 048: the order counters' update trigger (043) writes
-- only when an order moves between counters, without a derived table.
--
-- The trigger of 043 ran one INSERT ... SELECT over a two-row UNION for
-- every UPDATE of an order, its WHERE false when the counted key did not
-- change; MariaDB prepared and optimized that UNION each time, so every
-- order line's summary update (044) and every change of an order's other
-- columns paid for it. Now an IF skips the unchanged key, and the two rows
-- (the old key's -1, the new key's +1) are written by one INSERT of two
-- VALUES rows, the lower key first, so that two transactions take the
-- counter rows' locks in the same order, as before. (The migration runner
-- ends a statement at a line ending in ';': the inner ones end mid-line.)

DROP TRIGGER orders_au_counts;

CREATE TRIGGER orders_au_counts AFTER UPDATE ON orders FOR EACH ROW
	IF NOT (OLD.status <=> NEW.status AND OLD.method <=> NEW.method
	    AND OLD.review_due <=> NEW.review_due
	    AND OLD.payment_due <=> NEW.payment_due
	    AND OLD.refund_due <=> NEW.refund_due) THEN
	    IF (OLD.status, OLD.method, order_due_day(OLD.status,
		OLD.review_due, OLD.payment_due, OLD.refund_due)) <=
		(NEW.status, NEW.method, order_due_day(NEW.status,
		NEW.review_due, NEW.payment_due, NEW.refund_due)) THEN
		INSERT INTO order_counts (status, method, due_day, slot, n)
		VALUES (OLD.status, OLD.method, order_due_day(OLD.status,
		    OLD.review_due, OLD.payment_due, OLD.refund_due),
		    CONNECTION_ID() % 16, -1),
		(NEW.status, NEW.method, order_due_day(NEW.status,
		    NEW.review_due, NEW.payment_due, NEW.refund_due),
		    CONNECTION_ID() % 16, 1)
		ON DUPLICATE KEY UPDATE n = n + VALUES(n); ELSE
		INSERT INTO order_counts (status, method, due_day, slot, n)
		VALUES (NEW.status, NEW.method, order_due_day(NEW.status,
		    NEW.review_due, NEW.payment_due, NEW.refund_due),
		    CONNECTION_ID() % 16, 1),
		(OLD.status, OLD.method, order_due_day(OLD.status,
		    OLD.review_due, OLD.payment_due, OLD.refund_due),
		    CONNECTION_ID() % 16, -1)
		ON DUPLICATE KEY UPDATE n = n + VALUES(n); END IF; END IF;
