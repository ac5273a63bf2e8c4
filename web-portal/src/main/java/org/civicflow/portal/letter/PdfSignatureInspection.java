package org.civicflow.portal.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * What an uploaded PDF says of its own signature: whether it has one, and whether the last one
 * verifies and covers the whole file. Parsed in memory within a bound; a file that is no readable
 * PDF (encrypted, broken, built to exhaust the parser) is {@link Unreadable}.
 */
final class PdfSignatureInspection {

  /** Memory the parser may use for one upload's streams. */
  static final long PARSE_MEMORY = 64L * 1024 * 1024;

  /** The file cannot be read as a PDF. */
  static final class Unreadable extends Exception {
    Unreadable(Throwable cause) {
      super(cause);
    }
  }

  /**
   * @param signed the file has a signature
   * @param intact its last signature verifies and covers every byte of the file
   */
  record Result(boolean signed, boolean intact) {}

  private PdfSignatureInspection() {}

  static Result inspect(byte[] file) throws Unreadable {
    List<PDSignature> signatures;
    try (PDDocument doc =
        Loader.loadPDF(
            new RandomAccessReadBuffer(file),
            "",
            null,
            null,
            MemoryUsageSetting.setupMainMemoryOnly(PARSE_MEMORY).streamCache)) {
      signatures = doc.getSignatureDictionaries();
      doc.getNumberOfPages();
      if (signatures.isEmpty()) {
        return new Result(false, false);
      }
      PDSignature last = signatures.get(signatures.size() - 1);
      return new Result(true, verifies(last, file));
    } catch (IOException | RuntimeException | StackOverflowError broken) {
      throw new Unreadable(broken);
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean verifies(PDSignature signature, byte[] file) {
    try {
      int[] range = signature.getByteRange();
      boolean whole =
          range != null
              && range.length == 4
              && range[0] == 0
              && (long) range[2] + range[3] == file.length;
      if (!whole) {
        return false;
      }
      // the signature's room is padded with zeros after the CMS structure: read the first object
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signature.getSignedContent(file)),
              new ByteArrayInputStream(signature.getContents(file)));
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return false;
      }
      SignerInformation signer = signers.iterator().next();
      Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(signer.getSID());
      if (certs.isEmpty()) {
        return false;
      }
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certs.iterator().next()));
    } catch (Exception notValid) {
      return false;
    }
  }
}
