package org.civicflow.domain.reply;

import java.time.LocalDate;

/**
 * One commitment (承诺事项) as the handler writes it in a draft: what will be done, by when, and how
 * one will know it was done.
 */
public record CommitmentInput(String text, LocalDate dueDate, String measure) {}
