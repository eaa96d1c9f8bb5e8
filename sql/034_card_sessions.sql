-- mallpay migration 034: card sessions at the bank's hosted card page.
--
-- The shopper types the card number and security code on the bank's own
-- page, never on the mall's: to bind a card the mall opens a session with
-- the bank (server to server, signed), sends the shopper there, and gets the
-- result back twice, on the signed return URL and by the bank's signed
-- notification. One row per session the mall opened: the result is recorded
-- by whichever of the two arrives first (the row locked, status 'open'
-- moved on once), the other finds it finished and changes nothing.
--
-- purpose: what the card is for ('plan_card': the card installment's card,
-- INST-CC, or a new card for its repayments, INST-P3, of order_id;
-- 'pau_card': the shopper's Pay After Use card, no order). bank_session: the
-- bank's id of the session (what the return and the notice name). The
-- amount and currency are the ones the bank was asked for: a result quoting
-- another amount is refused. No card number, security code or token is
-- kept here: the brand and last four go to the plan, the token sealed
-- (INST-S1).
CREATE TABLE card_sessions (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	bank_session	VARCHAR(64) NULL,
	user_id		BIGINT NOT NULL,
	order_id	BIGINT NULL,
	purpose		ENUM('plan_card', 'pau_card') NOT NULL,
	amount_minor	BIGINT NOT NULL,
	currency	CHAR(3) NOT NULL,
	status		ENUM('open', 'approved', 'declined') NOT NULL DEFAULT 'open',
	reason		VARCHAR(128) NOT NULL DEFAULT '',
	via		ENUM('return', 'notice') NULL,
	created_at	BIGINT NOT NULL,
	finished_at	BIGINT NULL,
	UNIQUE KEY card_sessions_bank (bank_session),
	KEY card_sessions_order (order_id, id),
	CONSTRAINT card_sessions_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
	CONSTRAINT card_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
