-- H2 (the embedded demo database) has no FULLTEXT index: search scans with LIKE, which is
-- enough for a demo's handful of replies. MySQL/MariaDB get real full-text indexes in V2.
SELECT 1;
