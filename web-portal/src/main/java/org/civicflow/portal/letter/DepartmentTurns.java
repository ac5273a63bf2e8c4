package org.civicflow.portal.letter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicflow.domain.letter.LetterArchiveEntry;

/**
 * Hands the replies of a download to the letter threads so that no two threads make letters of the
 * same department at once: issuing a letter holds the department's number sequence locked until the
 * letter is signed and stored, so a second thread on that department would only wait (and hold a
 * connection). A thread takes the department with most letters left among those no other thread is
 * working on, and waits while every department left is taken.
 */
final class DepartmentTurns {

  private final Map<String, Deque<LetterArchiveEntry>> left = new LinkedHashMap<>();
  private final Set<String> busy = new HashSet<>();
  private boolean stopped;

  DepartmentTurns(List<LetterArchiveEntry> entries) {
    for (LetterArchiveEntry e : entries) {
      left.computeIfAbsent(e.departmentCode(), d -> new ArrayDeque<>()).add(e);
    }
  }

  /** The next reply for this thread, waiting for a free department; empty when none is left. */
  synchronized Optional<LetterArchiveEntry> next() throws InterruptedException {
    while (!stopped && !left.isEmpty()) {
      Optional<String> free =
          left.entrySet().stream()
              .filter(d -> !busy.contains(d.getKey()))
              .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
              .map(Map.Entry::getKey);
      if (free.isPresent()) {
        Deque<LetterArchiveEntry> queue = left.get(free.get());
        LetterArchiveEntry e = queue.poll();
        if (queue.isEmpty()) {
          left.remove(free.get());
        }
        busy.add(free.get());
        return Optional.of(e);
      }
      wait();
    }
    return Optional.empty();
  }

  /** The thread finished its reply: its department is free again. */
  synchronized void done(LetterArchiveEntry e) {
    busy.remove(e.departmentCode());
    notifyAll();
  }

  /** No more replies are handed out (the job was lost, or the node stops). */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }
}
