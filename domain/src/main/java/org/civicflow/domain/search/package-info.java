/** Ranked search and similarity: a Lucene index on each node, fed from the database. */
package org.civicflow.domain.search;
