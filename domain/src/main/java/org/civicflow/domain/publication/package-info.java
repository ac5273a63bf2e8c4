/** Signed replies and their publication on the public site, with the text's SHA-256 and seal. */
package org.civicflow.domain.publication;
