package org.civicflow.engine.task;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.engine.identity.CamundaGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's inbox: own and candidate tasks, overdue first, then by due date — less the review and
 * sign-off steps that the separation of duties keeps from them.
 */
@Service
public class Inbox {

  private final InboxMapper mapper;
  private final TaskKeys taskKeys;
  private final Clock clock;
  private final Alongside alongside;
  private final SeparationOfDuties separation;
  private final Plans plans = new Plans();

  Inbox(
      InboxMapper mapper,
      TaskKeys taskKeys,
      Clock clock,
      Alongside alongside,
      SeparationOfDuties separation) {
    this.mapper = mapper;
    this.taskKeys = taskKeys;
    this.clock = clock;
    this.alongside = alongside;
    this.separation = separation;
  }

  /**
   * A page is read in index order (rather than by sorting all the person's tasks) when it lies in
   * the first 1/ORDERED_SHARE of the person's tasks: reading in order then examines about (offset +
   * size) × open tasks / the person's tasks rows, at most about 1/ORDERED_SHARE of the open tasks,
   * while sorting costs all the person's tasks.
   */
  static final int ORDERED_SHARE = 10;

  /** One page of the inbox, with the total and the number of overdue tasks. */
  public record Page(
      List<InboxRow> items, int page, int size, long total, long overdue, Date now) {}

  // Only CivicFlow's own statements (no engine command): without a transaction of its own, each
  // reads the latest committed rows, as it would at READ COMMITTED inside one, and the request
  // saves the round trips of beginning and committing it (every inbox view, every client's poll).
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Page page(Caller caller, InboxFilter filter) {
    return page(caller, filter, ORDERED_SHARE);
  }

  /** {@link #page(Caller, InboxFilter)} with another share (tests: 1 reads every page in order). */
  Page page(Caller caller, InboxFilter filter, int orderedShare) {
    Date now = Date.from(clock.instant());
    String user = caller.username();
    List<String> groups = caller.groups();
    InboxExclusion sod = exclusion(caller);
    if (filter.proposalId() != null) {
      return ofProposal(user, groups, filter, now, sod);
    }
    Plans.Key plan = Plans.key(user, groups, filter);
    // side by side only outside a transaction: inside one, both must read through its connection
    Boolean inOrderLastTime =
        TransactionSynchronizationManager.isActualTransactionActive() ? null : plans.last(plan);
    List<InboxRow> early = null;
    InboxMapper.Totals totals;
    if (inOrderLastTime == null) {
      totals = mapper.totals(user, groups, filter, now, sod);
    } else {
      // the totals and the page the last view took, side by side (docs/performance.md)
      CompletableFuture<InboxMapper.Totals> counting =
          alongside.count(user, groups, filter, now, sod);
      early =
          inOrderLastTime
              ? mapper.ordered(user, groups, filter, true, filter.offset(), filter.size(), sod)
              : mapper.page(user, groups, filter, now, sod);
      totals = Alongside.join(counting);
    }
    boolean inOrder = (filter.offset() + filter.size()) * orderedShare <= totals.total();
    plans.remember(plan, inOrder);
    boolean earlyFits = inOrderLastTime != null && inOrderLastTime == inOrder;
    List<InboxRow> rows;
    if (totals.total() <= filter.offset()) {
      rows = List.of();
    } else if (inOrder) {
      rows = inOrder(user, groups, filter, totals, earlyFits ? early : null, sod);
    } else {
      rows = earlyFits ? early : mapper.page(user, groups, filter, now, sod);
    }
    return new Page(
        withTaskKeys(rows), filter.page(), filter.size(), totals.total(), totals.overdue(), now);
  }

  /**
   * The inbox on one proposal: its few tasks for the person read at once in inbox order, the page
   * and the totals taken from them (one statement; docs/performance.md).
   */
  private Page ofProposal(
      String user, List<String> groups, InboxFilter filter, Date now, InboxExclusion sod) {
    List<InboxRow> all =
        mapper.ofProposal(user, groups, filter, String.valueOf(filter.proposalId()), sod);
    long overdue = all.stream().filter(r -> r.overdue(now)).count();
    List<InboxRow> rows = all.stream().skip(filter.offset()).limit(filter.size()).toList();
    return new Page(withTaskKeys(rows), filter.page(), filter.size(), all.size(), overdue, now);
  }

  /** The rows with their steps' task keys (an admin-added step keeps its own key). */
  private List<InboxRow> withTaskKeys(List<InboxRow> rows) {
    return rows.stream()
        .map(
            r ->
                r.withKey(
                    taskKeys.of(r.processDefinitionId(), r.key()).map(Enum::name).orElse(r.key())))
        .toList();
  }

  /**
   * A page of a large inbox read in index order (docs/performance.md): the dated tasks come first
   * (due date, created, id), then the undated ones (created, id), so the page is taken from one
   * part or the other, or from the end of the first and the start of the second. The dated part may
   * have been read already, alongside the totals.
   */
  private List<InboxRow> inOrder(
      String user,
      List<String> groups,
      InboxFilter filter,
      InboxMapper.Totals totals,
      List<InboxRow> datedReadEarly,
      InboxExclusion sod) {
    long dated = totals.total() - totals.undated();
    long offset = filter.offset();
    int size = filter.size();
    List<InboxRow> rows = new ArrayList<>(size);
    if (offset < dated) {
      rows.addAll(
          datedReadEarly != null
              ? datedReadEarly
              : mapper.ordered(user, groups, filter, true, offset, size, sod));
    }
    if (rows.size() < size && offset + size > dated) {
      long from = Math.max(0, offset - dated);
      rows.addAll(mapper.ordered(user, groups, filter, false, from, size - rows.size(), sod));
    }
    return rows;
  }

  /** The number of open tasks, for the header. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public long count(Caller caller) {
    return mapper
        .totals(
            caller.username(),
            caller.groups(),
            new InboxFilter(null, null, null, null, 0, 1),
            Date.from(clock.instant()),
            exclusion(caller))
        .total();
  }

  /**
   * The review and sign-off steps the separation of duties keeps from a reviewer or leader: those
   * on the drafts they wrote or approved; {@code null} when there are none (or for anyone else),
   * which leaves the inbox statements as they are.
   */
  private InboxExclusion exclusion(Caller caller) {
    String department = caller.department();
    if (department == null) {
      return null;
    }
    List<String> groups =
        Stream.of(Role.REVIEWER, Role.LEADER)
            .filter(caller::has)
            .map(r -> CamundaGroups.of(department, r))
            .toList();
    if (groups.isEmpty()) {
      return null;
    }
    List<Long> proposals = separation.notForDecisionBy(department, caller.username());
    if (proposals.isEmpty()) {
      return null;
    }
    return new InboxExclusion(proposals.stream().map(String::valueOf).toList(), groups);
  }
}
