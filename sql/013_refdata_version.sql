-- mallpay migration 013: the reference-data version (issue 11).
--
-- Every mallpayd worker keeps the reference tables that checkout reads on
-- each view (settings, regions, countries, institutions, holidays, fx_rates)
-- in memory, labelled with the version it loaded them at. The session lookup
-- that starts every signed-in request reads refdata_version in the same
-- statement; a worker whose label differs loads the tables again. So a change
-- made by any writer (admin pages, mallpayctl, a hand-run UPDATE, on any
-- host) is seen by every worker on its next request, at no extra statement.
--
-- The triggers below bump the version on every row written. The new value is
-- at least the current time in microseconds, so that a version never comes
-- back after a restore of an older dump (the dump carries its own, smaller
-- version, and the next write jumps past every label handed out before).
--
-- With binary logging on, creating triggers needs the SUPER privilege or
-- log_bin_trust_function_creators = 1 (README, deployment).

CREATE TABLE refdata_version (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	version		BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO refdata_version (id, version) VALUES (1, 1);

CREATE TRIGGER settings_ai_refdata AFTER INSERT ON settings FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER settings_au_refdata AFTER UPDATE ON settings FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER settings_ad_refdata AFTER DELETE ON settings FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER regions_ai_refdata AFTER INSERT ON regions FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER regions_au_refdata AFTER UPDATE ON regions FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER regions_ad_refdata AFTER DELETE ON regions FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER countries_ai_refdata AFTER INSERT ON countries FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER countries_au_refdata AFTER UPDATE ON countries FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER countries_ad_refdata AFTER DELETE ON countries FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER institutions_ai_refdata AFTER INSERT ON institutions FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER institutions_au_refdata AFTER UPDATE ON institutions FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER institutions_ad_refdata AFTER DELETE ON institutions FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER holidays_ai_refdata AFTER INSERT ON holidays FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER holidays_au_refdata AFTER UPDATE ON holidays FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER holidays_ad_refdata AFTER DELETE ON holidays FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER fx_rates_ai_refdata AFTER INSERT ON fx_rates FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER fx_rates_au_refdata AFTER UPDATE ON fx_rates FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER fx_rates_ad_refdata AFTER DELETE ON fx_rates FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;
