package org.civicflow.domain.letter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed letters as issued: made once per signed reply, with the next document number of the
 * department's year and a verification code, then served as stored.
 */
@Service
public class IssuedLetters {

  /** Letters of the code alphabet: no 0/O, 1/I/L, so that a code read off paper is typed right. */
  static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  static final int CODE_LENGTH = 10;

  /** What a letter being made is given. */
  public record Numbered(String documentNumber, String verificationCode) {}

  private final LetterMapper mapper;
  private final LetterNumbers numbers;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  IssuedLetters(LetterMapper mapper, LetterNumbers numbers, Clock clock) {
    this.mapper = mapper;
    this.numbers = numbers;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<IssuedLetter> of(long publicationId) {
    return mapper.findLetter(publicationId);
  }

  @Transactional(readOnly = true)
  public Optional<IssuedLetter> byCode(String code) {
    if (code == null || code.length() != CODE_LENGTH) {
      return Optional.empty();
    }
    return mapper.findByCode(code.toUpperCase(java.util.Locale.ROOT));
  }

  /** The issued letter whose file has exactly these bytes (without its bytes). */
  @Transactional(readOnly = true)
  public Optional<IssuedLetter> byContent(byte[] file) {
    return mapper.findBySha256(sha256(file)).stream().findFirst();
  }

  /**
   * Issues the letter of a signed reply: takes the next document number of the department's year
   * and a fresh code, has {@code make} produce the signed file, and stores it. A letter issued by
   * another request meanwhile makes this one fail on the key (and give its number back): read it.
   *
   * @param year the year of signing (the sequence the number comes from)
   */
  @Transactional
  public IssuedLetter issue(
      long publicationId,
      String department,
      String departmentName,
      int year,
      Instant signedAt,
      Function<Numbered, byte[]> make) {
    String number = numbers.take(department, departmentName, year);
    Numbered numbered = new Numbered(number, newCode());
    byte[] pdf = make.apply(numbered);
    IssuedLetter letter =
        new IssuedLetter(
            publicationId,
            department,
            number,
            numbered.verificationCode(),
            signedAt,
            sha256(pdf),
            pdf,
            clock.instant());
    mapper.insertLetter(letter);
    return letter;
  }

  String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
