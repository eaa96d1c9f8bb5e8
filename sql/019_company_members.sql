-- mallpay migration 019: company accounts with an owner and members who act
-- for their company (RULES.md section 5), each with what they may do.
--
-- company_roles: the role of a member (users.company_id says who is a
-- member). A member without a row keeps what members could always do (every
-- permission); the company's owner is the member whose row says so, or,
-- while a company has no such row, its first member (lowest user id).
--   is_owner    invites and removes members, grants permissions
--   can_order   places orders for the company (and applies for them)
--   can_sign    signs corporate installment agreements
--   can_upload  uploads and submits qualification documents
CREATE TABLE company_roles (
	user_id			BIGINT NOT NULL PRIMARY KEY,
	company_id		BIGINT NOT NULL,
	is_owner		TINYINT(1) NOT NULL DEFAULT 0,
	can_order		TINYINT(1) NOT NULL DEFAULT 1,
	can_sign		TINYINT(1) NOT NULL DEFAULT 1,
	can_upload		TINYINT(1) NOT NULL DEFAULT 1,
	updated_by		BIGINT NULL,
	updated_at		BIGINT NOT NULL,
	KEY company_roles_company (company_id, is_owner),
	CONSTRAINT company_roles_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT company_roles_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An invitation of an email address by the owner. Only the SHA-256 of its
-- token is kept (the link carries the token). It is accepted once, by the
-- user signed in with that email, within 14 days; the owner may revoke it.
CREATE TABLE company_invitations (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id		BIGINT NOT NULL,
	email			VARCHAR(254) NOT NULL,
	token_hash		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	can_order		TINYINT(1) NOT NULL DEFAULT 0,
	can_sign		TINYINT(1) NOT NULL DEFAULT 0,
	can_upload		TINYINT(1) NOT NULL DEFAULT 0,
	status			ENUM('pending','accepted','revoked') NOT NULL DEFAULT 'pending',
	invited_by		BIGINT NOT NULL,
	created_at		BIGINT NOT NULL,
	expires_at		BIGINT NOT NULL,
	accepted_by		BIGINT NULL,
	accepted_at		BIGINT NULL,
	UNIQUE KEY company_invitations_token (token_hash),
	KEY company_invitations_company (company_id, status),
	CONSTRAINT company_invitations_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Orders of a company, newest first (My Orders of its members).
CREATE INDEX orders_company_created ON orders (company_id, created_at);
