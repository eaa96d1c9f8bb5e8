-- mallpay migration 042: the delivery address frozen on an order is part
-- of the order's row.
--
-- orders.ship_*: the address an order ships to, copied from the address
-- book by the same INSERT that places the order, so that a later edit or
-- deletion in the book never changes a placed order: ship_address_id is
-- the book row it was copied from, ship_delivery_days what the order
-- promised (from the region of the address's country, COD-03/COD-05).
-- All NULL for an order placed before addresses existed (ship_recipient
-- IS NULL: no address). The copies that order_addresses kept move onto
-- their orders, and that table is dropped: nothing else reads it.
ALTER TABLE orders
	ADD COLUMN ship_address_id BIGINT NULL,
	ADD COLUMN ship_recipient VARCHAR(100) NULL,
	ADD COLUMN ship_line1 VARCHAR(120) NULL,
	ADD COLUMN ship_line2 VARCHAR(120) NULL,
	ADD COLUMN ship_city VARCHAR(80) NULL,
	ADD COLUMN ship_region VARCHAR(80) NULL,
	ADD COLUMN ship_postal_code VARCHAR(16) NULL,
	ADD COLUMN ship_country CHAR(2) NULL,
	ADD COLUMN ship_phone VARCHAR(32) NULL,
	ADD COLUMN ship_delivery_days INT NULL;

UPDATE orders o JOIN order_addresses a ON a.order_id = o.id
	SET o.ship_address_id = a.address_id, o.ship_recipient = a.recipient,
	o.ship_line1 = a.line1, o.ship_line2 = a.line2, o.ship_city = a.city,
	o.ship_region = a.region, o.ship_postal_code = a.postal_code,
	o.ship_country = a.country, o.ship_phone = a.phone,
	o.ship_delivery_days = a.delivery_days;

DROP TABLE order_addresses;
