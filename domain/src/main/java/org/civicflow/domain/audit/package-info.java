/** The append-only record of every action: who, when, what, on which object, from where. */
package org.civicflow.domain.audit;
