-- Demo catalog: categories and 26 products that exercise the rules.
-- durable (INST-06): 3C digital, home appliances, luxury, medical devices;
-- food and consumables are not. high_value (COD-04, REM-05): luxury goods,
-- high-end electronics, precision instruments. pre_order / customized /
-- special_customs (INST-07, COD-06). pay_after_use (PAU-02). flash_sale
-- (REM-04). Prices in minor units: USD, and some in EUR.
-- Idempotent like 010_reference.sql; tables with an AUTO_INCREMENT id get
-- one INSERT ... SELECT ... WHERE NOT EXISTS per row, which (unlike ON
-- DUPLICATE KEY UPDATE) uses no id when the row exists, so a second run
-- leaves even the tables' AUTO_INCREMENT counters as they were.

INSERT INTO categories (slug, name, durable, high_value)
	SELECT '3c-digital', '3C Digital', 1, 0
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = '3c-digital');
INSERT INTO categories (slug, name, durable, high_value)
	SELECT 'home-appliances', 'Home Appliances', 1, 0
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'home-appliances');
INSERT INTO categories (slug, name, durable, high_value)
	SELECT 'luxury', 'Luxury Goods', 1, 1
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'luxury');
INSERT INTO categories (slug, name, durable, high_value)
	SELECT 'medical-devices', 'Medical Devices', 1, 0
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'medical-devices');
INSERT INTO categories (slug, name, durable, high_value)
	SELECT 'food', 'Food', 0, 0
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'food');
INSERT INTO categories (slug, name, durable, high_value)
	SELECT 'consumables', 'Consumables', 0, 0
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'consumables');

INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-PHONE-X1', 'Nimbus X1 Smartphone 256 GB', 'Flagship phone with a 6.7-inch OLED display and a triple camera.', (SELECT id FROM categories WHERE slug = '3c-digital'), 89900, 'USD', 1, 0, 0, 0, 0, 0, 120
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-PHONE-X1');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-LAPTOP-PRO14', 'Aero Pro 14 Laptop', '14-inch laptop, 32 GB memory, 1 TB SSD.', (SELECT id FROM categories WHERE slug = '3c-digital'), 189900, 'USD', 1, 0, 0, 0, 0, 0, 40
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-LAPTOP-PRO14');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-TABLET-11', 'Slate 11 Tablet 128 GB', '11-inch tablet for reading, drawing and video.', (SELECT id FROM categories WHERE slug = '3c-digital'), 54900, 'USD', 0, 0, 0, 0, 0, 0, 200
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-TABLET-11');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-EARBUDS', 'Pulse Wireless Earbuds', 'Noise-cancelling earbuds with a charging case.', (SELECT id FROM categories WHERE slug = '3c-digital'), 12900, 'USD', 0, 0, 0, 0, 1, 0, 500
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-EARBUDS');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-WATCH3-PRE', 'Orbit Watch 3 (pre-order)', 'Smartwatch shipping next quarter; ordered now, delivered on release.', (SELECT id FROM categories WHERE slug = '3c-digital'), 39900, 'USD', 0, 1, 0, 0, 0, 0, 0
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-WATCH3-PRE');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-KEYBOARD-ENG', 'Engraved Mechanical Keyboard', 'Mechanical keyboard with your name engraved: made to order.', (SELECT id FROM categories WHERE slug = '3c-digital'), 18900, 'USD', 0, 0, 1, 0, 0, 0, 60
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-KEYBOARD-ENG');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-CAMERA-KIT', 'Lumen Mirrorless Camera Kit', 'Full-frame mirrorless body with a 24-70 mm lens.', (SELECT id FROM categories WHERE slug = '3c-digital'), 124900, 'EUR', 1, 0, 0, 0, 0, 0, 25
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-CAMERA-KIT');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-SPEAKER', 'Echo Bluetooth Speaker', 'Portable waterproof speaker, 20 hours of battery.', (SELECT id FROM categories WHERE slug = '3c-digital'), 22900, 'EUR', 0, 0, 0, 0, 1, 0, 300
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-SPEAKER');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'DIG-BALANCE-LAB', 'Precision Lab Balance 0.001 g', 'Laboratory balance, calibrated precision instrument.', (SELECT id FROM categories WHERE slug = '3c-digital'), 115000, 'USD', 1, 0, 0, 0, 0, 0, 15
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'DIG-BALANCE-LAB');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'HOME-VACUUM-R5', 'Cyclone R5 Robot Vacuum', 'Robot vacuum with lidar mapping and a self-emptying dock.', (SELECT id FROM categories WHERE slug = 'home-appliances'), 45900, 'USD', 0, 0, 0, 0, 0, 0, 80
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-VACUUM-R5');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'HOME-AIRFRYER', 'Crisp Air Fryer 5 L', 'Air fryer with eight programs.', (SELECT id FROM categories WHERE slug = 'home-appliances'), 11900, 'USD', 0, 0, 0, 0, 1, 0, 400
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-AIRFRYER');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'HOME-WASHER-8', 'AquaPro Washing Machine 8 kg', 'Front-loading washing machine, energy class A.', (SELECT id FROM categories WHERE slug = 'home-appliances'), 72900, 'USD', 0, 0, 0, 0, 0, 0, 30
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-WASHER-8');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'HOME-FRIDGE-400', 'Frost 400 L Refrigerator', 'Two-door refrigerator with a no-frost freezer.', (SELECT id FROM categories WHERE slug = 'home-appliances'), 89900, 'EUR', 0, 0, 0, 0, 0, 0, 20
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-FRIDGE-400');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'HOME-ESPRESSO', 'Barista Espresso Machine', 'Dual-boiler espresso machine with a grinder.', (SELECT id FROM categories WHERE slug = 'home-appliances'), 64900, 'EUR', 0, 0, 0, 0, 0, 0, 35
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-ESPRESSO');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'HOME-CURTAIN-MTM', 'Made-to-measure Motorised Curtain', 'Motorised curtain track cut to your window size.', (SELECT id FROM categories WHERE slug = 'home-appliances'), 34900, 'USD', 0, 0, 1, 0, 0, 0, 50
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-CURTAIN-MTM');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'LUX-CHRONO', 'Meridian Automatic Chronograph', 'Swiss automatic chronograph, sapphire crystal.', (SELECT id FROM categories WHERE slug = 'luxury'), 495000, 'EUR', 1, 0, 0, 0, 0, 0, 5
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'LUX-CHRONO');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'LUX-TOTE', 'Atelier Leather Tote', 'Hand-stitched calfskin tote bag.', (SELECT id FROM categories WHERE slug = 'luxury'), 235000, 'USD', 1, 0, 0, 0, 0, 0, 10
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'LUX-TOTE');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'LUX-PEN', 'Sovereign Fountain Pen', 'Gold-nib fountain pen in a lacquered case.', (SELECT id FROM categories WHERE slug = 'luxury'), 68000, 'USD', 1, 0, 0, 0, 0, 0, 20
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'LUX-PEN');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'MED-BPM', 'ClinicGrade Blood Pressure Monitor', 'Medical device: needs special customs clearance.', (SELECT id FROM categories WHERE slug = 'medical-devices'), 15900, 'USD', 0, 0, 0, 1, 0, 0, 70
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'MED-BPM');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'FOOD-OOLONG', 'Highland Oolong Tea 250 g', 'Hand-rolled oolong from high mountain gardens.', (SELECT id FROM categories WHERE slug = 'food'), 2400, 'USD', 0, 0, 0, 0, 1, 0, 600
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'FOOD-OOLONG');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'FOOD-COFFEE-1KG', 'Single-Origin Coffee Beans 1 kg', 'Medium roast, washed process.', (SELECT id FROM categories WHERE slug = 'food'), 3850, 'USD', 0, 0, 0, 0, 0, 0, 400
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'FOOD-COFFEE-1KG');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'FOOD-CHOCOLATE', 'Dark Chocolate Gift Box', 'Twenty-four pralines, 70 % cocoa.', (SELECT id FROM categories WHERE slug = 'food'), 2990, 'EUR', 0, 0, 0, 0, 0, 0, 250
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'FOOD-CHOCOLATE');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'FOOD-MOONCAKE', 'Mooncake Gift Set (flash sale)', 'Limited-time offer: payment is needed at once.', (SELECT id FROM categories WHERE slug = 'food'), 4500, 'USD', 0, 0, 0, 0, 0, 1, 100
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'FOOD-MOONCAKE');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'CONS-DIAPERS', 'Baby Diapers, 3 x 60', 'Size 4, hypoallergenic.', (SELECT id FROM categories WHERE slug = 'consumables'), 5900, 'USD', 0, 0, 0, 0, 1, 0, 800
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'CONS-DIAPERS');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'CONS-DETERGENT', 'Laundry Detergent 5 L', 'Concentrated, for 100 washes.', (SELECT id FROM categories WHERE slug = 'consumables'), 1990, 'USD', 0, 0, 0, 0, 0, 0, 900
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'CONS-DETERGENT');
INSERT INTO products (sku, name, description, category_id, price_minor, currency, high_value, pre_order, customized, special_customs, pay_after_use, flash_sale, stock)
	SELECT 'CONS-FILTERS', 'Water Filter Cartridges, 6-pack', 'Fits most pitcher filters.', (SELECT id FROM categories WHERE slug = 'consumables'), 4900, 'USD', 0, 0, 0, 0, 0, 0, 700
	FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM products WHERE sku = 'CONS-FILTERS');
