-- mallpay migration 045: the fixed sentences the services wrote in English
-- into an order event's reason, a tracking event's detail and a COD debt's
-- description are stored as a code with figures, "{code}" and each figure
-- after a tab (core/said.h), so that every page reads them in its reader's
-- language. This turns the sentences already stored into that form; text
-- an admin, a partner or a shopper typed stays as typed.

UPDATE events SET reason = CONCAT('{shipped}', CHAR(9), REGEXP_REPLACE(reason, '^COD-P2 shipped with (.*), tracking (.*)$', CONCAT('\\1', CHAR(9), '\\2')))
WHERE reason REGEXP '^COD-P2 shipped with (.*), tracking (.*)$';

UPDATE events SET reason = '{delivered_courier}'
WHERE reason REGEXP '^delivered by the courier$';

UPDATE events SET reason = '{delivered}'
WHERE reason REGEXP '^delivered to the shopper$';

UPDATE events SET reason = '{returned_uncharged}'
WHERE reason REGEXP '^PAU-05 goods received by the merchant before receipt was confirmed; nothing was charged$';

UPDATE events SET reason = CONCAT('{returned_refund}', CHAR(9), REGEXP_REPLACE(reason, '^COD-P7 goods received by the merchant; refund due (.*) to (.*)$', CONCAT('\\1', CHAR(9), '\\2')))
WHERE reason REGEXP '^COD-P7 goods received by the merchant; refund due (.*) to (.*)$';

UPDATE events SET reason = CONCAT('{unpaid_cancelled}', CHAR(9), REGEXP_REPLACE(reason, '^COD-P5 not paid by the agreed delivery day (.*): cancelled \\(COD-P6: a delivery delay does not affect COD permission\\)$', CONCAT('\\1')))
WHERE reason REGEXP '^COD-P5 not paid by the agreed delivery day (.*): cancelled \\(COD-P6: a delivery delay does not affect COD permission\\)$';

UPDATE events SET reason = CONCAT('{refused_valid}', CHAR(9), REGEXP_REPLACE(reason, '^COD-P4 refused on inspection \\((.*)\\): cancelled at no cost to the shopper; not counted against COD permission$', CONCAT('\\1')))
WHERE reason REGEXP '^COD-P4 refused on inspection \\((.*)\\): cancelled at no cost to the shopper; not counted against COD permission$';

