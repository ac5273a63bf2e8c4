package org.civicflow.domain.delegation;

import org.civicflow.domain.session.SessionKind;

/**
 * A delegation (代表团) of a people's congress or a sector (界别) of a CPPCC.
 *
 * @param kind the body it belongs to: NPC delegations, CPPCC sectors
 */
public record Delegation(Long id, SessionKind kind, String name) {}
