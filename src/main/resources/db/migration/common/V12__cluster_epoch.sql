-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- What a node may keep in memory about a caller (a token, its owner, the names of the projects it is restricted to)
-- is good only while this count has not moved: every committed change of those facts adds one, and a node that sees
-- the count move forgets what it kept (platform/ClusterEpoch).
CREATE TABLE cluster_epoch (
    id    INT    NOT NULL PRIMARY KEY CHECK (id = 1),
    epoch BIGINT NOT NULL
);
INSERT INTO cluster_epoch (id, epoch) VALUES (1, 0);

-- Every running node, the count it has caught up with and when it last said so: a change returns only once every
-- node heard from in the last seconds has caught up with it.
CREATE TABLE cluster_nodes (
    node_id       UUID                     NOT NULL PRIMARY KEY,
    applied_epoch BIGINT                   NOT NULL,
    seen_on       TIMESTAMP WITH TIME ZONE NOT NULL
);
