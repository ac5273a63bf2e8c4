package org.civicflow.domain.identity;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the sign-in lockouts (cf_sign_in_pair, cf_sign_in_account). */
@Mapper
interface SignInLockMapper {

  SignInPair findPair(@Param("key") String key, @Param("address") String address);

  /** Creates the pair's row if missing and locks it until the transaction ends. */
  int ensurePair(
      @Param("key") String key, @Param("address") String address, @Param("now") Instant now);

  SignInPair lockPair(@Param("key") String key, @Param("address") String address);

  int updatePair(@Param("p") SignInPair pair, @Param("now") Instant now);

  SignInAccount findAccount(@Param("key") String key);

  /** Creates the name's row if missing and locks it until the transaction ends. */
  int ensureAccount(@Param("key") String key, @Param("now") Instant now);

  SignInAccount lockAccount(@Param("key") String key);

  int updateAccount(@Param("a") SignInAccount account, @Param("now") Instant now);

  /**
   * Takes the name's next paced password check if it is due: 1 when taken (the next one is due at
   * {@code next}), 0 when another attempt took it already.
   */
  int claimCheck(@Param("key") String key, @Param("now") Instant now, @Param("next") Instant next);

  /** The locks in force on existing accounts, by user name and address. */
  List<AddressLock> findActiveLocks(@Param("now") Instant now, @Param("key") String key);

  /** Lifts every lock and count of a name (its known addresses stay known). */
  int unlockPairs(@Param("key") String key, @Param("now") Instant now);

  int deleteAccount(@Param("key") String key);

  int deleteStalePairs(@Param("before") Instant before, @Param("now") Instant now);

  int deleteStaleAccounts(@Param("before") Instant before);
}
