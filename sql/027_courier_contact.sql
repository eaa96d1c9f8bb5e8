-- mallpay migration 027: the courier who delivers, and duplicate vouchers
-- flagged on both orders.
--
-- shipments.courier_name, courier_phone: the delivering courier as the
-- logistics partner names them (its shipped and delivery scheduled events,
-- or its booking answer); the shopper reads them under "Logistics details"
-- on the order page. NULL until the partner names one.
ALTER TABLE shipments
	ADD COLUMN courier_name VARCHAR(64) NULL,
	ADD COLUMN courier_phone VARCHAR(32) NULL;

-- A voucher file identical to one sent earlier for another order flags the
-- later voucher (dup_of_file = the earlier file); from now on the earlier
-- voucher is flagged as well (dup_of_file = the later file). Vouchers
-- uploaded before this migration get the same back-reference here.
UPDATE remittance_vouchers a
	JOIN remittance_vouchers b ON b.dup_of_file = a.file_id
	    AND b.order_id <> a.order_id
	SET a.dup_of_file = b.file_id
	WHERE a.dup_of_file IS NULL;
