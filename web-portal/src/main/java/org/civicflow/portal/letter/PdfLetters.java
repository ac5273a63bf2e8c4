package org.civicflow.portal.letter;

import java.util.List;
import java.util.Optional;
import org.civicflow.domain.letter.IssuedLetter;
import org.civicflow.domain.letter.IssuedLetters;
import org.civicflow.engine.proposal.ProposalView;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The reply letter as signed PDF: issued once per signed reply (the next document number of the
 * department's year, a verification code), signed with the department's key as of the sign-off
 * time, and stored, then served byte for byte as issued.
 */
@Service
class PdfLetters {

  private final LetterContents contents;
  private final IssuedLetters letters;
  private final PdfLetterWriter writer;
  private final LetterSigner signer;
  private final ErrorResponses texts;
  private final String publicUrl;

  PdfLetters(
      LetterContents contents,
      IssuedLetters letters,
      PdfLetterWriter writer,
      LetterSigner signer,
      ErrorResponses texts,
      @Value("${civicflow.letters.public-url:http://localhost:8080}") String publicUrl) {
    this.contents = contents;
    this.letters = letters;
    this.writer = writer;
    this.signer = signer;
    this.texts = texts;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  ReplyLetters.Letter of(long proposalId, long publicationId, ProposalView view) {
    LetterContent c = contents.of(proposalId, publicationId, view);
    return new ReplyLetters.Letter(c.filenameBase() + ".pdf", issued(c).pdf());
  }

  /** The letter of the content's signed reply: the stored one, or one issued now. */
  IssuedLetter issued(LetterContent c) {
    Optional<IssuedLetter> stored = letters.of(c.publicationId());
    if (stored.isPresent()) {
      return stored.get();
    }
    try {
      return letters.issue(
          c.publicationId(),
          c.departmentCode(),
          c.departmentName(),
          c.year(),
          c.signedAt(),
          n ->
              signer.sign(
                  writer.write(c, n.documentNumber(), footer(n.verificationCode())),
                  c,
                  n.documentNumber()));
    } catch (DataIntegrityViolationException issuedMeanwhile) {
      return letters.of(c.publicationId()).orElseThrow(() -> issuedMeanwhile);
    }
  }

  /** The verification address of a code, as printed on the letter and in its QR code. */
  String verificationUrl(String code) {
    return publicUrl + "/verify/" + code;
  }

  private VerificationFooter footer(String code) {
    String url = verificationUrl(code);
    return new VerificationFooter(
        url,
        texts.text("letter.verify.address", List.of(), LetterContents.LANGUAGE),
        url,
        texts.text("letter.verify.code", List.of(code), LetterContents.LANGUAGE));
  }
}
