-- The result categories of replies (答复类别) as the city defines them: two sets, A/B/C (in use by
-- default) and A/B/C/D (ready to switch on). An administrator switches the set in use and edits the
-- labels and descriptions; a reply keeps the code it was signed with, and is labelled by the set
-- that was in use when it was signed.
CREATE TABLE cf_reply_category (
  category_set         VARCHAR(8)   NOT NULL,
  code                 CHAR(1)      NOT NULL,
  label_zh             VARCHAR(60)  NOT NULL,
  label_en             VARCHAR(60)  NOT NULL,
  description_zh       VARCHAR(500) NULL,
  description_en       VARCHAR(500) NULL,
  sort_order           INT          NOT NULL,
  requires_commitments BOOLEAN      NOT NULL,
  updated_at           DATETIME     NULL,
  updated_by           VARCHAR(64)  NULL,
  PRIMARY KEY (category_set, code)
) DEFAULT CHARSET=utf8mb4;

INSERT INTO cf_reply_category
  (category_set, code, label_zh, label_en, description_zh, description_en, sort_order, requires_commitments)
VALUES
  ('ABC', 'A', '已解决或采纳', 'solved or adopted',
   '所提问题已经解决或建议已被采纳', 'The problem is solved or the suggestion adopted', 1, FALSE),
  ('ABC', 'B', '正在解决或列入计划', 'being solved or planned',
   '所提问题正在解决或已列入计划逐步解决,须列明承诺事项', 'Being solved or planned; the reply lists its commitments', 2, TRUE),
  ('ABC', 'C', '因条件限制留作参考', 'kept for reference',
   '因条件限制或其他原因暂时不能解决,留作参考', 'Cannot be solved for now; kept for reference', 3, FALSE),
  ('ABCD', 'A', '已解决', 'solved',
   '所提问题已经解决或基本解决', 'The problem is solved', 1, FALSE),
  ('ABCD', 'B', '正在解决', 'being solved',
   '所提问题正在解决,须列明承诺事项', 'Being solved; the reply lists its commitments', 2, TRUE),
  ('ABCD', 'C', '列入规划', 'planned',
   '所提问题已列入规划逐步解决,须列明承诺事项', 'Planned to be solved; the reply lists its commitments', 3, TRUE),
  ('ABCD', 'D', '留作参考', 'kept for reference',
   '因条件限制暂时不能解决,留作参考', 'Cannot be solved for now; kept for reference', 4, FALSE);

-- Each switch of the set in use, with who made it: the set in force at a moment is the one of the
-- latest switch before it (A/B/C before any switch). Milliseconds, so that a reply signed just
-- after a switch is labelled by the new set.
CREATE TABLE cf_reply_category_switch (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_set VARCHAR(8)   NOT NULL,
  switched_at  DATETIME(3)  NOT NULL,
  switched_by  VARCHAR(64)  NOT NULL
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_reply_category_switch ON cf_reply_category_switch (switched_at);
