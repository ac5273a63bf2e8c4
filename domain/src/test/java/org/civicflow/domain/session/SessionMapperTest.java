package org.civicflow.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

@MybatisTest
class SessionMapperTest {

  @Autowired SessionMapper sessions;

  @Test
  void storesAndFindsByIdAndName() {
    SessionMapper.SessionRow row =
        new SessionMapper.SessionRow(
            Session.of("市九届政协一次会议(测试)", SessionKind.CPPCC, LocalDate.of(2022, 1, 6)));
    sessions.insert(row);

    assertThat(row.getId()).isNotNull();
    Session found = sessions.findById(row.getId()).orElseThrow();
    assertThat(found.name()).isEqualTo("市九届政协一次会议(测试)");
    assertThat(found.kind()).isEqualTo(SessionKind.CPPCC);
    assertThat(found.opensOn()).isEqualTo(LocalDate.of(2022, 1, 6));
    assertThat(sessions.findByName("市九届政协一次会议(测试)")).contains(found);
    assertThat(sessions.findAll()).contains(found);
  }
}
