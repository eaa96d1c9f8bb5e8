-- mallpay migration 026: the REM-P8 refund job reads only what is due.
--
-- orders.cancel_refund_check: 1 from the moment a post office remittance
-- order is cancelled (set by the status change itself, in its
-- transaction) until the scheduler has looked at it once: it then writes
-- the cancellation refund when money had been received and clears the
-- mark in the same transaction. The job selects by this index only, so
-- an idle run costs the same with 500 or 5,000,000 cancelled orders.
-- NULL everywhere else, so the index holds only the orders still to look at.

ALTER TABLE orders ADD COLUMN cancel_refund_check TINYINT NULL,
	ADD KEY orders_cancel_refund_check (cancel_refund_check);

-- Orders cancelled before this migration that are still owed their
-- refund: marked once, here.
UPDATE orders o SET o.cancel_refund_check = 1
WHERE o.method = 'remittance' AND o.status = 'cancelled'
AND NOT EXISTS (SELECT 1 FROM remittance_refunds r WHERE r.order_id = o.id
	AND r.kind = 'cancel')
AND EXISTS (SELECT 1 FROM remittance_vouchers w WHERE w.order_id = o.id
	AND w.status = 'accepted' AND w.received_minor > 0);
