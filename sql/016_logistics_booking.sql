-- mallpay migration 016: which logistics partner an order is booked with.
--
-- An order is booked with one logistics partner: the one the mall booked
-- the shipment with through the logistics gateway, or else the first
-- partner that reports on it (its "shipped" event, as a rule). Events of
-- any other logistics partner on that order are refused (403) and change
-- nothing (service/logistics_events.c). Orders shipped by hand by an admin
-- with a carrier of their own have no booking until a partner reports.
CREATE TABLE order_logistics (
	order_id	BIGINT NOT NULL PRIMARY KEY,
	partner_id	BIGINT NOT NULL,
	booked_at	BIGINT NOT NULL,
	KEY order_logistics_partner (partner_id),
	CONSTRAINT order_logistics_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT order_logistics_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
