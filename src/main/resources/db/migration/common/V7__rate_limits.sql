-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.

-- Named rate limits (org.rilltokens.limits), shared by every node so that a limit holds for the whole service:
-- one row per limit and subject (e.g. "device-login-per-address 192.0.2.7"), holding the instant until which the
-- subject's allowance is used up. A row whose instant has passed means the same as no row.
CREATE TABLE rate_limit_buckets (
    bucket_key           VARCHAR(255) NOT NULL PRIMARY KEY,
    theoretical_arrival  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX rate_limit_buckets_arrival_idx ON rate_limit_buckets (theoretical_arrival);
