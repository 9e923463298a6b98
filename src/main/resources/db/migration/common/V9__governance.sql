-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- Token governance (issue 15): lifetime policies, revocation by others (kept, so the owner sees why),
-- revocation of unused tokens.

-- The instance's token policy, one row, set by superusers: the longest lifetime a new token may have (NULL: no
-- limit), whether every token must expire, and after how many days without use a token is revoked (0: never).
CREATE TABLE token_policy (
    id                   INT     NOT NULL PRIMARY KEY CHECK (id = 1),
    max_lifetime_minutes BIGINT,
    expiration_required  BOOLEAN NOT NULL,
    unused_days          INT     NOT NULL CHECK (unused_days >= 0)
);
INSERT INTO token_policy (id, max_lifetime_minutes, expiration_required, unused_days) VALUES (1, NULL, FALSE, 180);

-- An organization's longest token lifetime: a token issued to live longer (or forever) cannot reach its projects.
ALTER TABLE organizations ADD COLUMN token_max_lifetime_minutes BIGINT;

-- A token revoked by someone else than its owner (an org admin, a superuser, a leak report, the unused-token job)
-- stays listed for a while, dead, so that its owner sees who revoked it, when and why.
ALTER TABLE user_tokens ADD COLUMN revoked_on TIMESTAMP WITH TIME ZONE;
ALTER TABLE user_tokens ADD COLUMN revoked_by VARCHAR(320);
ALTER TABLE user_tokens ADD COLUMN revoke_reason VARCHAR(255);
CREATE INDEX user_tokens_revoked_idx ON user_tokens (revoked_on);

-- The audit trail also records what the service does by itself (revoking reported and unused tokens): surface
-- SERVICE. A column's CHECK cannot be changed portably, so the column is made anew with its values.
ALTER TABLE audit_events ADD COLUMN surface_was VARCHAR(8);
UPDATE audit_events SET surface_was = surface;
ALTER TABLE audit_events DROP COLUMN surface;
ALTER TABLE audit_events ADD COLUMN surface VARCHAR(8) CHECK (surface IN ('PORTAL', 'REST', 'CLI', 'SERVICE'));
UPDATE audit_events SET surface = surface_was;
ALTER TABLE audit_events ALTER COLUMN surface SET NOT NULL;
ALTER TABLE audit_events DROP COLUMN surface_was;
-- A person's own token events (and sign-ins), newest first.
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id);
