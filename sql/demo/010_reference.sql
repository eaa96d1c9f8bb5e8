-- Demo reference data: regions, countries, exchange rates, holidays and
-- institutions. Run by `mallpayctl seed-demo` after the migrations; every
-- statement is an insert that leaves existing rows alone, so running it
-- twice changes nothing: ON DUPLICATE KEY UPDATE of the key to itself for
-- tables keyed by a natural key (a no-op that, unlike INSERT IGNORE, still
-- fails loudly on bad data), INSERT ... SELECT ... WHERE NOT EXISTS for
-- tables with an AUTO_INCREMENT id (no id is used up when the row exists).
-- Amounts are USD minor units; rates exact decimals.

-- Regions (COD-01/03/05, COD-F1). REMOTE keeps COD switched on so that its
-- 12-day delivery (COD-05) is the one rule that refuses COD there.
INSERT INTO regions (code, name, cod_supported, cod_fee_percent, cod_max_usd_minor, delivery_days, domestic) VALUES
	('SEA', 'Southeast Asia', 1, '4', NULL, 5, 0),
	('ME', 'Middle East', 1, '5', 150000, 6, 0),
	('EU-COD', 'Europe (COD countries)', 1, '3.5', 100000, 6, 0),
	('EU', 'Europe', 0, '4', NULL, 7, 0),
	('NA', 'North America', 0, '4', NULL, 7, 0),
	('EA', 'East Asia', 0, '4', NULL, 6, 0),
	('CN-BONDED', 'Domestic bonded warehouse', 1, '3', NULL, 2, 1),
	('REMOTE', 'Remote areas', 1, '4', NULL, 12, 0)
	ON DUPLICATE KEY UPDATE code = code;

-- Countries. delivery_days NULL: the region's. KP is high-risk for
-- installments (INST-08); PH and VN have lower postal remittance limits
-- (REM-01); PN and FK are remote (12 days, COD-05).
INSERT INTO countries (code, name, region_code, delivery_days, installment_high_risk, remittance_limit_usd_minor) VALUES
	('MY', 'Malaysia', 'SEA', NULL, 0, NULL),
	('SG', 'Singapore', 'SEA', 3, 0, NULL),
	('TH', 'Thailand', 'SEA', NULL, 0, NULL),
	('ID', 'Indonesia', 'SEA', 7, 0, NULL),
	('PH', 'Philippines', 'SEA', 6, 0, 300000),
	('VN', 'Viet Nam', 'SEA', NULL, 0, 200000),
	('AE', 'United Arab Emirates', 'ME', NULL, 0, NULL),
	('SA', 'Saudi Arabia', 'ME', NULL, 0, NULL),
	('PL', 'Poland', 'EU-COD', NULL, 0, NULL),
	('ES', 'Spain', 'EU-COD', NULL, 0, NULL),
	('IT', 'Italy', 'EU-COD', NULL, 0, NULL),
	('DE', 'Germany', 'EU', NULL, 0, NULL),
	('FR', 'France', 'EU', NULL, 0, NULL),
	('GB', 'United Kingdom', 'EU', NULL, 0, NULL),
	('US', 'United States', 'NA', NULL, 0, NULL),
	('CA', 'Canada', 'NA', 8, 0, NULL),
	('JP', 'Japan', 'EA', NULL, 0, NULL),
	('KP', 'Korea (Democratic People''s Republic of)', 'EA', NULL, 1, NULL),
	('CN', 'China (bonded warehouse)', 'CN-BONDED', NULL, 0, NULL),
	('PN', 'Pitcairn Islands', 'REMOTE', NULL, 0, NULL),
	('FK', 'Falkland Islands', 'REMOTE', NULL, 0, NULL)
	ON DUPLICATE KEY UPDATE code = code;

-- Exchange rates (C-02): USD for one unit. EUR changes on 2026-10-01 so that
-- the rate in force depends on the date.
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'USD', '1.00000000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'USD' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'EUR', '1.08000000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'EUR' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'EUR', '1.16000000', '2026-10-01', 1790812800
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'EUR' AND effective_from = '2026-10-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'GBP', '1.27000000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'GBP' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'JPY', '0.00670000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'JPY' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'MYR', '0.21300000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'MYR' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'AED', '0.27229408', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'AED' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'CNY', '0.13900000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'CNY' AND effective_from = '2026-01-01');
INSERT INTO fx_rates (currency, usd_per_unit, effective_from, created_at)
	SELECT 'SGD', '0.74200000', '2026-01-01', 1767225600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM fx_rates WHERE currency = 'SGD' AND effective_from = '2026-01-01');

-- Holidays (C-04): non-business days besides weekends.
INSERT INTO holidays (day, name) VALUES
	('2026-11-26', 'Thanksgiving Day'),
	('2026-12-24', 'Christmas Eve'),
	('2026-12-25', 'Christmas Day'),
	('2026-12-31', 'New Year''s Eve'),
	('2027-01-01', 'New Year''s Day'),
	('2027-02-08', 'Lunar New Year'),
	('2027-04-02', 'Good Friday'),
	('2027-05-03', 'Labour Day (observed)')
	ON DUPLICATE KEY UPDATE day = day;

-- Institutions (INST-CC/PC/CORP/CL, INST-05 minimums, INST-M3 fee mode,
-- INST-F1 late fee per day, INST-F3 waiving of future fees). Rates are
-- percent: '0.80' = 0.80 % a month, late '0.05' = 0.05 % a day.
INSERT INTO institutions (id, name, method, min_usd_minor, low_threshold, terms, monthly_rate, fee_mode, waives_future_fees, late_fee_rate, enabled) VALUES
	('harbor-bank', 'Harbor Bank', 'installment_card', 30000, 1, '3,6,12,24', '0.80', 'spread', 1, '0.05', 1),
	('summit-bank', 'Summit Bank', 'installment_card', 50000, 0, '3,6,12', '1.20', 'upfront', 0, '0.05', 1),
	('lotus-finance', 'Lotus Consumer Finance', 'installment_partner', 50000, 0, '3,6,9,12', '1.00', 'spread', 0, '0.05', 1),
	('mallpay-corporate', 'Mallpay Corporate Installment', 'installment_corporate', 50000, 0, '3,4,5,6', '0.80', 'spread', 1, '0.05', 1),
	('mallpay-credit', 'Mallpay Credit Line', 'credit_line', 50000, 0, '3,6,12', '1.00', 'spread', 1, '0.05', 1)
	ON DUPLICATE KEY UPDATE id = id;
