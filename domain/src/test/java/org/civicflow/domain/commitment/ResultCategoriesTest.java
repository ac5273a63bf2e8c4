package org.civicflow.domain.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.reply.ReplyCategory;
import org.civicflow.domain.resultcategory.CategoryScheme;
import org.civicflow.domain.resultcategory.ResultCategory;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.junit.jupiter.api.Test;

/** The registrar's decision on the result category accepts only a code of the set in use. */
class ResultCategoriesTest {

  private static ResultCategory c(String code) {
    return new ResultCategory("ABC", code, code, code, null, null, 1, false, null, null);
  }

  @Test
  void aCodeOutsideTheSetInUseIsRefusedNamingCategoryAndNothingIsRecorded() {
    FollowUpMapper followUp = mock(FollowUpMapper.class);
    Publications signing = mock(Publications.class);
    AuditLog audit = mock(AuditLog.class);
    ResultCategorySet set = mock(ResultCategorySet.class);
    when(set.active()).thenReturn(new CategoryScheme("ABC", List.of(c("A"), c("B"), c("C"))));
    when(set.requireActive(anyString(), any())).thenCallRealMethod();
    ResultCategories categories =
        new ResultCategories(
            followUp,
            signing,
            audit,
            Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC),
            set);

    assertThatThrownBy(
            () -> categories.decide(1L, "SCJG", ReplyCategory.of("D"), null, "registrar"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("category"));
    verify(signing, never()).current(anyLong(), anyString());
    verify(followUp, never()).insertCategoryDecision(any());
  }
}
