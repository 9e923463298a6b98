-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- OAuth 2.1 for MCP clients (SPEC §12). Codes and refresh tokens are credentials: only their SHA-256 is stored.

-- A token an OAuth client holds gets a new secret on each refresh; the current one stops working at this time,
-- while the token itself (listed, revocable) lives until expires_on. NULL for every other token.
ALTER TABLE user_tokens ADD COLUMN secret_expires_on TIMESTAMP WITH TIME ZONE;

-- Clients that registered themselves (RFC 7591); clients identified by a metadata document URL have no row.
CREATE TABLE oauth_clients (
    client_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_name   VARCHAR(100) NOT NULL,
    registered_on TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_ip VARCHAR(64)  NOT NULL
);
-- Registrations are counted per address for the last hour.
CREATE INDEX oauth_clients_ip_idx ON oauth_clients (registered_ip, registered_on);

CREATE TABLE oauth_client_redirect_uris (
    client_id    VARCHAR(64)   NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    redirect_uri VARCHAR(1000) NOT NULL
);
CREATE INDEX oauth_client_redirect_uris_client_idx ON oauth_client_redirect_uris (client_id);

-- An approved authorization request until its code is exchanged (and a while after, to recognise a reused code).
CREATE TABLE oauth_codes (
    code_hash        CHAR(64)      NOT NULL PRIMARY KEY,
    user_id          UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id        VARCHAR(1000) NOT NULL,
    client_name      VARCHAR(100)  NOT NULL,
    redirect_uri     VARCHAR(1000) NOT NULL,
    code_challenge   VARCHAR(43)   NOT NULL,
    resource         VARCHAR(1000) NOT NULL,
    read_only        BOOLEAN       NOT NULL,
    lifetime_minutes BIGINT        NOT NULL,
    created_on       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_on       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The id of the token the code was exchanged for (text: a nullable UUID column trips EclipseLink): a second
    -- exchange revokes it.
    token_id         VARCHAR(36)
);
CREATE INDEX oauth_codes_expires_idx ON oauth_codes (expires_on);

-- What a client may renew: its token, through a refresh token used once each. Revoking the token (deleting it,
-- whichever way) deletes the grant with it.
CREATE TABLE oauth_grants (
    id                    UUID          NOT NULL PRIMARY KEY,
    token_id              UUID          NOT NULL REFERENCES user_tokens (id) ON DELETE CASCADE,
    user_id               UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id             VARCHAR(1000) NOT NULL,
    resource              VARCHAR(1000) NOT NULL,
    lifetime_minutes      BIGINT        NOT NULL,
    refresh_hash          CHAR(64)      NOT NULL,
    previous_refresh_hash CHAR(64),
    created_on            TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_on          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth_grants_token_uq UNIQUE (token_id),
    CONSTRAINT oauth_grants_refresh_uq UNIQUE (refresh_hash)
);
CREATE INDEX oauth_grants_previous_idx ON oauth_grants (previous_refresh_hash);
CREATE INDEX oauth_grants_client_idx ON oauth_grants (client_id);
