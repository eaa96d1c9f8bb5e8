-- mallpay migration 025: the scheduler's jobs read only what is due.
--
-- plans.next_work_on: the next day on which an active installment plan has
-- time-based work (INST-P2 reminder, INST-P3 deduction, INST-F1 late fee,
-- INST-F2 suspension), computed by rules/plan_work.c and written in the
-- transaction of every change of the plan (start, payment, payoff, tick,
-- termination). The tick selects by (status, next_work_on) only, so a
-- second run the same day reads nothing. NULL: nothing to do.
-- Existing active plans start at their earliest open installment's
-- reminder day (3 days before it, the default): early rather than late;
-- their first tick stores the exact day.

ALTER TABLE plans ADD COLUMN next_work_on DATE NULL,
	ADD KEY plans_next_work (status, next_work_on);

UPDATE plans p JOIN (SELECT plan_id, MIN(due_date) AS d FROM plan_installments WHERE status = 'due' GROUP BY plan_id) i ON i.plan_id = p.id SET p.next_work_on = i.d - INTERVAL 3 DAY WHERE p.status = 'active';

-- The other jobs' selections of due rows, each by an index (EXPLAIN found
-- a full scan, or a scan of every row ever in that state):
-- COD-F2 suspensions ending (cod_tick): users by cod_suspended_until.
ALTER TABLE users ADD KEY users_cod_suspended (cod_suspended_until);
-- INST-03 qualification expiry (qual_tick): verified companies by expiry.
ALTER TABLE companies ADD KEY companies_qual_expiry (qualification_status, qualification_expires);
-- REM-P6 30-day cancellation (remittance_tick): remittance orders awaiting
-- money by payment_due; PAU-03 automatic confirmation (payafter_tick):
-- delivered Pay After Use orders (not every delivered order).
ALTER TABLE orders ADD KEY orders_method_status_due (method, status, payment_due);
-- COD-P5 unpaid after the agreed day (cod_tick): only orders not reported
-- paid, by agreed day (not every COD order ever delivered).
ALTER TABLE cod_orders ADD KEY cod_orders_unpaid (paid_reported_at, agreed_date);
-- INST-C1/C2 card refunds recorded but not sent (plan_tick): by kind and
-- state, not every payment row of every plan.
ALTER TABLE plan_payments ADD KEY plan_payments_unsent (kind, ok, plan_id);
