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

  /**
   * Users matching every given criterion ({@code null} = any): of a department, holding a role,
   * enabled or not; ordered by user name.
   */
  List<User> search(
      @Param("department") String department,
      @Param("role") Role role,
      @Param("enabled") Boolean enabled);

  /** The session version of an enabled account; {@code null} when unknown or disabled. */
  Long findSessionVersion(@Param("username") String username);

  int insert(User user);

  /** Changes name, department and contact details (not roles, password or state). */
  int updateProfile(
      @Param("id") long id,
      @Param("displayName") String displayName,
      @Param("departmentCode") String departmentCode,
      @Param("delegation") String delegation,
      @Param("email") String email,
      @Param("phone") String phone);

  /** Invalidates the signed-in sessions of the account (see {@code UserDirectory}). */
  int incrementVersion(@Param("id") long id);

  int insertRole(@Param("userId") long userId, @Param("role") Role role);

  int deleteRoles(@Param("userId") long userId);

  int updateEnabled(@Param("username") String username, @Param("enabled") boolean enabled);

  /**
   * A new password; {@code mustChange} whether the person must set their own next (an administrator
   * set this one). Ends the account's signed-in sessions (a new session version).
   */
  int updatePasswordHash(
      @Param("username") String username,
      @Param("passwordHash") String passwordHash,
      @Param("changedAt") java.time.Instant changedAt,
      @Param("mustChange") boolean mustChange);

  long count();
}
