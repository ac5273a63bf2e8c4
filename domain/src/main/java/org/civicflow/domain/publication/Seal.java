package org.civicflow.domain.publication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.civicflow.domain.integrity.MacInput;

/**
 * The SHA-256 of a public text, and what each seal of a publication covers ({@link
 * PublicationSeals} makes and checks them).
 */
public final class Seal {

  private Seal() {}

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * What was signed: the publication's id, proposal, department, draft and version, the signed
   * disclosure decision, everything the public page shows, both texts, who signed and when.
   */
  static MacInput content(Publication p) {
    PublicSnapshot shown = p.snapshot();
    return MacInput.of("publication-content/2")
        .add(p.getId())
        .add(p.getProposalId())
        .add(p.getDepartmentCode())
        .add(p.getDraftId())
        .add(p.getDraftVersion())
        .add(p.getDisclosure())
        .add(p.getNonDisclosureReason())
        .add(shown.title())
        .add(shown.departmentName())
        .add(shown.sessionName())
        .add(shown.proposalNumber())
        .add(shown.proposalType())
        .add(shown.proposer())
        .add(shown.delegation())
        .add(shown.submittedAt())
        .add(sha256(shown.suggestionText()))
        .add(shown.category())
        .add(sha256(p.getSignedText()))
        .add(sha256(p.getPublicText()))
        .add(p.getSignedBy())
        .add(p.getSignedAt());
  }

  /**
   * Where the publication stands and who put it there: bound to its content seal and id, so that a
   * state of one publication is no state of another.
   */
  static MacInput state(Publication p) {
    return MacInput.of("publication-state/2")
        .add(p.getId())
        .add(p.getSeal())
        .add(p.getState())
        .add(p.getRepliedAt())
        .add(p.getPublishedAt())
        .add(p.getPublishedYear())
        .add(p.getWithdrawnAt())
        .add(p.getWithdrawnBy())
        .add(p.getWithdrawalReason())
        .add(p.getDisclosureReleasedBy())
        .add(p.getStateChangedBy())
        .add(p.getStateChangedAt());
  }

  /**
   * The seal of replies signed before seals named their key and covered the publication's state:
   * what the page showed and the public text.
   */
  static MacInput legacy(Publication p) {
    PublicSnapshot shown = p.snapshot();
    String[] parts = {
      String.valueOf(p.getProposalId()),
      p.getDepartmentCode(),
      shown.departmentName(),
      shown.title(),
      shown.sessionName(),
      shown.proposalNumber(),
      shown.proposalType(),
      shown.proposer(),
      String.valueOf(shown.delegation()),
      String.valueOf(shown.submittedAt() == null ? null : shown.submittedAt().getEpochSecond()),
      sha256(shown.suggestionText()),
      shown.category(),
      sha256(p.getPublicText())
    };
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      joined.append(part.getBytes(StandardCharsets.UTF_8).length).append(':').append(part);
    }
    return MacInput.earlierFormat(joined.toString().getBytes(StandardCharsets.UTF_8));
  }
}
