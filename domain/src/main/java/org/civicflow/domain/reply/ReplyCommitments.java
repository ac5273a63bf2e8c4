package org.civicflow.domain.reply;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The commitments of signed replies, as the public site and the follow-up read them. */
@Service
public class ReplyCommitments {

  private final CommitmentMapper commitments;

  ReplyCommitments(CommitmentMapper commitments) {
    this.commitments = commitments;
  }

  /** The commitments of the reply a publication signed, in their order. */
  @Transactional(readOnly = true)
  public List<Commitment> ofPublication(long publicationId) {
    return commitments.findByPublication(publicationId);
  }
}
