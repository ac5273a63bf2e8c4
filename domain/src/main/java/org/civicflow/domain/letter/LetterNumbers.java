package org.civicflow.domain.letter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document numbers of reply letters: one sequence per department and year. A department that
 * set nothing numbers from 1 with the default prefix (its name and 函); its leader or an
 * administrator sets the prefix and the next number (for a year that started on paper).
 */
@Service
public class LetterNumbers {

  static final int MAX_PREFIX = 20;
  static final int MAX_NUMBER = 999_999;

  private final LetterMapper mapper;
  private final AuditLog audit;
  private final Clock clock;

  LetterNumbers(LetterMapper mapper, AuditLog audit, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.clock = clock;
  }

  /** The default prefix of a department that set none: 市场监督管理局 → 市场监督管理局函. */
  public static String defaultPrefix(String departmentName) {
    return departmentName + "函";
  }

  /** The sequence of a department for a year, as set or as it starts by default. */
  @Transactional(readOnly = true)
  public LetterNumbering of(String department, String departmentName, int year) {
    return mapper
        .findNumbering(department, year)
        .orElseGet(() -> new LetterNumbering(department, year, defaultPrefix(departmentName), 1));
  }

  @Transactional(readOnly = true)
  public List<LetterNumbering> setUp(String department) {
    return mapper.numberingsOf(department);
  }

  /**
   * Sets the prefix and the next number of a year's sequence. The next number never goes back below
   * a number already taken with the same prefix (two letters would share a number).
   */
  @Transactional
  public LetterNumbering set(
      String department, int year, String prefix, Integer nextNumber, String actor) {
    String p = prefix == null ? null : prefix.strip();
    FieldErrors errors =
        new FieldErrors()
            .check(year >= 2000 && year <= 2999, "year", "letter.numbering.year")
            .required("prefix", p)
            .maxLength("prefix", p, MAX_PREFIX)
            .required("nextNumber", nextNumber);
    if (p != null && (p.contains("〔") || p.contains("〕") || p.chars().anyMatch(c -> c < 0x20))) {
      errors.add("prefix", "letter.numbering.prefix");
    }
    if (nextNumber != null && (nextNumber < 1 || nextNumber > MAX_NUMBER)) {
      errors.add("nextNumber", "letter.numbering.range");
    }
    errors.throwIfAny();
    Optional<LetterNumbering> current = mapper.lockNumbering(department, year);
    if (current.isPresent()
        && current.get().prefix().equals(p)
        && nextNumber < current.get().nextNumber()) {
      new FieldErrors().add("nextNumber", "letter.numbering.behind").throwIfAny();
    }
    LetterNumbering n = new LetterNumbering(department, year, p, nextNumber);
    if (current.isPresent()) {
      mapper.updateNumbering(n, actor, clock.instant());
    } else {
      mapper.insertNumbering(n, actor, clock.instant());
    }
    audit.record(
        actor,
        "letter.numbering",
        "department",
        department,
        year + " " + n.format(nextNumber) + " next");
    return n;
  }

  /**
   * Takes the next number of the sequence, inside the caller's transaction: the sequence stays
   * locked until it ends, and a rolled-back letter gives its number back.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String take(String department, String departmentName, int year) {
    Optional<LetterNumbering> locked = mapper.lockNumbering(department, year);
    if (locked.isEmpty()) {
      try {
        mapper.insertNumbering(of(department, departmentName, year), "system", clock.instant());
      } catch (DuplicateKeyException madeMeanwhile) {
        // another letter of this department started the year's sequence first
      }
      locked = mapper.lockNumbering(department, year);
    }
    LetterNumbering n = locked.orElseThrow();
    if (mapper.advance(department, year, n.nextNumber()) != 1) {
      throw new IllegalStateException("the locked number sequence changed");
    }
    return n.format(n.nextNumber());
  }
}
