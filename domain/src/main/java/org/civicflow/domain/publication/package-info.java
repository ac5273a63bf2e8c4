/**
 * Signed replies as stored and their publication (公开) on the public site: the record, its states,
 * its SHA-256 and seals, and the verified form in which the public site serves it.
 */
package org.civicflow.domain.publication;
