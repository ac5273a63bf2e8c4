package org.civicflow.portal.letter;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A department's signing key and its certificate chain (the department's certificate first). */
record SigningKey(PrivateKey key, X509Certificate[] chain) {

  X509Certificate certificate() {
    return chain[0];
  }
}
