-- Fine-grained tokens: a token may be read-only and/or restricted to some projects. A restricted token whose
-- projects were all deleted reaches nothing (the flag stays), never everything.
ALTER TABLE user_tokens ADD COLUMN read_only BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE user_tokens ADD COLUMN restricted BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE user_token_projects (
    token_id   UUID NOT NULL REFERENCES user_tokens (id) ON DELETE CASCADE,
    project_id UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    PRIMARY KEY (token_id, project_id)
);
