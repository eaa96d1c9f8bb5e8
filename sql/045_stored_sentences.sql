-- mallpay migration 045: the fixed sentences the services wrote in English
-- into an order event's reason, a tracking event's detail and a COD debt's
-- description are stored as a code with figures: "{code}" and each figure
-- after a tab (core/said.h), so that every page reads them in its reader's
-- language. This turns the sentences already stored into that form; text
-- an admin, a partner or a shopper typed stays as typed.
--
-- said_045: each sentence's code, the figures its pattern captures (tab
-- between) and the pattern of the English sentence; at most one pattern
-- matches a text.

CREATE TABLE said_045 (
	code	VARCHAR(32) NOT NULL,
	figs	VARCHAR(16) NOT NULL,
	rx	VARCHAR(255) NOT NULL
);

INSERT INTO said_045 (code, figs, rx) VALUES
	('shipped', '\\1\t\\2',
	 '^COD-P2 shipped with (.*), tracking (.*)$'),
	('delivered_courier', '',
	 '^delivered by the courier$'),
	('delivered', '',
	 '^delivered to the shopper$'),
	('returned_uncharged', '',
	 '^PAU-05 goods received by the merchant before receipt was confirmed; nothing was charged$'),
	('returned_refund', '\\1\t\\2',
	 '^COD-P7 goods received by the merchant; refund due (.*) to (.*)$'),
	('unpaid_cancelled', '\\1',
	 '^COD-P5 not paid by the agreed delivery day (.*): cancelled \\(COD-P6: a delivery delay does not affect COD permission\\)$'),
	('refused_valid', '\\1',
	 '^COD-P4 refused on inspection \\((.*)\\): cancelled at no cost to the shopper; not counted against COD permission$'),
	('refused_charged', '\\1\t\\2\t\\3',
	 '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$'),
	('refused', '',
	 '^refused without a valid reason$'),
	('rescheduled', '\\1\t\\2\t\\3',
	 '^delivery rescheduled to (.*) \\(COD-P5: rescheduling ([0-9]+) of ([0-9]+)\\)$'),
	('agreed', '\\1',
	 '^delivery agreed for (.*) \\(COD-P2\\)$'),
	('payment_reported', '\\1\t\\2\t\\3',
	 '^COD-P3 payment reported: (.*) by (.*), courier record (.*)$'),
	('shopper_paid_photo', '',
	 '^COD-P3 the shopper reported paying the courier \\(voucher photo\\)$'),
	('shopper_paid_record', '\\1',
	 '^COD-P3 the shopper reported paying the courier \\(record (.*)\\)$'),
	('placed_at', '\\1\t\\2',
	 '^checkout: placed with ([a-z_]+) at (.*)$'),
	('placed', '\\1',
	 '^checkout: placed with ([a-z_]+)$');

UPDATE events e JOIN said_045 s ON e.reason REGEXP s.rx
SET e.reason = CONCAT('{', s.code, '}', IF(s.figs = '', '',
	CONCAT(CHAR(9), REGEXP_REPLACE(e.reason, s.rx, s.figs))));

UPDATE tracking_events t JOIN said_045 s ON t.detail REGEXP s.rx
SET t.detail = CONCAT('{', s.code, '}', IF(s.figs = '', '',
	CONCAT(CHAR(9), REGEXP_REPLACE(t.detail, s.rx, s.figs))));

UPDATE account_debts d JOIN said_045 s ON d.description REGEXP s.rx
SET d.description = CONCAT('{', s.code, '}', IF(s.figs = '', '',
	CONCAT(CHAR(9), REGEXP_REPLACE(d.description, s.rx, s.figs))));

DROP TABLE said_045;
