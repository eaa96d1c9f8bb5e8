-- mallpay migration 049: what the installments of active plans still owe,
-- summed per currency and due date, kept by triggers.
--
-- The reports' aging table and the dashboard's overdue figure summed every
-- unpaid installment past its due date (plan_installments joined to
-- plans): their cost grew with the book, a million orders reading a few
-- hundred thousand installments on every view. They now read one row per
-- due date from here (the dates before today, a few hundred a year) and
-- bucket them by days late.
--
-- installments_due_days: for each currency and due date, the owed amount
--   (principal + fee + late fee - paid) and the count of the installments
--   still due of the plans that are active. slot spreads a date over four
--   rows (the writing connection's id modulo 4), so that payments of
--   installments of the same date from concurrent transactions do not
--   wait on one row's lock; readers sum the slots.
--
-- An installment counts while it is 'due' and its plan 'active'. The
-- triggers below keep that in the transaction that changes either: an
-- installment added, changed (its status, date or amounts) or removed
-- adds its new contribution and takes back its old one, reading its
-- plan's status and currency; a plan that becomes active adds its due
-- installments, one that stops being active takes them back. Whichever of
-- a plan and its installments a transaction changes first, the sums end
-- the same. `mallpayctl check` compares every date with its installments.
-- (The migration runner ends a statement at a line ending in ';': the
-- inner ones end mid-line.)

CREATE TABLE installments_due_days (
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	due_date	DATE NOT NULL,
	slot		TINYINT NOT NULL DEFAULT 0,
	owed_minor	BIGINT NOT NULL,
	n		BIGINT NOT NULL,
	PRIMARY KEY (currency, due_date, slot)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

INSERT INTO installments_due_days (currency, due_date, owed_minor, n)
SELECT p.currency, i.due_date, SUM(i.principal_minor + i.fee_minor +
    i.late_fee_minor - i.paid_minor), COUNT(*)
FROM plan_installments i JOIN plans p ON p.id = i.plan_id
WHERE i.status = 'due' AND p.status = 'active'
GROUP BY p.currency, i.due_date;

CREATE TRIGGER plan_installments_ai_due AFTER INSERT ON plan_installments
    FOR EACH ROW
	IF NEW.status = 'due' THEN
	    INSERT INTO installments_due_days (currency, due_date, slot,
		owed_minor, n)
	    SELECT p.currency, NEW.due_date, CONNECTION_ID() % 4,
		NEW.principal_minor + NEW.fee_minor + NEW.late_fee_minor -
		NEW.paid_minor, 1
	    FROM plans p WHERE p.id = NEW.plan_id AND p.status = 'active'
	    ON DUPLICATE KEY UPDATE owed_minor =
		installments_due_days.owed_minor +
		VALUES(owed_minor), n = installments_due_days.n + VALUES(n); END IF;

-- The old contribution taken back and the new one added, in date order
-- (so that two transactions take the rows' locks in the same order).
CREATE TRIGGER plan_installments_au_due AFTER UPDATE ON plan_installments
    FOR EACH ROW
	IF (OLD.status = 'due' OR NEW.status = 'due') AND NOT (
	    OLD.status <=> NEW.status AND OLD.due_date <=> NEW.due_date
	    AND OLD.plan_id <=> NEW.plan_id
	    AND OLD.principal_minor <=> NEW.principal_minor
	    AND OLD.fee_minor <=> NEW.fee_minor
	    AND OLD.late_fee_minor <=> NEW.late_fee_minor
	    AND OLD.paid_minor <=> NEW.paid_minor) THEN
	    INSERT INTO installments_due_days (currency, due_date, slot,
		owed_minor, n)
	    SELECT p.currency, d.due_date, CONNECTION_ID() % 4, SUM(d.owed),
		SUM(d.n)
	    FROM (SELECT OLD.plan_id AS plan_id, OLD.due_date AS due_date,
		    -(OLD.principal_minor + OLD.fee_minor +
		    OLD.late_fee_minor - OLD.paid_minor) AS owed, -1 AS n
		FROM DUAL WHERE OLD.status = 'due'
		UNION ALL SELECT NEW.plan_id, NEW.due_date,
		    NEW.principal_minor + NEW.fee_minor + NEW.late_fee_minor -
		    NEW.paid_minor, 1
		FROM DUAL WHERE NEW.status = 'due') d
	    JOIN plans p ON p.id = d.plan_id AND p.status = 'active'
	    GROUP BY p.currency, d.due_date ORDER BY p.currency, d.due_date
	    ON DUPLICATE KEY UPDATE owed_minor =
		installments_due_days.owed_minor +
		VALUES(owed_minor), n = installments_due_days.n + VALUES(n); END IF;

CREATE TRIGGER plan_installments_ad_due AFTER DELETE ON plan_installments
    FOR EACH ROW
	IF OLD.status = 'due' THEN
	    INSERT INTO installments_due_days (currency, due_date, slot,
		owed_minor, n)
	    SELECT p.currency, OLD.due_date, CONNECTION_ID() % 4,
		-(OLD.principal_minor + OLD.fee_minor + OLD.late_fee_minor -
		OLD.paid_minor), -1
	    FROM plans p WHERE p.id = OLD.plan_id AND p.status = 'active'
	    ON DUPLICATE KEY UPDATE owed_minor =
		installments_due_days.owed_minor +
		VALUES(owed_minor), n = installments_due_days.n + VALUES(n); END IF;

-- A plan that becomes active adds its due installments; one that stops
-- being active (or changes currency while active) takes them back.
CREATE TRIGGER plans_au_due AFTER UPDATE ON plans FOR EACH ROW
	IF NOT ((OLD.status = 'active') <=> (NEW.status = 'active')
	    AND OLD.currency <=> NEW.currency) THEN
	    INSERT INTO installments_due_days (currency, due_date, slot,
		owed_minor, n)
	    SELECT d.currency, d.due_date, CONNECTION_ID() % 4, SUM(d.owed),
		SUM(d.n)
	    FROM (SELECT OLD.currency AS currency, i.due_date AS due_date,
		    -(i.principal_minor + i.fee_minor + i.late_fee_minor -
		    i.paid_minor) AS owed, -1 AS n
		FROM plan_installments i
		WHERE i.plan_id = OLD.id AND i.status = 'due'
		    AND OLD.status = 'active'
		UNION ALL SELECT NEW.currency, i.due_date,
		    i.principal_minor + i.fee_minor + i.late_fee_minor -
		    i.paid_minor, 1
		FROM plan_installments i
		WHERE i.plan_id = NEW.id AND i.status = 'due'
		    AND NEW.status = 'active') d
	    GROUP BY d.currency, d.due_date ORDER BY d.currency, d.due_date
	    ON DUPLICATE KEY UPDATE owed_minor =
		installments_due_days.owed_minor +
		VALUES(owed_minor), n = installments_due_days.n + VALUES(n); END IF;
