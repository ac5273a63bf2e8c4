/** The staff's daily work in the portal: the inbox and the task pages. */
package org.civicflow.portal.work;
