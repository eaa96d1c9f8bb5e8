-- mallpay migration 028: one message per event, grouped by order.
--
-- messages.order_id: the order a message is about (NULL: none), for the
-- Messages page's grouping; existing rows take the order number their
-- subject or body names ("order #N").
-- messages.topic: the event a message stands for (e.g. the automatic
-- deduction of one installment); a retry of the same event updates that
-- one message (repeats + 1, the newest wording, unread again, last_at)
-- instead of adding another. NULL: a one-off message.
-- messages.last_at: when the event last happened (created_at for one-off
-- messages); the inbox lists by it.

ALTER TABLE messages ADD COLUMN order_id BIGINT NULL,
	ADD COLUMN topic VARCHAR(100) NULL,
	ADD COLUMN repeats INT NOT NULL DEFAULT 1,
	ADD COLUMN last_at BIGINT NOT NULL DEFAULT 0,
	ADD UNIQUE KEY messages_topic (user_id, topic),
	ADD KEY messages_user_last (user_id, last_at),
	ADD KEY messages_company_last (company_id, last_at);

UPDATE messages SET last_at = created_at,
	order_id = CAST(NULLIF(REGEXP_SUBSTR(REGEXP_SUBSTR(CONCAT(subject, ' ',
	    body), '[Oo]rder #[0-9]+'), '[0-9]+'), '') AS UNSIGNED);
