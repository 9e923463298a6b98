-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.

CREATE TABLE users (
    id            UUID         NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(255) NOT NULL,
    password_hash VARCHAR(512),
    superuser     BOOLEAN      NOT NULL DEFAULT FALSE,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_on    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_uq UNIQUE (email)
);

CREATE TABLE user_attributes (
    user_id    UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       VARCHAR(64)   NOT NULL,
    attr_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (user_id, name)
);

CREATE TABLE organizations (
    id           UUID         NOT NULL PRIMARY KEY,
    name         VARCHAR(64)  NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    CONSTRAINT organizations_name_uq UNIQUE (name)
);

CREATE TABLE projects (
    id     UUID        NOT NULL PRIMARY KEY,
    org_id UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name   VARCHAR(64) NOT NULL,
    CONSTRAINT projects_name_uq UNIQUE (org_id, name)
);

CREATE TABLE org_members (
    id      UUID        NOT NULL PRIMARY KEY,
    org_id  UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER', 'GUEST')),
    CONSTRAINT org_members_uq UNIQUE (org_id, user_id)
);

CREATE TABLE project_members (
    id         UUID        NOT NULL PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER')),
    CONSTRAINT project_members_uq UNIQUE (project_id, user_id)
);

CREATE TABLE usergroups (
    id     UUID        NOT NULL PRIMARY KEY,
    org_id UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name   VARCHAR(64) NOT NULL,
    CONSTRAINT usergroups_name_uq UNIQUE (org_id, name)
);

CREATE TABLE usergroup_members (
    usergroup_id UUID NOT NULL REFERENCES usergroups (id) ON DELETE CASCADE,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (usergroup_id, user_id)
);

CREATE TABLE usergroup_project_roles (
    id           UUID        NOT NULL PRIMARY KEY,
    usergroup_id UUID        NOT NULL REFERENCES usergroups (id) ON DELETE CASCADE,
    project_id   UUID        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    role         VARCHAR(16) NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER')),
    CONSTRAINT usergroup_project_roles_uq UNIQUE (usergroup_id, project_id)
);

CREATE TABLE user_tokens (
    id              UUID         NOT NULL PRIMARY KEY,
    public_id       VARCHAR(22)  NOT NULL,
    owner_id        UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash     CHAR(64)     NOT NULL,
    display_name    VARCHAR(255) NOT NULL,
    created_on      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_on      TIMESTAMP WITH TIME ZONE,
    used_on         TIMESTAMP WITH TIME ZONE,
    used_ip         VARCHAR(64),
    used_user_agent VARCHAR(512),
    CONSTRAINT user_tokens_public_id_uq UNIQUE (public_id)
);

-- Listing is newest first per owner; revoke by name looks up per owner too.
CREATE INDEX user_tokens_owner_created_idx ON user_tokens (owner_id, created_on);
-- The purge job deletes by expiry.
CREATE INDEX user_tokens_expires_idx ON user_tokens (expires_on);
