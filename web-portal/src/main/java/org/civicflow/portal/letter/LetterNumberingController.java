package org.civicflow.portal.letter;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.letter.LetterNumbering;
import org.civicflow.domain.letter.LetterNumbers;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/departments/{code}/letter-numbering}: the document-number sequences of a
 * department's letters — this year's as it stands and the years set up; {@code PUT …/{year}} with
 * {@code {prefix, nextNumber}} sets one. The department's leaders and the administrators only.
 */
@RestController
@RequestMapping("/api/v1/departments/{code}/letter-numbering")
class LetterNumberingController {

  /** A year's sequence as set. */
  record Setting(String prefix, Integer nextNumber) {}

  private final LetterNumbers numbers;
  private final DepartmentDirectory departments;
  private final Callers callers;
  private final Clock clock;

  LetterNumberingController(
      LetterNumbers numbers, DepartmentDirectory departments, Callers callers, Clock clock) {
    this.numbers = numbers;
    this.departments = departments;
    this.callers = callers;
    this.clock = clock;
  }

  @GetMapping
  Map<String, Object> get(@PathVariable String code, Principal principal) {
    Department d = allowed(code, principal);
    int year = LocalDate.now(clock).getYear();
    return Map.of(
        "current", numbers.of(d.code(), d.name(), year), "items", numbers.setUp(d.code()));
  }

  @PutMapping("/{year}")
  LetterNumbering set(
      @PathVariable String code,
      @PathVariable int year,
      @RequestBody Setting body,
      Principal principal) {
    Department d = allowed(code, principal);
    return numbers.set(d.code(), year, body.prefix(), body.nextNumber(), principal.getName());
  }

  private Department allowed(String code, Principal principal) {
    Caller caller = callers.of(principal);
    boolean allowed =
        caller.has(Role.ADMIN) || (caller.has(Role.LEADER) && code.equals(caller.department()));
    if (!allowed) {
      throw new ForbiddenException("letter.numbering.forbidden");
    }
    return departments.get(code);
  }
}
