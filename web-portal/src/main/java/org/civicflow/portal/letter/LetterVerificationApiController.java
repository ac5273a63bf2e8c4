package org.civicflow.portal.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/public/letters/verification} (multipart {@code file}): whether the file is a
 * genuine CivicFlow letter — {@code {genuine, department, number, signedAt, publicationId, state,
 * reason}}. Public; 400 naming {@code file} for no file, one over 5 MB, or one that is no readable
 * PDF.
 */
@RestController
class LetterVerificationApiController {

  private final LetterVerification verification;

  LetterVerificationApiController(LetterVerification verification) {
    this.verification = verification;
  }

  @PostMapping("/api/v1/public/letters/verification")
  LetterVerification.Answer verify(
      @RequestParam(name = "file", required = false) MultipartFile file, Locale locale) {
    return verification.check(bytes(file), locale);
  }

  /** The upload's bytes; none for no file, and never more than the limit plus one read. */
  static byte[] bytes(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    if (file.getSize() > LetterVerification.MAX_BYTES) {
      return new byte[LetterVerification.MAX_BYTES + 1];
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
