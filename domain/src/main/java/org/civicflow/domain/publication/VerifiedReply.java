package org.civicflow.domain.publication;

import java.time.Instant;

/**
 * A published (or withdrawn) reply whose stored record matched its seal when it was read: the only
 * form in which the public site renders replies.
 */
public record VerifiedReply(
    long id,
    long proposalId,
    String departmentCode,
    PublicSnapshot shown,
    String publicText,
    String contentSha256,
    PublicationState state,
    Instant signedAt,
    String categorySet,
    Instant repliedAt,
    Instant publishedAt,
    long storedReadCount,
    Instant withdrawnAt,
    String withdrawalReason) {

  static VerifiedReply of(Publication p) {
    return new VerifiedReply(
        p.getId(),
        p.getProposalId(),
        p.getDepartmentCode(),
        p.snapshot(),
        p.getPublicText(),
        p.getContentSha256(),
        p.getState(),
        p.getSignedAt(),
        p.getCategorySet(),
        p.getRepliedAt(),
        p.getPublishedAt(),
        p.getReadCount(),
        p.getWithdrawnAt(),
        p.getWithdrawalReason());
  }

  /** Whether this shows the same as {@code other} on a public page, the read count aside. */
  public boolean sameContentAs(VerifiedReply other) {
    return other == this
        || other != null
            && equals(
                new VerifiedReply(
                    other.id,
                    other.proposalId,
                    other.departmentCode,
                    other.shown,
                    other.publicText,
                    other.contentSha256,
                    other.state,
                    other.signedAt,
                    other.categorySet,
                    other.repliedAt,
                    other.publishedAt,
                    storedReadCount,
                    other.withdrawnAt,
                    other.withdrawalReason));
  }

  public boolean withdrawn() {
    return state == PublicationState.WITHDRAWN;
  }
}
