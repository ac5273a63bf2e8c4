package org.civicflow.portal.letter;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.civicflow.engine.proposal.ProposalAccess;
import org.civicflow.engine.proposal.ProposalView;
import org.civicflow.portal.web.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads the reply letter of a signed reply (DOCX, or the signed PDF): its department and the
 * registrar's office at once, the proposer and the co-handling departments once the reply was sent
 * ({@link ProposalView}).
 */
@RestController
class ReplyLetterController {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ReplyLetters letters;
  private final PdfLetters pdfLetters;
  private final ProposalAccess access;
  private final Callers callers;

  ReplyLetterController(
      ReplyLetters letters, PdfLetters pdfLetters, ProposalAccess access, Callers callers) {
    this.letters = letters;
    this.pdfLetters = pdfLetters;
    this.access = access;
    this.callers = callers;
  }

  @GetMapping({
    "/portal/proposals/{id}/replies/{publicationId}/letter",
    "/api/v1/proposals/{id}/replies/{publicationId}/letter"
  })
  ResponseEntity<byte[]> letter(
      @PathVariable long id, @PathVariable long publicationId, Principal principal) {
    ProposalView view = access.view(id, callers.of(principal));
    return download(letters.of(id, publicationId, view), DOCX);
  }

  /** The signed PDF letter: the same access as the DOCX, the same bytes at every download. */
  @GetMapping({
    "/portal/proposals/{id}/replies/{publicationId}/letter.pdf",
    "/api/v1/proposals/{id}/replies/{publicationId}/letter.pdf"
  })
  ResponseEntity<byte[]> pdf(
      @PathVariable long id, @PathVariable long publicationId, Principal principal) {
    ProposalView view = access.view(id, callers.of(principal));
    return download(pdfLetters.of(id, publicationId, view), MediaType.APPLICATION_PDF);
  }

  private static ResponseEntity<byte[]> download(ReplyLetters.Letter letter, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(letter.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(letter.content());
  }
}
