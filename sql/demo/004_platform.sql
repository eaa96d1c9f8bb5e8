-- Demo partners (platform). Their HMAC keys derive from mallpay.conf's
-- [security] partner_key: `mallpayctl partner-sign --partner ID ...` signs.
INSERT IGNORE INTO partners (id, name, kind, key_version, enabled, created_at) VALUES (1, 'Demo Logistics', 'logistics', 1, 1, 0);
INSERT IGNORE INTO partners (id, name, kind, key_version, enabled, created_at) VALUES (2, 'Demo Finance', 'finance', 1, 1, 0);
INSERT IGNORE INTO partners (id, name, kind, key_version, enabled, created_at) VALUES (3, 'Demo Bank', 'bank', 1, 1, 0);
