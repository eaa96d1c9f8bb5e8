-- mallpay migration 003: the admin console (issue 10).
--
-- admin_decisions: one row per decided queue item and step, claimed with a
-- unique-key INSERT inside the deciding transaction, so an item decided by
-- one admin cannot be decided again by another who had the page open: the
-- second INSERT hits the key and reads who decided and when ("already
-- decided by X at T"). subject_type names the queue's table ('order',
-- 'voucher', 'application', 'company', 'plan'); step is the state the item
-- was decided in (an order can be reviewed once in awaiting_review and
-- verified once in awaiting_verification).
CREATE TABLE IF NOT EXISTS admin_decisions (
	subject_type	VARCHAR(16) CHARACTER SET ascii NOT NULL,
	subject_id	BIGINT NOT NULL,
	step		VARCHAR(32) CHARACTER SET ascii NOT NULL,
	decision	VARCHAR(32) NOT NULL,
	admin_id	BIGINT NOT NULL,
	decided_at	BIGINT NOT NULL,
	PRIMARY KEY (subject_type, subject_id, step),
	KEY admin_decisions_admin (admin_id, decided_at),
	CONSTRAINT admin_decisions_admin_fk FOREIGN KEY (admin_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- C-04: queues show each order's promised date from the columns checkout
-- (002) stores: review_due, payment_due, refund_due (see db/admin.c).

-- Admin sign-ins and failed sign-in attempts are events (subject_type
-- 'user', to_state 'signin' / 'signin_failed'); this index serves the
-- audit search by actor.
CREATE INDEX IF NOT EXISTS events_actor ON events (actor_type, actor_id, at);
