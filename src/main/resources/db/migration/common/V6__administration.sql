-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- Administration of organizations (issue 11): project descriptions, custom attributes per membership,
-- invitations, and the append-only audit trail.

ALTER TABLE projects ADD COLUMN description VARCHAR(1024) NOT NULL DEFAULT '';

-- Custom attributes belong to a person's membership in one organization: only that org's policies see them.
CREATE TABLE org_member_attributes (
    member_id  UUID          NOT NULL REFERENCES org_members (id) ON DELETE CASCADE,
    name       VARCHAR(64)   NOT NULL,
    attr_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (member_id, name)
);

-- Until now every organization's policies saw a person's attributes: each membership keeps them.
INSERT INTO org_member_attributes (member_id, name, attr_value)
SELECT m.id, a.name, a.attr_value FROM user_attributes a JOIN org_members m ON m.user_id = a.user_id;

DROP TABLE user_attributes;

-- An invitation of an email that has no account yet: an org role, maybe project roles, and a one-time link
-- whose secret is stored only as its SHA-256 hash. One pending invitation per email and organization.
CREATE TABLE org_invites (
    id          UUID         NOT NULL PRIMARY KEY,
    org_id      UUID         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email       VARCHAR(320) NOT NULL,
    role        VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER', 'GUEST')),
    secret_hash CHAR(64)     NOT NULL,
    invited_by  UUID REFERENCES users (id) ON DELETE SET NULL,
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT org_invites_uq UNIQUE (org_id, email),
    CONSTRAINT org_invites_secret_uq UNIQUE (secret_hash)
);

-- Accepting applies every pending invitation of the email.
CREATE INDEX org_invites_email_idx ON org_invites (email);

CREATE TABLE org_invite_projects (
    invite_id  UUID        NOT NULL REFERENCES org_invites (id) ON DELETE CASCADE,
    project_id UUID        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER')),
    PRIMARY KEY (invite_id, project_id)
);

-- Every administrative change, append-only. No foreign keys: the trail outlives the organizations, projects
-- and people it names, so it keeps their names as they were (and their ids as text).
CREATE SEQUENCE audit_events_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_events (
    id           BIGINT       NOT NULL PRIMARY KEY,
    occurred_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     VARCHAR(36),
    actor_email  VARCHAR(320) NOT NULL,
    surface      VARCHAR(8)   NOT NULL CHECK (surface IN ('PORTAL', 'REST', 'CLI')),
    address      VARCHAR(64),
    org_id       VARCHAR(36),
    org_name     VARCHAR(64),
    kind         VARCHAR(48)  NOT NULL,
    subject      VARCHAR(320),
    before_value VARCHAR(2048),
    after_value  VARCHAR(2048)
);

-- An org's trail, newest first.
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id);
