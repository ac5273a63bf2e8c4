/**
 * Commitments of signed replies followed to delivery: reports, supplementary replies, categories.
 */
package org.civicflow.domain.commitment;
