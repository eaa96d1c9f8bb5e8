-- A COD refusal debt (COD-F2) is paid on the bank's hosted card page too:
-- the session names the debt it pays, and the mall charges it by the
-- card's token when the bank's approved outcome arrives.
ALTER TABLE card_sessions
	MODIFY purpose ENUM('plan_card', 'pau_card', 'cod_debt') NOT NULL,
	ADD COLUMN debt_id BIGINT NULL AFTER order_id,
	ADD CONSTRAINT card_sessions_debt_fk FOREIGN KEY (debt_id)
	    REFERENCES account_debts (id);
