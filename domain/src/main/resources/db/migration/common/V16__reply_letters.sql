-- The signed PDF reply letter (issue 19). Runs on MySQL/MariaDB and on H2 in MySQL mode.

-- The document numbers (发文字号, e.g. 市监函〔2022〕15号) of a department's letters: one sequence per
-- department and year, whose prefix and next number the department can set.
CREATE TABLE cf_letter_numbering (
  department_code VARCHAR(32)  NOT NULL,
  letter_year     INT          NOT NULL,
  prefix          VARCHAR(32)  NOT NULL,
  next_number     INT          NOT NULL,
  updated_by      VARCHAR(64)  NULL,
  updated_at      DATETIME     NULL,
  PRIMARY KEY (department_code, letter_year)
) DEFAULT CHARSET=utf8mb4;

-- The letter of a signed reply as it was signed: the same bytes are served every time, and an
-- uploaded file is genuine when it is byte for byte one of these.
CREATE TABLE cf_reply_letter (
  publication_id    BIGINT       NOT NULL PRIMARY KEY,
  department_code   VARCHAR(32)  NOT NULL,
  document_number   VARCHAR(64)  NOT NULL,
  verification_code VARCHAR(16)  NOT NULL,
  signed_at         DATETIME     NOT NULL,
  pdf_sha256        CHAR(64)     NOT NULL,
  pdf               MEDIUMBLOB   NOT NULL,
  created_at        DATETIME     NOT NULL,
  UNIQUE KEY uk_reply_letter_code (verification_code),
  UNIQUE KEY uk_reply_letter_number (department_code, document_number),
  KEY ix_reply_letter_sha (pdf_sha256)
) DEFAULT CHARSET=utf8mb4;
