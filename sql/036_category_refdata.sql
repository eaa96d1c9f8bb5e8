-- The catalog's categories join the reference data that each mallpayd
-- worker caches under refdata_version (sql/013, src/db/refcache.h): a
-- change to a category bumps the version, so the next request of every
-- worker reads them again.

CREATE TRIGGER categories_ai_refdata AFTER INSERT ON categories FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER categories_au_refdata AFTER UPDATE ON categories FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;

CREATE TRIGGER categories_ad_refdata AFTER DELETE ON categories FOR EACH ROW
	UPDATE refdata_version SET version = GREATEST(version + 1,
	    CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)) WHERE id = 1;
