package org.civicflow.engine.task;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's inbox: own and candidate tasks, overdue first, then by due date. */
@Service
public class Inbox {

  private final InboxMapper mapper;
  private final TaskKeys taskKeys;
  private final Clock clock;

  Inbox(InboxMapper mapper, TaskKeys taskKeys, Clock clock) {
    this.mapper = mapper;
    this.taskKeys = taskKeys;
    this.clock = clock;
  }

  /** One page of the inbox, with the total and the number of overdue tasks. */
  public record Page(
      List<InboxRow> items, int page, int size, long total, long overdue, Date now) {}

  @Transactional(readOnly = true)
  public Page page(Caller caller, InboxFilter filter) {
    Date now = Date.from(clock.instant());
    List<InboxRow> rows =
        mapper.page(caller.username(), caller.groups(), filter, now).stream()
            .map(
                r ->
                    r.withKey(
                        taskKeys
                            .of(r.processDefinitionId(), r.key())
                            .map(Enum::name)
                            .orElse(r.key())))
            .toList();
    long total =
        rows.size() < filter.size() && filter.page() == 0
            ? rows.size()
            : mapper.count(caller.username(), caller.groups(), filter);
    long overdue = mapper.countOverdue(caller.username(), caller.groups(), filter, now);
    return new Page(rows, filter.page(), filter.size(), total, overdue, now);
  }

  /** The number of open tasks, for the header. */
  @Transactional(readOnly = true)
  public long count(Caller caller) {
    return mapper.count(
        caller.username(), caller.groups(), new InboxFilter(null, null, null, null, 0, 1));
  }
}
