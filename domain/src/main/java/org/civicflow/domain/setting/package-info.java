/** Settings an administrator changes at run time, kept in the database for every node. */
package org.civicflow.domain.setting;
