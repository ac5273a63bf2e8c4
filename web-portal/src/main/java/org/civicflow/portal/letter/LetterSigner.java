package org.civicflow.portal.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs a letter with its department's key: a PAdES baseline B signature (ETSI.CAdES.detached,
 * SHA-256, the signing certificate in a signed signing-certificate-v2 attribute, no CMS signing
 * time) over the whole file, dated with the sign-off time. RSA PKCS#1 v1.5 signatures are
 * deterministic: the same letter signed twice gives the same bytes.
 */
@Component
class LetterSigner {

  /** Room for the CMS signature: two 2048-bit certificates and the signature, with margin. */
  static final int SIGNATURE_SIZE = 12_000;

  private final LetterKeys keys;

  LetterSigner(LetterKeys keys) {
    this.keys = keys;
  }

  byte[] sign(byte[] pdf, LetterContent c, String documentNumber) {
    SigningKey key = keys.of(c.departmentCode(), c.departmentName());
    try (PDDocument doc = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(c.departmentName());
      signature.setReason(documentNumber);
      Calendar signed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      signed.setTimeInMillis(c.signedAt().toEpochMilli());
      signature.setSignDate(signed);
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      doc.addSignature(signature, content -> cms(content, key), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE);
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] cms(InputStream content, SigningKey key) throws IOException {
    try {
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(signedAttributes(key))
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA").build(key.key()),
                  key.certificate()));
      gen.addCertificates(new JcaCertStore(Arrays.asList(key.chain())));
      return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Cannot sign the letter: " + e, e);
    }
  }

  /** PAdES B-B: signing-certificate-v2, and no signing time in the CMS (the PDF's /M has it). */
  private static CMSAttributeTableGenerator signedAttributes(SigningKey key)
      throws GeneralSecurityException {
    ESSCertIDv2 id;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
      id =
          new ESSCertIDv2(
              new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
              hash,
              new IssuerSerial(
                  new GeneralNames(
                      new GeneralName(
                          X500Name.getInstance(
                              key.certificate().getIssuerX500Principal().getEncoded()))),
                  key.certificate().getSerialNumber()));
    } catch (CertificateEncodingException e) {
      throw new GeneralSecurityException(e);
    }
    AttributeTable table =
        new AttributeTable(
            new Attribute(
                PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
    return new DefaultSignedAttributeTableGenerator(table) {
      @Override
      @SuppressWarnings({"rawtypes", "unchecked"})
      protected Hashtable createStandardAttributeTable(Map parameters) {
        Hashtable attributes = super.createStandardAttributeTable(parameters);
        attributes.remove(CMSAttributes.signingTime);
        return attributes;
      }
    };
  }
}
