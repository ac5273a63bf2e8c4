package org.civicflow.portal.letter;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded single node's local certificate authority and its department certificates: made on
 * first start, where no city's own key store is configured. A city that signs for real imports its
 * own PKCS#12 per department instead.
 */
final class LetterKeyGenerator {

  private static final Duration CA_VALIDITY = Duration.ofDays(20 * 366);
  private static final Duration DEPARTMENT_VALIDITY = Duration.ofDays(10 * 366);
  private static final SecureRandom RANDOM = new SecureRandom();

  private LetterKeyGenerator() {}

  static SigningKey newAuthority() {
    KeyPair pair = rsa();
    X500Name name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "CivicFlow")
            .addRDN(BCStyle.CN, "CivicFlow 答复函本地签发机构 (local letter CA)")
            .build();
    try {
      Instant now = Instant.now();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(CA_VALIDITY)),
                  name,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate cert = sign(b, pair, pair);
      return new SigningKey(pair.getPrivate(), new X509Certificate[] {cert});
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new LetterKeyProblem("Cannot make the local letter CA: " + e, e);
    }
  }

  static SigningKey newDepartment(SigningKey authority, String code, String name) {
    KeyPair pair = rsa();
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "CivicFlow")
            .addRDN(BCStyle.OU, code)
            .addRDN(BCStyle.CN, name)
            .build();
    X509Certificate ca = authority.certificate();
    try {
      Instant now = Instant.now();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
                  ca,
                  serial(),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(DEPARTMENT_VALIDITY)),
                  subject,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
              .addExtension(
                  Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate cert = sign(b, pair, new KeyPair(ca.getPublicKey(), authority.key()));
      return new SigningKey(pair.getPrivate(), new X509Certificate[] {cert, ca});
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new LetterKeyProblem("Cannot make the signing certificate of " + code + ": " + e, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair subject, KeyPair issuer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new LetterKeyProblem("Cannot make an RSA key: " + e, e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(63, RANDOM).add(BigInteger.ONE);
  }
}
