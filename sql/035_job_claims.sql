-- mallpay migration 035: claims of the scheduler's jobs that hold across
-- the nodes of a Galera cluster.
--
-- `mallpayctl tick` takes a due job with SELECT ... FOR UPDATE SKIP LOCKED.
-- On one server that keeps two hosts apart, but Galera's row locks are local
-- to a node: two hosts on two nodes both take the same row. So the job's
-- transaction also inserts the job's claim here. The second host to claim
-- either finds the key taken (duplicate key: the first committed and its
-- claim reached this node) or loses at COMMIT (error 1213, a certification
-- failure: both claimed at once); it rolls back and leaves the job alone.
-- One row per job done, naming the host that did it.

CREATE TABLE job_claims (
	job_id		BIGINT NOT NULL PRIMARY KEY,
	host		VARCHAR(64) NOT NULL,
	claimed_at	BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
