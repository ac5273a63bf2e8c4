package org.civicflow.portal.letter;

import org.civicflow.engine.proposal.ProposalView;
import org.civicflow.portal.letter.DocxDocument.Align;
import org.civicflow.portal.letter.DocxDocument.Paragraph;
import org.springframework.stereotype.Service;

/**
 * The reply letter (答复函) of a signed reply as DOCX, for departments that print and stamp on paper,
 * in the layout of official letters: the category, the department's red header, the title, the
 * addressee, the signed text, the department and the date of signing, the handler's contact line,
 * the copies. The same content as the signed PDF ({@link LetterContents}).
 */
@Service
class ReplyLetters {

  private static final String RED = "C00000";

  /** A letter file. */
  record Letter(String filename, byte[] content) {}

  private final LetterContents contents;

  ReplyLetters(LetterContents contents) {
    this.contents = contents;
  }

  Letter of(long proposalId, long publicationId, ProposalView view) {
    return docx(contents.of(proposalId, publicationId, view));
  }

  static Letter docx(LetterContent c) {
    DocxDocument doc = new DocxDocument();
    doc.add(
        new Paragraph(
            c.category(), DocxDocument.HEAD_FONT, 16, false, null, Align.RIGHT, false, false, 0));
    doc.add(
        new Paragraph(
            c.departmentName(),
            DocxDocument.TITLE_FONT,
            26,
            false,
            RED,
            Align.CENTER,
            false,
            true,
            24));
    doc.add(
        new Paragraph(
            c.title(), DocxDocument.TITLE_FONT, 22, false, null, Align.CENTER, false, false, 16));
    doc.body(c.salutation(), Align.LEFT, false);
    for (String l : c.paragraphs()) {
      doc.body(l, Align.BOTH, true);
    }
    doc.blank().blank();
    doc.body(c.departmentName(), Align.RIGHT, false);
    doc.body(c.date(), Align.RIGHT, false);
    doc.blank();
    doc.body(c.contact(), Align.LEFT, false);
    doc.add(
        new Paragraph(
            c.copies(), DocxDocument.BODY_FONT, 14, false, null, Align.LEFT, false, false, 0));
    return new Letter(c.filenameBase() + ".docx", doc.bytes());
  }
}
