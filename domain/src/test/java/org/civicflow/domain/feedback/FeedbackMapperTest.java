package org.civicflow.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.civicflow.domain.MapperTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

class FeedbackMapperTest extends MapperTestBase {

  @Autowired FeedbackMapper feedback;

  @Test
  void storesOneRatingPerRound() {
    feedback.insert(
        new Feedback(
            null,
            proposal.getId(),
            department.code(),
            1,
            Rating.SATISFIED,
            Rating.UNSATISFIED,
            "措施还不够具体",
            "deputy.jinmiao",
            Instant.parse("2022-06-10T01:00:00Z")));
    feedback.insert(
        new Feedback(
            null,
            proposal.getId(),
            department.code(),
            2,
            null,
            null,
            null,
            null,
            Instant.parse("2022-08-10T01:00:00Z")));

    assertThat(feedback.findByProposal(proposal.getId()))
        .satisfiesExactly(
            first -> {
              assertThat(first.resultRating()).isEqualTo(Rating.UNSATISFIED);
              assertThat(first.answered()).isTrue();
            },
            second -> assertThat(second.answered()).as("no answer counts as none").isFalse());
    assertThatThrownBy(
            () ->
                feedback.insert(
                    new Feedback(
                        null,
                        proposal.getId(),
                        department.code(),
                        1,
                        Rating.SATISFIED,
                        Rating.SATISFIED,
                        null,
                        "x",
                        Instant.now())))
        .isInstanceOf(DuplicateKeyException.class);
  }
}
