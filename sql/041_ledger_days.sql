-- mallpay migration 041: the ledger's daily totals, and the indexes that
-- keep the admin console's lists and queues flat as the book grows.
--
-- ledger_days: the ledger lines (014) summed per UTC day (FLOOR(created_at
--   / 86400)), currency, account class, kind, the order's payment method
--   ('' for a line without an order), whether the line belongs to a plan,
--   and the sign of the amount (1 debit, -1 credit, 0 zero). The account
--   class is the account's path without its owner: buyer:<id>:receivable
--   is 'buyer:receivable', partner:<id>:clearing 'partner:clearing', an
--   account of two parts is itself. Day -1 holds the same sums over all
--   days: the balances the dashboard shows (outstanding, refunds open).
--   The money reports and the dashboard read days from here, never the
--   lines: a report of 30 days reads 30 days of totals whatever the
--   number of orders.
--
-- Each key is spread over 16 rows (slot: the inserting connection's id
-- modulo 16), so postings of the same day, kind and method from
-- concurrent transactions do not wait on one row's lock until they
-- commit (nor conflict on one row between Galera nodes); readers sum the
-- slots.
--
-- The trigger below adds each line to its day and to day -1 in the
-- transaction that inserts it (an entry's one multi-row INSERT): a
-- committed entry is always in its totals, a rolled-back one never. An
-- order's method never changes after the order is placed, so the method a
-- line is counted under stays right. `mallpayctl check` compares every
-- day with the sums of its lines and day -1 with the sum of the days.

CREATE TABLE ledger_days (
	day		INT NOT NULL,
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	acct_class	VARCHAR(64) CHARACTER SET ascii NOT NULL,
	kind		VARCHAR(24) CHARACTER SET ascii NOT NULL,
	method		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	plan		TINYINT NOT NULL,
	sign		TINYINT NOT NULL,
	slot		TINYINT NOT NULL DEFAULT 0,
	sum_minor	BIGINT NOT NULL,
	line_count	BIGINT NOT NULL,
	PRIMARY KEY (currency, day, acct_class, kind, method, plan, sign, slot)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- The existing lines, summed once: their days, then day -1.
INSERT INTO ledger_days (day, currency, acct_class, kind, method, plan,
    sign, sum_minor, line_count)
SELECT FLOOR(l.created_at / 86400), l.currency,
    IF(LENGTH(l.account) - LENGTH(REPLACE(l.account, ':', '')) >= 2,
	CONCAT(SUBSTRING_INDEX(l.account, ':', 1), ':',
	SUBSTRING_INDEX(l.account, ':', -1)), l.account),
    l.kind, COALESCE(o.method, ''), l.plan_id IS NOT NULL,
    SIGN(l.amount_minor), SUM(l.amount_minor), COUNT(*)
FROM ledger_lines l LEFT JOIN orders o ON o.id = l.order_id
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO ledger_days (day, currency, acct_class, kind, method, plan,
    sign, sum_minor, line_count)
SELECT -1, currency, acct_class, kind, method, plan, sign, SUM(sum_minor),
    SUM(line_count)
FROM ledger_days GROUP BY 2, 3, 4, 5, 6, 7;

-- Each new line into its day and day -1: the account's class and the
-- line's method as in the sums above.
CREATE TRIGGER ledger_lines_ai_days AFTER INSERT ON ledger_lines FOR EACH ROW
	INSERT INTO ledger_days (day, currency, acct_class, kind, method,
	    plan, sign, slot, sum_minor, line_count)
	SELECT d.day, NEW.currency,
	    IF(LENGTH(NEW.account) - LENGTH(REPLACE(NEW.account, ':', '')) >= 2,
		CONCAT(SUBSTRING_INDEX(NEW.account, ':', 1), ':',
		SUBSTRING_INDEX(NEW.account, ':', -1)), NEW.account),
	    NEW.kind, COALESCE((SELECT o.method FROM orders o
		WHERE o.id = NEW.order_id), ''),
	    NEW.plan_id IS NOT NULL, SIGN(NEW.amount_minor),
	    CONNECTION_ID() % 16, NEW.amount_minor, 1
	FROM (SELECT FLOOR(NEW.created_at / 86400) AS day UNION ALL
	    SELECT -1) d
	ON DUPLICATE KEY UPDATE sum_minor = sum_minor + NEW.amount_minor,
	    line_count = line_count + 1;

-- The orders browser's pages by status (newest first, a keyset on
-- created_at and id) and the dashboard's queue figures, read from the
-- index alone (status and method first: the queues are few orders).
CREATE INDEX IF NOT EXISTS orders_status_created ON orders (status, created_at, id);
CREATE INDEX IF NOT EXISTS orders_queue ON orders (status, method, created_at,
    review_due, payment_due, refund_due);

