package org.civicflow.domain.setting;

import java.time.Instant;

/**
 * One run-time setting as stored.
 *
 * @param updatedAt when an administrator last changed it ({@code null}: never, the default)
 * @param updatedBy who changed it last
 */
public record Setting(String name, String value, Instant updatedAt, String updatedBy) {}
