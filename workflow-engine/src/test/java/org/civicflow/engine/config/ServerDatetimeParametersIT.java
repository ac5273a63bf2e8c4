package org.civicflow.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Date;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A date after January 2038 bound to a server-prepared statement on MariaDB: stored whole with
 * {@link ServerDatetimeParameters}, NULL without it. MariaDB only (the driver's binding of
 * server-prepared parameters is what is under test).
 */
class ServerDatetimeParametersIT {

  private static final String DATABASE = "civicflow_test_datetimes";
  private static final String SETTINGS =
      "cachePrepStmts=true&useServerPrepStmts=true&sendFractionalSeconds=false";

  /** The end of a commitment due on 31 December 2099 (in UTC). */
  private static final Date END_OF_2099 = new Date(4_102_444_800_000L);

  /** A date-time of 2031 with milliseconds, which the settings drop. */
  private static final Date IN_2031 = new Date(1_924_991_999_789L);

  interface Rows {
    @Insert("INSERT INTO due (id, due_at) VALUES (#{id}, #{at})")
    void insert(@Param("id") int id, @Param("at") Date at);

    @Select("SELECT due_at FROM due WHERE id = #{id}")
    Date read(@Param("id") int id);
  }

  @BeforeAll
  static void table() throws Exception {
    assumeTrue(
        MariaDbServer.active(),
        "the binding of server-prepared parameters is MariaDB/MySQL only (mvn verify -Pmariadb)");
    try (Connection c = MariaDbServer.dataSource("", SETTINGS).getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE);
      s.execute("CREATE TABLE " + DATABASE + ".due (id INT PRIMARY KEY, due_at DATETIME NULL)");
    }
  }

  @Test
  void aDateAfter2038IsStoredAsGiven() {
    assertThat(roundTrip(true, 1, END_OF_2099)).isEqualTo(END_OF_2099);
  }

  @Test
  void anEarlierDateIsStoredAsTheDriverStoresIt() {
    Date guarded = roundTrip(true, 2, IN_2031);
    Date plain = roundTrip(false, 3, IN_2031);

    assertThat(guarded).isEqualTo(plain).isEqualTo(new Date(1_924_991_999_000L));
  }

  @Test
  void withoutItTheServerStoresNothing() {
    // why ServerDatetimeParameters exists: should the server or the driver change, it may go
    assertThat(roundTrip(false, 4, END_OF_2099)).isNull();
  }

  private static Date roundTrip(boolean guarded, int id, Date at) {
    try (SqlSession session = sessions(guarded).openSession(true)) {
      Rows rows = session.getMapper(Rows.class);
      rows.insert(id, at);
      return rows.read(id);
    }
  }

  private static SqlSessionFactory sessions(boolean guarded) {
    UnpooledDataSource dataSource = MariaDbServer.dataSource(DATABASE, SETTINGS);
    Configuration configuration =
        new Configuration(new Environment("test", new JdbcTransactionFactory(), dataSource));
    configuration.addMapper(Rows.class);
    if (guarded) {
      configuration.addInterceptor(new ServerDatetimeParameters());
    }
    return new SqlSessionFactoryBuilder().build(configuration);
  }
}
