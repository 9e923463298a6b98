-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.

-- Rate limits are kept as Bucket4j buckets (org.rilltokens.limits.control.DatabaseBuckets): one row per limit and
-- subject (e.g. "device-login-per-address 192.0.2.7") holding the bucket's state as Bucket4j writes it, and the
-- instant after which the bucket is full again, so that a row past it means the same as no row and can go. The
-- counters of the former layout are dropped: every subject starts with its whole allowance once.
DROP TABLE rate_limit_buckets;

CREATE TABLE rate_limit_buckets (
    bucket_key  VARCHAR(255) NOT NULL PRIMARY KEY,
    state       BYTEA,
    full_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX rate_limit_buckets_full_at_idx ON rate_limit_buckets (full_at);
