package org.civicflow.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.ServerPreparedStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.Test;

/**
 * On a connection that prepares statements on the server, the application's paged and counting
 * statements are prepared by the driver while {@link ClientPreparedStatements} is installed, the
 * others by the server — and the connection prepares on the server again afterwards, for the
 * engine. MariaDB only.
 */
class ClientPreparedStatementsIT {

  interface Numbers {
    @Select("SELECT #{n} + 1 FROM DUAL LIMIT 1")
    int next(@Param("n") int n);

    @Select("SELECT #{n} - 1")
    int previous(@Param("n") int n);
  }

  /** Records whether each statement MyBatis prepared is a server-side one. */
  @Intercepts(
      @Signature(
          type = StatementHandler.class,
          method = "prepare",
          args = {Connection.class, Integer.class}))
  static final class Kinds implements Interceptor {
    final List<Boolean> serverSide = new ArrayList<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      serverSide.add(statement.isWrapperFor(ServerPreparedStatement.class));
      return statement;
    }
  }

  @Test
  void pagedStatementsAreDriverPreparedAndTheConnectionServerPreparesAgainAfterwards()
      throws SQLException {
    assumeTrue(
        MariaDbServer.active(),
        "server-side prepared statements are MariaDB/MySQL's (mvn verify -Pmariadb)");
    assertThat(kindsOfTwoStatements(false)).containsExactly(true, true);

    Kinds kinds = new Kinds();
    try (SqlSession session = sessions(kinds, true)) {
      assertThat(session.getMapper(Numbers.class).next(1)).isEqualTo(2);
      assertThat(session.getMapper(Numbers.class).previous(2)).isEqualTo(1);
      Connection connection = session.getConnection();
      assertThat(
              connection
                  .unwrap(JdbcConnection.class)
                  .getPropertySet()
                  .getBooleanProperty(PropertyKey.useServerPrepStmts)
                  .getValue())
          .isTrue();
      try (var engineStatement = connection.prepareStatement("SELECT 1")) {
        assertThat(engineStatement.isWrapperFor(ServerPreparedStatement.class)).isTrue();
      }
    }
    assertThat(kinds.serverSide).containsExactly(false, true);
  }

  private static List<Boolean> kindsOfTwoStatements(boolean clientPrepared) {
    Kinds kinds = new Kinds();
    try (SqlSession session = sessions(kinds, clientPrepared)) {
      session.getMapper(Numbers.class).next(1);
      session.getMapper(Numbers.class).next(2);
    }
    return kinds.serverSide;
  }

  private static SqlSession sessions(Kinds kinds, boolean clientPrepared) {
    UnpooledDataSource dataSource =
        MariaDbServer.dataSource("", "cachePrepStmts=true&useServerPrepStmts=true");
    Configuration configuration =
        new Configuration(new Environment("test", new JdbcTransactionFactory(), dataSource));
    configuration.addMapper(Numbers.class);
    // the last plugin added runs outermost: ClientPreparedStatements switches around Kinds
    configuration.addInterceptor(kinds);
    if (clientPrepared) {
      configuration.addInterceptor(new ClientPreparedStatements());
    }
    return new SqlSessionFactoryBuilder().build(configuration).openSession();
  }
}
