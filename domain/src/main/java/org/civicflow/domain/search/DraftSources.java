package org.civicflow.domain.search;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicflow.domain.common.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The earlier replies a draft drew from (the handler opened them beside the draft): recorded with
 * the draft, shown to the reviewer. Only replies the drafting department may read count: published
 * ones, and its own.
 */
@Service
public class DraftSources {

  static final int MAX = 20;

  private final SearchSourceMapper source;

  DraftSources(SearchSourceMapper source) {
    this.source = source;
  }

  /**
   * Checks the replies named before anything is saved.
   *
   * @throws ValidationException naming {@code drewFrom}
   */
  @Transactional(readOnly = true)
  public void check(String department, List<Long> publicationIds) {
    if (publicationIds.isEmpty()) {
      return;
    }
    Set<Long> distinct = Set.copyOf(publicationIds);
    if (distinct.size() > MAX) {
      throw ValidationException.of("drewFrom", "validation.tooMany");
    }
    Set<Long> readable =
        source.answersByPublication(List.copyOf(distinct)).stream()
            .filter(a -> "PUBLISHED".equals(a.state()) || a.departmentCode().equals(department))
            .map(SearchSourceMapper.AnswerRow::publicationId)
            .collect(Collectors.toSet());
    if (!readable.containsAll(distinct)) {
      throw ValidationException.of("drewFrom", "search.validation.drewFrom");
    }
  }

  /** Records the sources of a draft just saved (checked with {@link #check} first). */
  @Transactional
  public void record(long draftId, List<Long> publicationIds) {
    for (long id : Set.copyOf(publicationIds)) {
      source.insertDraftSource(draftId, id);
    }
  }

  /** The earlier replies a draft drew from. */
  @Transactional(readOnly = true)
  public List<SearchSourceMapper.AnswerRow> of(long draftId) {
    return source.draftSources(draftId);
  }
}
