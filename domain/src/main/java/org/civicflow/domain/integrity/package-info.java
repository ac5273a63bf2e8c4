/** The cluster's seal keys and the keyed MACs that make stored records tamper-evident. */
package org.civicflow.domain.integrity;
