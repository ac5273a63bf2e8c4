package org.civicflow.domain.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt for storing and for every failed check, but a successful check of the same password
 * against the same stored hash is remembered for a few minutes: API clients send HTTP Basic
 * credentials with every request, and BCrypt (tens of milliseconds of CPU on purpose) would
 * otherwise dominate each request's cost.
 *
 * <p>What is remembered is an HMAC, under a random key of this process, of the stored hash and the
 * password — never the password. Wrong passwords are always checked with BCrypt, so guessing costs
 * what it did; a changed password changes the stored hash and so misses the memory; a disabled
 * account is refused by the account check that runs before the password check.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

  private final PasswordEncoder bcrypt;
  private final SecretKeySpec key;
  private final Cache<String, Boolean> matched;

  RememberedPasswordChecks(PasswordEncoder bcrypt, Duration remembered, long maxEntries) {
    this.bcrypt = bcrypt;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.matched =
        Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(maxEntries).build();
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return bcrypt.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
      return bcrypt.matches(rawPassword, encodedPassword);
    }
    String check = mac(encodedPassword, rawPassword);
    if (matched.getIfPresent(check) != null) {
      return true;
    }
    boolean ok = bcrypt.matches(rawPassword, encodedPassword);
    if (ok) {
      matched.put(check, Boolean.TRUE);
    }
    return ok;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return bcrypt.upgradeEncoding(encodedPassword);
  }

  private String mac(String encoded, CharSequence raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encoded.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
