package org.civicflow.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.session.SqlSessionFactory;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserMapper;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

@MybatisTest
@ImportAutoConfiguration(DomainAutoConfiguration.class)
class AccessibleConstructorsTest {

  @Autowired SqlSessionFactory sessions;
  @Autowired UserMapper users;

  final AccessibleConstructors factory = new AccessibleConstructors();

  static final class Hidden {
    final String name;
    final int count;

    private Hidden() {
      this("none", 0);
    }

    private Hidden(String name, Integer count) {
      this.name = name;
      this.count = count;
    }
  }

  static final class Refusing {
    Refusing() {
      throw new IllegalStateException("no");
    }
  }

  @Test
  void createsObjectsThroughPrivateConstructorsAgainAndAgain() {
    Hidden first = factory.create(Hidden.class);
    Hidden second = factory.create(Hidden.class);
    assertThat(first).isNotSameAs(second);
    assertThat(first.name).isEqualTo("none");

    Hidden named =
        factory.create(Hidden.class, List.of(String.class, Integer.class), List.of("seven", 7));
    assertThat(named.name).isEqualTo("seven");
    assertThat(named.count).isEqualTo(7);
  }

  @Test
  void collectionInterfacesBecomeTheirUsualClasses() {
    assertThat(factory.create(List.class)).isInstanceOf(ArrayList.class);
    assertThat(factory.create(Map.class)).isEqualTo(Map.of());
  }

  @Test
  void aMissingOrFailingConstructorIsMyBatissReflectionError() {
    assertThatThrownBy(() -> factory.create(Hidden.class, List.of(Long.class), List.of(1L)))
        .isInstanceOf(ReflectionException.class)
        .hasMessageContaining(Hidden.class.getName());
    assertThatThrownBy(() -> factory.create(Refusing.class))
        .isInstanceOf(ReflectionException.class)
        .hasMessageContaining(Refusing.class.getName());
  }

  @Test
  void theDomainsMappersUseIt() {
    assertThat(sessions.getConfiguration().getObjectFactory())
        .isInstanceOf(AccessibleConstructors.class);
    // a row mapped through it: the entity's constructor is not public
    users.insert(new User("li.ming", "李明", "{noop}x", null, Set.of(), Instant.now()));
    assertThat(users.findByUsername("li.ming").orElseThrow().getDisplayName()).isEqualTo("李明");
  }
}
