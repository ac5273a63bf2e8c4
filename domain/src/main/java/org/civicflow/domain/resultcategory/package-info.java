/** The result categories of replies (答复类别) as the city defines them, and the set in use. */
package org.civicflow.domain.resultcategory;
