/** Proposals (建议/提案): registration, their status through handling, search. */
package org.civicflow.domain.proposal;
