/** The proposal-handling domain of CivicFlow: its model, rules and persistence. */
package org.civicflow.domain;
