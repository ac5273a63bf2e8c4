-- The revisions of the built-in process and decision models (camunda:versionTag of each model in
-- the processes module) that a node found at start-up, one row per model and revision, and what
-- became of each: DEPLOYED at start-up (the current version was a built-in one), PENDING (the
-- current version is an admin's: the file waits here, readable by every node, until an admin
-- decides), ADOPTED (an admin deployed it: deployment_id is that deployment) or KEPT (an admin kept
-- their own). A node never deploys a revision lower than or equal to the highest row of its model,
-- so an older node started during a rolling upgrade leaves a newer release's models alone.
CREATE TABLE cf_builtin_model (
  model_key     VARCHAR(64)  NOT NULL,
  revision      INT          NOT NULL,
  kind          VARCHAR(8)   NOT NULL,
  resource_name VARCHAR(200) NOT NULL,
  content       MEDIUMBLOB   NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  state         VARCHAR(16)  NOT NULL,
  found_at      DATETIME     NOT NULL,
  deployment_id VARCHAR(64)  NULL,
  definition_id VARCHAR(64)  NULL,
  decided_by    VARCHAR(64)  NULL,
  decided_at    DATETIME     NULL,
  PRIMARY KEY (model_key, revision)
) DEFAULT CHARSET=utf8mb4;
