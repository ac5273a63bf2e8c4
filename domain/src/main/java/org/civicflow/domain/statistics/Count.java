package org.civicflow.domain.statistics;

/**
 * How many items share one value.
 *
 * @param key the value (a status, a category, a delegation…); {@code null} for items without one
 */
public record Count(String key, long count) {}
