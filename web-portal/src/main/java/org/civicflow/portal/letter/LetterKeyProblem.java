package org.civicflow.portal.letter;

/** The letters' signing key store is missing or unusable: this node refuses to start. */
class LetterKeyProblem extends RuntimeException {

  LetterKeyProblem(String message) {
    super(message);
  }

  LetterKeyProblem(String message, Throwable cause) {
    super(message, cause);
  }

  String action() {
    return "Give every node the same signing key store of the reply letters: a directory of"
        + " PKCS#12 files, one per department named <DEPARTMENT_CODE>.p12"
        + " (CIVICFLOW_LETTER_KEY_STORE_DIR, civicflow.letters.key-store-dir), and their password"
        + " (CIVICFLOW_LETTER_KEY_STORE_PASSWORD). See docs/operations.md, \"Signing key store"
        + " of the reply letters\".";
  }
}