UPDATE events SET reason = CONCAT('{refused_charged}', CHAR(9), REGEXP_REPLACE(reason, '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE reason REGEXP '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$';

UPDATE events SET reason = '{refused}'
WHERE reason REGEXP '^refused without a valid reason$';

UPDATE events SET reason = CONCAT('{rescheduled}', CHAR(9), REGEXP_REPLACE(reason, '^delivery rescheduled to (.*) \\(COD-P5: rescheduling ([0-9]+) of ([0-9]+)\\)$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE reason REGEXP '^delivery rescheduled to (.*) \\(COD-P5: rescheduling ([0-9]+) of ([0-9]+)\\)$';

UPDATE events SET reason = CONCAT('{agreed}', CHAR(9), REGEXP_REPLACE(reason, '^delivery agreed for (.*) \\(COD-P2\\)$', CONCAT('\\1')))
WHERE reason REGEXP '^delivery agreed for (.*) \\(COD-P2\\)$';

UPDATE events SET reason = CONCAT('{payment_reported}', CHAR(9), REGEXP_REPLACE(reason, '^COD-P3 payment reported: (.*) by (.*), courier record (.*)$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE reason REGEXP '^COD-P3 payment reported: (.*) by (.*), courier record (.*)$';

UPDATE events SET reason = '{shopper_paid_photo}'
WHERE reason REGEXP '^COD-P3 the shopper reported paying the courier \\(voucher photo\\)$';

UPDATE events SET reason = CONCAT('{shopper_paid_record}', CHAR(9), REGEXP_REPLACE(reason, '^COD-P3 the shopper reported paying the courier \\(record (.*)\\)$', CONCAT('\\1')))
WHERE reason REGEXP '^COD-P3 the shopper reported paying the courier \\(record (.*)\\)$';

UPDATE events SET reason = CONCAT('{placed_at}', CHAR(9), REGEXP_REPLACE(reason, '^checkout: placed with ([a-z_]+) at (.*)$', CONCAT('\\1', CHAR(9), '\\2')))
WHERE reason REGEXP '^checkout: placed with ([a-z_]+) at (.*)$';

UPDATE events SET reason = CONCAT('{placed}', CHAR(9), REGEXP_REPLACE(reason, '^checkout: placed with ([a-z_]+)$', CONCAT('\\1')))
WHERE reason REGEXP '^checkout: placed with ([a-z_]+)$';

UPDATE tracking_events SET detail = CONCAT('{shipped}', CHAR(9), REGEXP_REPLACE(detail, '^COD-P2 shipped with (.*), tracking (.*)$', CONCAT('\\1', CHAR(9), '\\2')))
WHERE detail REGEXP '^COD-P2 shipped with (.*), tracking (.*)$';

UPDATE tracking_events SET detail = '{delivered_courier}'
WHERE detail REGEXP '^delivered by the courier$';

UPDATE tracking_events SET detail = '{delivered}'
WHERE detail REGEXP '^delivered to the shopper$';

UPDATE tracking_events SET detail = '{returned_uncharged}'
WHERE detail REGEXP '^PAU-05 goods received by the merchant before receipt was confirmed; nothing was charged$';

UPDATE tracking_events SET detail = CONCAT('{returned_refund}', CHAR(9), REGEXP_REPLACE(detail, '^COD-P7 goods received by the merchant; refund due (.*) to (.*)$', CONCAT('\\1', CHAR(9), '\\2')))
WHERE detail REGEXP '^COD-P7 goods received by the merchant; refund due (.*) to (.*)$';

UPDATE tracking_events SET detail = CONCAT('{unpaid_cancelled}', CHAR(9), REGEXP_REPLACE(detail, '^COD-P5 not paid by the agreed delivery day (.*): cancelled \\(COD-P6: a delivery delay does not affect COD permission\\)$', CONCAT('\\1')))
WHERE detail REGEXP '^COD-P5 not paid by the agreed delivery day (.*): cancelled \\(COD-P6: a delivery delay does not affect COD permission\\)$';

UPDATE tracking_events SET detail = CONCAT('{refused_valid}', CHAR(9), REGEXP_REPLACE(detail, '^COD-P4 refused on inspection \\((.*)\\): cancelled at no cost to the shopper; not counted against COD permission$', CONCAT('\\1')))
WHERE detail REGEXP '^COD-P4 refused on inspection \\((.*)\\): cancelled at no cost to the shopper; not counted against COD permission$';

UPDATE tracking_events SET detail = CONCAT('{refused_charged}', CHAR(9), REGEXP_REPLACE(detail, '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE detail REGEXP '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$';

UPDATE tracking_events SET detail = '{refused}'
WHERE detail REGEXP '^refused without a valid reason$';

UPDATE tracking_events SET detail = CONCAT('{rescheduled}', CHAR(9), REGEXP_REPLACE(detail, '^delivery rescheduled to (.*) \\(COD-P5: rescheduling ([0-9]+) of ([0-9]+)\\)$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE detail REGEXP '^delivery rescheduled to (.*) \\(COD-P5: rescheduling ([0-9]+) of ([0-9]+)\\)$';

UPDATE tracking_events SET detail = CONCAT('{agreed}', CHAR(9), REGEXP_REPLACE(detail, '^delivery agreed for (.*) \\(COD-P2\\)$', CONCAT('\\1')))
WHERE detail REGEXP '^delivery agreed for (.*) \\(COD-P2\\)$';

UPDATE tracking_events SET detail = CONCAT('{payment_reported}', CHAR(9), REGEXP_REPLACE(detail, '^COD-P3 payment reported: (.*) by (.*), courier record (.*)$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE detail REGEXP '^COD-P3 payment reported: (.*) by (.*), courier record (.*)$';

UPDATE tracking_events SET detail = '{shopper_paid_photo}'
WHERE detail REGEXP '^COD-P3 the shopper reported paying the courier \\(voucher photo\\)$';

UPDATE tracking_events SET detail = CONCAT('{shopper_paid_record}', CHAR(9), REGEXP_REPLACE(detail, '^COD-P3 the shopper reported paying the courier \\(record (.*)\\)$', CONCAT('\\1')))
WHERE detail REGEXP '^COD-P3 the shopper reported paying the courier \\(record (.*)\\)$';

UPDATE tracking_events SET detail = CONCAT('{placed_at}', CHAR(9), REGEXP_REPLACE(detail, '^checkout: placed with ([a-z_]+) at (.*)$', CONCAT('\\1', CHAR(9), '\\2')))
WHERE detail REGEXP '^checkout: placed with ([a-z_]+) at (.*)$';

UPDATE tracking_events SET detail = CONCAT('{placed}', CHAR(9), REGEXP_REPLACE(detail, '^checkout: placed with ([a-z_]+)$', CONCAT('\\1')))
WHERE detail REGEXP '^checkout: placed with ([a-z_]+)$';

UPDATE account_debts SET description = CONCAT('{refused_charged}', CHAR(9), REGEXP_REPLACE(description, '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$', CONCAT('\\1', CHAR(9), '\\2', CHAR(9), '\\3')))
WHERE description REGEXP '^COD-F2 refused without a valid reason: (.*) \\(round-trip shipping (.*) \\+ service fee (.*)\\) charged to the account$';
