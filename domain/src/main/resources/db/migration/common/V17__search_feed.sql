-- The change feed of the per-node search index (docs/search.md). Every change that the search
-- must see (a proposal registered or changed, a reply signed, published, withdrawn) writes one row
-- in the transaction of the change; every node polls the rows after the last it has applied and
-- re-reads the proposal or reply named, so a change made on one node is searchable on all of them
-- within seconds. The index itself is never stored in the database: each node rebuilds its own.
CREATE TABLE cf_search_feed (
  seq        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind       VARCHAR(16) NOT NULL,
  ref_id     BIGINT      NOT NULL,
  created_at DATETIME    NOT NULL
) DEFAULT CHARSET=utf8mb4;

-- The earlier replies a draft drew from (the handler opened one beside the draft and copied a
-- passage in): shown to the reviewer.
CREATE TABLE cf_reply_draft_source (
  draft_id       BIGINT NOT NULL,
  publication_id BIGINT NOT NULL,
  PRIMARY KEY (draft_id, publication_id),
  CONSTRAINT fk_draft_source_draft FOREIGN KEY (draft_id) REFERENCES cf_reply_draft (id),
  CONSTRAINT fk_draft_source_publication FOREIGN KEY (publication_id) REFERENCES cf_publication (id)
) DEFAULT CHARSET=utf8mb4;
