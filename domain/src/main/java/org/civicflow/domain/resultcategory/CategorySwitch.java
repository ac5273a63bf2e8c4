package org.civicflow.domain.resultcategory;

import java.time.Instant;

/** An administrator's switch of the set of result categories in use. */
public record CategorySwitch(Long id, String set, Instant switchedAt, String switchedBy) {}
