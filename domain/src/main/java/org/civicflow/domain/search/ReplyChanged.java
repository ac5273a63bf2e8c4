package org.civicflow.domain.search;

/**
 * A reply was signed, published, withdrawn or kept off the site (published by {@code
 * publication.Publications}) inside the change's transaction (listeners that write run in it: the
 * search feed).
 */
public record ReplyChanged(long publicationId) {}
