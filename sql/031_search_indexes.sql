-- mallpay migration 031: the indexes of the admin console's search and
-- order list.
--
-- A search by tracking number reads shipments (the courier's number) and
-- remittance_vouchers (the post office's number of a remittance) by index;
-- an order number is the primary key, a remittance code orders_rf_code
-- (007), an email or company name prefix users_email / companies_name.
-- The order list's date sort and date range read orders_created.

CREATE INDEX IF NOT EXISTS shipments_tracking ON shipments (tracking);
CREATE INDEX IF NOT EXISTS remittance_vouchers_tracking ON remittance_vouchers (tracking);
CREATE INDEX IF NOT EXISTS orders_created ON orders (created_at, id);
CREATE INDEX IF NOT EXISTS orders_company_created ON orders (company_id, created_at);
