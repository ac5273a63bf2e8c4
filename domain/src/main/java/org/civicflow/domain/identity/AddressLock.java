package org.civicflow.domain.identity;

import java.time.Instant;

/**
 * An address from which sign-ins of an account are locked for now.
 *
 * @param username the account
 * @param address the client address
 * @param until when the lock ends by itself
 */
public record AddressLock(String username, String address, Instant until) {}
