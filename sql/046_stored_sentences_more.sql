-- mallpay migration 046: the remaining fixed sentences the services wrote
-- in English into an order's events (and a corporate application's) are
-- stored as a code with figures, as 045 did for the others (core/said.h):
-- remittance (REM-P3, P5 to P9), installments (INST-CC, INST-PC,
-- INST-CORP, INST-P1, INST-C2), Pay After Use (PAU-03, PAU-05, the charge
-- and its debt: PAU-04, INST-F1), a receipt confirmed, an admin's
-- cancellation, the COD review (COD-P1), a delivery paid at the door, an
-- after-sales return and its refund (COD-P7) and a refusal debt paid by
-- card (COD-F2). This turns the sentences already stored into that form;
-- what an admin, a partner, a shopper or a bank wrote stays as written,
-- as a figure of its sentence.
--
-- said_046: each sentence's code, the figures its pattern captures (tab
-- between) and the pattern of the English sentence; at most one pattern
-- matches a text.

CREATE TABLE said_046 (
	code	VARCHAR(32) NOT NULL,
	figs	VARCHAR(16) NOT NULL,
	rx	VARCHAR(255) NOT NULL
);

INSERT INTO said_046 (code, figs, rx) VALUES
	('rem_uploaded', '', '^REM-P3 voucher uploaded$'),
	('rem_matched', '', '^REM-P5 funds matched$'),
	('rem_ready', '', '^ready to ship \\(REM-P5\\)$'),
	('rem_paid_less', '', '^REM-P7 paid less than due$'),
	('rem_rejected', '', '^REM-P9 voucher rejected$'),
	('rem_window_ended', '', '^REM-P6 payment window ended$'),
	('rem_refund_due', '', '^REM-P8 refund due$'),
	('rem_refund_account', '', '^REM-P8 refund account given$'),
	('rem_refund_sent', '', '^REM-P8 refund sent$'),
	('rem_excess_sent', '', '^REM-P7 excess refund sent$'),
	('inst_cc_approved', '',
	 '^INST-CC approved by the bank in real time$'),
	('inst_pc_approved', '', '^INST-PC approved by the partner$'),
	('inst_pc_declined', '\\1', '^INST-PC declined by the partner: (.*)$'),
	('inst_corp_approved', '', '^INST-CORP application approved$'),
	('inst_corp_refused', '\\1', '^INST-CORP application refused: (.*)$'),
	('inst_corp_down', '\\1\t\\2',
	 '^INST-CORP down payment (.*) received by bank transfer (.*)$'),
	('inst_corp_effect', '',
	 '^INST-CORP agreement in effect and down payment received$'),
	('inst_confirmed', '',
	 '^INST-P1 installment confirmed, down payment paid$'),
	('inst_ready', '', '^INST-P1 ready to ship$'),
	('inst_terminated', '',
	 '^INST-C2 agreement terminated, refund recorded$'),
	('pau_auto_receipt', '',
	 '^PAU-03 receipt confirmed automatically after the delivery$'),
	('pau_returned', '',
	 '^PAU-05 returned before receipt was confirmed: nothing is charged$'),
	('pau_charged', '\\1\t\\2\t\\3',
	 '^PAU-03 (.*) deducted from the card ending (.*), ref (.*)$'),
	('pau_charge_failed', '\\1\t\\2',
	 '^PAU-04 deduction of (.*) failed \\((.*)\\): merchant settled from the guarantee, debt open$'),
	('pau_late_fee', '\\1\t\\2',
	 '^INST-F1 late fee of the PAU-04 debt now (.*) \\((.*)% a day\\)$'),
	('pau_retry_failed', '\\1\t\\2\t\\3',
	 '^PAU-04 retry ([0-9]+) of (.*) failed \\((.*)\\)$'),
	('pau_payment_failed', '\\1\t\\2',
	 '^PAU-04 payment by the shopper of (.*) failed \\((.*)\\)$'),
	('pau_debt_paid', '\\1\t\\2',
	 '^PAU-04 debt paid: (.*) \\(late fee included\\), ref (.*)$'),
	('receipt_confirmed', '', '^receipt confirmed by the shopper$'),
	('receipt_auto', '', '^receipt confirmed automatically \\(PAU-03\\)$'),
	('admin_cancelled_plain', '', '^cancelled by an admin: no reason given$'),
	('admin_cancelled', '\\1',
	 '^cancelled by an admin: (?!no reason given$)(.*)$'),
	('cod_review_passed', '', '^COD-P1 review passed$'),
	('cod_review_note', '\\1', '^COD-P1 review passed: (.*)$'),
	('cod_review_rejected', '\\1', '^COD-P1 review rejected: (.*)$'),
	('delivered_paid', '', '^delivered \\(payment reported\\)$'),
	('cod_return_requested', '\\1',
	 '^COD-P7 after-sales return requested: (.*)$'),
	('cod_refund_sent', '',
	 '^COD-P7 refund sent to the original payment account$'),
	('cod_debt_paid', '\\1\t\\2',
	 '^COD-F2 debt of (.*) paid by card \\(bank key (.*)\\)$');

-- said_046_text(t): t's stored form when a pattern matches it, else t.
CREATE FUNCTION said_046_text(t TEXT) RETURNS TEXT READS SQL DATA
RETURN COALESCE((SELECT CONCAT('{', s.code, '}', IF(s.figs = '', '',
	CONCAT(CHAR(9), REGEXP_REPLACE(t, s.rx, s.figs))))
	FROM said_046 s WHERE t REGEXP s.rx LIMIT 1), t);

-- Only the events a page reads as a sentence: a plan's or a voucher's
-- events keep their text. The trail is append-only (C-07, 001's trigger):
-- the trigger is lifted for this one rewrite of words, then put back as
-- it was.
DROP TRIGGER IF EXISTS events_no_update;
UPDATE events SET reason = said_046_text(reason)
WHERE subject_type IN ('order', 'application')
AND reason REGEXP '^(REM-|INST-|PAU-0|COD-|ready to ship |receipt confirmed |cancelled by an admin: |delivered \\()';

CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are append-only (C-07)';

DROP FUNCTION said_046_text;
DROP TABLE said_046;
