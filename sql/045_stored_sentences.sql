-- mallpay migration 045: the fixed sentences the services wrote in English
-- into an order event's reason, a tracking event's detail, a COD debt's
-- description and an order's settlement note are stored as a code with figures: "{code}" and each figure
-- after a tab (core/said.h), so that every page reads them in its reader's
-- language. This turns the sentences already stored into that form; text
-- an admin, a partner or a shopper typed stays as typed, and a settlement
-- note written in another language stays as written.
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
	 '^checkout: placed with ([a-z_]+)$'),
	('settles_mixed', '\\1',
	 '^The cart mixes currencies: the order settles in USD, each unit price converted at the exchange rate of (.*)\\.$'),
	('settles_usd', '',
	 '^The order settles in USD, the currency of its items\\.$'),
	('settles_in', '\\1\t\\2\t\\4',
	 '^The order settles in ([A-Z]{3}), the currency of its items \\(USD (.*) per ([A-Z]{3}), rate of (.*)\\)\\.$');

-- said_045_text(t): t's stored form when a pattern matches it, else t.
CREATE FUNCTION said_045_text(t TEXT) RETURNS TEXT READS SQL DATA
RETURN COALESCE((SELECT CONCAT('{', s.code, '}', IF(s.figs = '', '',
	CONCAT(CHAR(9), REGEXP_REPLACE(t, s.rx, s.figs))))
	FROM said_045 s WHERE t REGEXP s.rx LIMIT 1), t);

-- The trail is append-only (C-07, 001's trigger): the trigger is lifted
-- for this one rewrite of words, then put back as it was.
DROP TRIGGER IF EXISTS events_no_update;
UPDATE events SET reason = said_045_text(reason)
WHERE reason REGEXP '^(COD-|PAU-05 |delivered |refused |checkout: )';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are append-only (C-07)';
UPDATE tracking_events SET detail = said_045_text(detail);
UPDATE account_debts SET description = said_045_text(description)
WHERE description LIKE 'COD-F2 %';
UPDATE orders SET settlement_note = said_045_text(settlement_note)
WHERE settlement_note LIKE 'The %';

DROP FUNCTION said_045_text;
DROP TABLE said_045;
