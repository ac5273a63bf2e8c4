package org.civicflow.domain.publication;

import org.civicflow.domain.common.DomainException;

/**
 * The reply is not served: its stored record no longer matches what was signed. The page says it is
 * under review; nothing of the changed record is shown.
 */
public class ReplyWithheldException extends DomainException {

  public ReplyWithheldException(long id) {
    super("publication.underReview", id);
  }
}
