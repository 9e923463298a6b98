-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.

-- Recent sign-in attempts per account and per client address, shared by every node behind a load
-- balancer so that the limits hold for the whole service. Keys are SHA-256 hashes: a password typed
-- into the email field is never stored.
CREATE TABLE sign_in_counters (
    subject_hash CHAR(64) NOT NULL PRIMARY KEY,
    attempts     INTEGER  NOT NULL,
    last_attempt TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Counters nobody touched for an hour are forgotten in bulk.
CREATE INDEX sign_in_counters_last_idx ON sign_in_counters (last_attempt);
