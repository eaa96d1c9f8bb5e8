-- mallpay migration 009: corporate buyers (issue 7; RULES INST-03, INST-04,
-- INST-CORP, COD-02, REM-02, INST-S1, section 5).
--
-- companies.qualification_status is the company's effective status:
--   unverified    nothing verified (never, or the licence expired)
--   submitted     documents submitted, waiting for an admin (review_due)
--   under_review  an admin started the review
--   verified      verified and not expired (qualification_expires = the
--                 licence's expiry date, its last valid day)
--   rejected      the last submission was rejected (reason on it)
-- A verified company that submits renewed documents stays verified while
-- they are reviewed; 'pending' is kept for older rows and means submitted.
ALTER TABLE companies MODIFY qualification_status
	ENUM('unverified','pending','submitted','under_review','verified','rejected')
	NOT NULL DEFAULT 'unverified';

-- One qualification submission of a company: documents are attached while
-- it is a draft, then it is submitted (review due in 3 business days, C-04),
-- reviewed and decided. A rejected company starts a new draft.
CREATE TABLE company_qualifications (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	company_id		BIGINT NOT NULL,
	status			ENUM('draft','submitted','under_review','verified','rejected') NOT NULL,
	licence_expires		DATE NULL,
	review_due		DATE NULL,
	submitted_by		BIGINT NULL,
	submitted_at		BIGINT NULL,
	reviewer_id		BIGINT NULL,
	decided_at		BIGINT NULL,
	reason			VARCHAR(255) NOT NULL DEFAULT '',
	created_at		BIGINT NOT NULL,
	updated_at		BIGINT NOT NULL,
	KEY company_qualifications_company (company_id, created_at),
	KEY company_qualifications_status (status, submitted_at),
	CONSTRAINT company_qualifications_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The documents of a submission; the file itself is in the encrypted file
-- store (files, INST-S1), owned by the company.
CREATE TABLE company_documents (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	qualification_id	BIGINT NOT NULL,
	company_id		BIGINT NOT NULL,
	kind			ENUM('licence','statements') NOT NULL,
	file_id			BIGINT NOT NULL,
	uploaded_by		BIGINT NOT NULL,
	created_at		BIGINT NOT NULL,
	KEY company_documents_qual (qualification_id, kind),
	KEY company_documents_company (company_id),
	CONSTRAINT company_documents_qual_fk FOREIGN KEY (qualification_id) REFERENCES company_qualifications (id),
	CONSTRAINT company_documents_file_fk FOREIGN KEY (file_id) REFERENCES files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Expiry notices already sent (30 and 7 days before, and the expiry
-- itself): the key makes `mallpayctl tick` send each one once.
CREATE TABLE company_notices (
	company_id		BIGINT NOT NULL,
	expires			DATE NOT NULL,
	kind			VARCHAR(16) CHARACTER SET ascii NOT NULL,
	created_at		BIGINT NOT NULL,
	PRIMARY KEY (company_id, expires, kind),
	CONSTRAINT company_notices_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- INST-CORP: the application of one corporate installment order and its
-- agreement. The plan itself is in plans (migration 008).
--   submitted  waiting for the admin's review (review_due, C-04)
--   approved   agreement text issued, waiting for a member's signature
--   signed     signed (signer, time, address, SHA-256 of agreement_text)
--   in_effect  down payment recorded: the plan runs, the order ships
--   rejected   refused by the admin (reason)
--   cancelled  the order was cancelled
CREATE TABLE corp_applications (
	id			BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id		BIGINT NOT NULL,
	company_id		BIGINT NOT NULL,
	user_id			BIGINT NOT NULL,
	term			INT NOT NULL,
	status			ENUM('submitted','approved','signed','in_effect','rejected','cancelled') NOT NULL,
	review_due		DATE NOT NULL,
	submitted_at		BIGINT NOT NULL,
	decided_by		BIGINT NULL,
	decided_at		BIGINT NULL,
	reason			VARCHAR(255) NOT NULL DEFAULT '',
	plan_id			BIGINT NULL,
	agreement_version	VARCHAR(32) NULL,
	agreement_text		MEDIUMTEXT NULL,
	agreement_sha256	CHAR(64) CHARACTER SET ascii NULL,
	signer_id		BIGINT NULL,
	signed_at		BIGINT NULL,
	signer_addr		VARCHAR(64) NULL,
	down_payment_minor	BIGINT NOT NULL DEFAULT 0,
	down_payment_ref	VARCHAR(64) NULL,
	down_payment_by		BIGINT NULL,
	effective_at		BIGINT NULL,
	updated_at		BIGINT NOT NULL,
	UNIQUE KEY corp_applications_order (order_id),
	KEY corp_applications_company (company_id, submitted_at),
	KEY corp_applications_status (status, submitted_at),
	CONSTRAINT corp_applications_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT corp_applications_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
	CONSTRAINT corp_applications_term_ck CHECK (term BETWEEN 3 AND 6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
