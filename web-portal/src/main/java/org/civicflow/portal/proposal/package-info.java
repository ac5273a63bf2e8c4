/** Proposal pages: staff search and lists, a proposal's full page, the proposer's own proposals. */
package org.civicflow.portal.proposal;
