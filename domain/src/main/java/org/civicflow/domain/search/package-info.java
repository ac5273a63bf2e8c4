/**
 * Search: ranked search and similarity (a Lucene index on each node, fed from the database) and the
 * public site's index of published replies (bitmaps in the database).
 */
package org.civicflow.domain.search;
