package org.civicflow.portal.letter;

import java.time.Instant;
import java.util.List;

/**
 * What a reply letter says, in its order, whatever the file format: made once from the sealed
 * signed reply ({@link LetterContents}) and written as DOCX ({@link ReplyLetters}) or signed PDF
 * ({@link PdfLetterWriter}).
 *
 * @param salutation the addressee line, e.g. 金淼代表：
 * @param paragraphs the signed text after the salutation, one paragraph each, contact line removed
 * @param contact the contact person and telephone (stays in the letter, never in the public text)
 * @param copies the copy line (抄送)
 * @param filenameBase the file name without its extension
 */
record LetterContent(
    long proposalId,
    long publicationId,
    String departmentCode,
    String departmentName,
    String category,
    String title,
    String salutation,
    List<String> paragraphs,
    String date,
    String contact,
    String copies,
    Instant signedAt,
    int year,
    String filenameBase) {}
