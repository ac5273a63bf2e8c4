-- MySQL/MariaDB: full-text indexes over the bigram search keys. InnoDB's FULLTEXT has no
-- ngram parser on MariaDB and skips tokens shorter than 3 characters, so the keys are prefixed
-- character bigrams ("z直播 z播带 z带货"), which the built-in parser keeps whole.
ALTER TABLE cf_publication ADD FULLTEXT INDEX ft_publication_title (search_title);
ALTER TABLE cf_publication ADD FULLTEXT INDEX ft_publication_body (search_body);
