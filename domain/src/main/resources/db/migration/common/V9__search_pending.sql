-- Replies published since the last merge of the public search index: the reply's sequence number
-- and its search keys (UTF-8, one per line). Publishing writes one row here instead of rewriting
-- the bitmap of every key of the reply; every search reads these rows beside the bitmaps, so a
-- reply is found as soon as its publication commits; a background merge folds them into
-- cf_search_key in bulk and deletes them (see PublicSearchIndex).
CREATE TABLE cf_search_pending (
  doc_seq     BIGINT     NOT NULL PRIMARY KEY,
  search_keys MEDIUMBLOB NOT NULL
) DEFAULT CHARSET=utf8mb4;
