package org.civicflow.domain;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentMapper;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.domain.session.SessionMapper;

/** Rows that most mapper tests need, with names that do not collide between tests. */
public final class TestRecords {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private TestRecords() {}

  public static String unique(String prefix) {
    return prefix + System.nanoTime() % 1_000_000 + SEQ.incrementAndGet();
  }

  public static Department department(DepartmentMapper mapper, String name) {
    String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + SEQ.incrementAndGet();
    Department d = new Department(code, name + code, true, 0);
    mapper.insert(d);
    return d;
  }

  public static Session session(SessionMapper mapper) {
    SessionMapper.SessionRow row =
        new SessionMapper.SessionRow(
            Session.of(unique("测试会议"), SessionKind.NPC, LocalDate.of(2026, 1, 10)));
    mapper.insert(row);
    return new Session(row.getId(), row.getName(), row.getKind(), row.getOpensOn(), true);
  }
}
