/** Reply drafts with their versions, review and sign-off decisions, and co-handling opinions. */
package org.civicflow.domain.reply;
