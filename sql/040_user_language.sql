-- The language an account chose for its pages, messages and SMS texts
-- (a BCP 47 tag of core/i18n.h: 'en', 'zh-CN', 'ar', 'ms'); NULL: not
-- chosen, the browser's Accept-Language or the address's country decides.
ALTER TABLE users
	ADD COLUMN language VARCHAR(8) NULL;
