-- Spring Session JDBC: signed-in sessions in the shared database, so that a session survives the
-- loss of the node it signed in on. Adapted from spring-session-jdbc's schema-mysql.sql and
-- schema-h2.sql (same tables, columns and indexes; spring.session.jdbc.initialize-schema=never).
-- MEDIUMBLOB (16 MB) for the serialized attributes works on MariaDB/MySQL and on H2 in MySQL mode.
-- Upper-case names: Spring Session's statements use them, and MariaDB table names are
-- case-sensitive on Linux.
CREATE TABLE SPRING_SESSION (
  PRIMARY_ID            CHAR(36)     NOT NULL,
  SESSION_ID            CHAR(36)     NOT NULL,
  CREATION_TIME         BIGINT       NOT NULL,
  LAST_ACCESS_TIME      BIGINT       NOT NULL,
  MAX_INACTIVE_INTERVAL INT          NOT NULL,
  EXPIRY_TIME           BIGINT       NOT NULL,
  PRINCIPAL_NAME        VARCHAR(100) NULL,
  CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
  ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES    MEDIUMBLOB   NOT NULL,
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
    REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;
