package org.civicflow.domain.identity;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of users and their roles. */
@Mapper
public interface UserMapper {

  Optional<User> findByUsername(@Param("username") String username);

  List<User> findAll();

  /** Users holding {@code role}, optionally only those of one department. */
  List<User> findByRole(@Param("role") Role role, @Param("department") String department);

  List<User> findByUsernames(@Param("usernames") List<String> usernames);

  int insert(User user);

  int insertRole(@Param("userId") long userId, @Param("role") Role role);

  int deleteRoles(@Param("userId") long userId);

  int updateEnabled(@Param("username") String username, @Param("enabled") boolean enabled);

  int updatePasswordHash(
      @Param("username") String username,
      @Param("passwordHash") String passwordHash,
      @Param("changedAt") java.time.Instant changedAt);

  int recordFailedLogin(@Param("username") String username, @Param("lockAfter") int lockAfter);

  int resetFailedLogins(@Param("username") String username);

  int unlock(@Param("username") String username);

  long count();
}
