package org.civicflow.portal.letter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.letter.IssuedLetter;
import org.civicflow.domain.letter.IssuedLetters;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationMapper;
import org.civicflow.domain.publication.PublicationState;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Service;

/**
 * Tells whether an uploaded file is a genuine CivicFlow letter: byte for byte a letter CivicFlow
 * issued (its signature then holds too), of which department, signed when, and where its reply
 * stands now (a withdrawn reply says so). Anything else is not genuine, with the reason: changed
 * after signing, signed by someone else, not signed at all.
 */
@Service
class LetterVerification {

  /** A letter is about 100 KB; nothing larger is parsed. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The answer of {@code POST /api/v1/public/letters/verification}. */
  record Answer(
      boolean genuine,
      String department,
      String number,
      Instant signedAt,
      Long publicationId,
      String state,
      String reason) {}

  private final IssuedLetters letters;
  private final PublicationMapper publications;
  private final ErrorResponses texts;

  LetterVerification(IssuedLetters letters, PublicationMapper publications, ErrorResponses texts) {
    this.letters = letters;
    this.publications = publications;
    this.texts = texts;
  }

  /**
   * @throws org.civicflow.domain.common.ValidationException naming {@code file}: none, too large,
   *     or not a readable PDF
   */
  Answer check(byte[] file, Locale locale) {
    FieldErrors errors = new FieldErrors();
    if (file == null || file.length == 0) {
      errors.add("file", "validation.required");
    } else if (file.length > MAX_BYTES) {
      errors.add("file", "letter.verify.tooLarge");
    } else if (!startsWithPdfHeader(file)) {
      errors.add("file", "letter.verify.notPdf");
    }
    errors.throwIfAny();
    PdfSignatureInspection.Result inspected;
    try {
      inspected = PdfSignatureInspection.inspect(file);
    } catch (PdfSignatureInspection.Unreadable unreadable) {
      new FieldErrors().add("file", "letter.verify.unreadable").throwIfAny();
      throw new IllegalStateException(unreadable);
    }
    Optional<IssuedLetter> issued = inspected.intact() ? letters.byContent(file) : Optional.empty();
    if (issued.isEmpty()) {
      String why =
          !inspected.signed()
              ? "letter.verify.unsigned"
              : inspected.intact() ? "letter.verify.notIssued" : "letter.verify.changed";
      return new Answer(false, null, null, null, null, null, text(why, locale));
    }
    IssuedLetter l = issued.get();
    Publication p = publications.findById(l.publicationId()).orElseThrow();
    return new Answer(
        true,
        p.getDepartmentName(),
        l.documentNumber(),
        l.signedAt(),
        isPublic(p) ? p.getId() : null,
        p.getState().name(),
        p.getState() == PublicationState.WITHDRAWN
            ? text("letter.verify.withdrawn", locale, p.getWithdrawalReason())
            : text("letter.verify.genuine", locale));
  }

  /** Whether the reply was on the public site (published, or withdrawn from it). */
  static boolean isPublic(Publication p) {
    return p.getState() == PublicationState.PUBLISHED || p.getState() == PublicationState.WITHDRAWN;
  }

  private static boolean startsWithPdfHeader(byte[] file) {
    byte[] head = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int limit = Math.min(file.length - head.length, 1024);
    for (int at = 0; at <= limit; at++) {
      boolean match = true;
      for (int i = 0; i < head.length && match; i++) {
        match = file[at + i] == head[i];
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  private String text(String key, Locale locale, Object... args) {
    return texts.text(key, List.of(args), locale);
  }
}
