-- mallpay migration 029: admin roles, invitations and disabled admins.
--
-- admin_accounts: one row per admin (users.kind = 'admin').
--   roles        bits of what the admin may do (core/admin_role.h):
--                1 reviewer (queues and decisions), 2 finance (payments,
--                transfers, refunds, payouts, reconciliation, reports),
--                4 settings (institutions, rates, regions, holidays,
--                exchange rates, platform settings), 8 owner (admins and
--                their roles). An admin without a row has no role.
--   disabled_at  set while the admin is disabled (cannot sign in)
--   invite_hash  SHA-256 (hex) of the one-time invitation token while the
--                invitee has not set a password yet; NULL once accepted
--   invite_expires_at  when the invitation link stops working
-- Every admin that exists before this migration keeps every role.
CREATE TABLE admin_accounts (
	user_id			BIGINT NOT NULL PRIMARY KEY,
	roles			TINYINT UNSIGNED NOT NULL DEFAULT 0,
	disabled_at		BIGINT NULL,
	invite_hash		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
	invite_expires_at	BIGINT NULL,
	invited_by		BIGINT NULL,
	updated_at		BIGINT NOT NULL,
	UNIQUE KEY admin_accounts_invite (invite_hash),
	CONSTRAINT admin_accounts_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT admin_accounts_roles_ck CHECK (roles <= 15)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO admin_accounts (user_id, roles, updated_at)
	SELECT id, 15, created_at FROM users WHERE kind = 'admin';
