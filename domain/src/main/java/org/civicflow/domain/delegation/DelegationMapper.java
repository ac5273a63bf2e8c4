package org.civicflow.domain.delegation;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.civicflow.domain.session.SessionKind;

/** Persistence of the delegations and sectors. */
@Mapper
interface DelegationMapper {

  List<Delegation> findAll();

  boolean exists(@Param("kind") SessionKind kind, @Param("name") String name);

  /** Whether a proposer's account names this delegation. */
  boolean isProposersDelegation(@Param("name") String name);

  /** Inserts unless it exists; returns the rows inserted. */
  int insertOnce(
      @Param("kind") SessionKind kind, @Param("name") String name, @Param("now") Instant now);

  /** Removes a listed delegation; returns the rows removed. */
  int delete(@Param("kind") SessionKind kind, @Param("name") String name);
}
