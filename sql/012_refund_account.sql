-- mallpay migration 012: the postal account a remittance refund is sent to
-- (REM-P8 "to the postal account the shopper gives"; also REM-P7's excess
-- refund, same table and channel).
--
-- account_name / account_number: what the shopper gave on the order page,
--   correctable until the refund is sent; account_given_at: when last given
--   (NULL: not given yet, the admin cannot mark the refund sent).
-- sent_by: the admin who marked it sent (sent_at exists since 007).

ALTER TABLE remittance_refunds
	ADD COLUMN account_name		VARCHAR(200) NULL,
	ADD COLUMN account_number	VARCHAR(64) NULL,
	ADD COLUMN account_given_at	BIGINT NULL,
	ADD COLUMN sent_by		BIGINT NULL;
