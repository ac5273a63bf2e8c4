package org.civicflow.portal.letter;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** What a letter carries under its copy line. */
interface LetterFooter {

  void draw(PDDocument doc, PdfPageCursor page, PDFont font) throws IOException;
}
