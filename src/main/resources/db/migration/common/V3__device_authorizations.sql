-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- Device logins (OAuth 2.0 device authorization, RFC 8628) waiting for, or just given, a decision in
-- the portal. Kept in the database so that any node can answer the device's polls.

CREATE TABLE device_authorizations (
    id               UUID         NOT NULL PRIMARY KEY,
    -- SHA-256 of the device code: the code itself is a credential and is never stored.
    device_code_hash CHAR(64)     NOT NULL,
    user_code        VARCHAR(8)   NOT NULL,
    client           VARCHAR(32)  NOT NULL,
    device_name      VARCHAR(64),
    requested_ip     VARCHAR(64),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DENIED')),
    decided_by       UUID REFERENCES users (id) ON DELETE CASCADE,
    created_on       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_on       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_on       TIMESTAMP WITH TIME ZONE,
    polled_on        TIMESTAMP WITH TIME ZONE,
    interval_seconds INTEGER      NOT NULL,
    CONSTRAINT device_authorizations_device_code_uq UNIQUE (device_code_hash),
    CONSTRAINT device_authorizations_user_code_uq UNIQUE (user_code)
);

-- The purge job deletes by expiry.
CREATE INDEX device_authorizations_expires_idx ON device_authorizations (expires_on);
