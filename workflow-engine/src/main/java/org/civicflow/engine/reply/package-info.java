/** Co-handling opinions, the reply, publication, the proposer's rating and the second round. */
package org.civicflow.engine.reply;
