package org.civicflow.domain.letter;

/**
 * The document-number sequence of a department for one year.
 *
 * @param prefix the part before the year, e.g. 市监函
 * @param nextNumber the number the next letter gets
 */
public record LetterNumbering(String departmentCode, int year, String prefix, int nextNumber) {

  /** The document number {@code n} of this sequence, e.g. 市监函〔2022〕15号. */
  public String format(int n) {
    return prefix + "〔" + year + "〕" + n + "号";
  }
}
