-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- Join by domain (issue 17): a person whose verified email is in one of these domains joins the organization with
-- this role when their account is created by signing in through the OpenID provider. Never the admin role.
CREATE TABLE org_autoinvite_domains (
    id     UUID         NOT NULL PRIMARY KEY,
    org_id UUID         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    domain VARCHAR(253) NOT NULL,
    role   VARCHAR(16)  NOT NULL CHECK (role IN ('EDITOR', 'VIEWER', 'GUEST')),
    CONSTRAINT org_autoinvite_domains_uq UNIQUE (org_id, domain)
);

-- A first sign-in looks its email's domain up.
CREATE INDEX org_autoinvite_domains_domain_idx ON org_autoinvite_domains (domain);
