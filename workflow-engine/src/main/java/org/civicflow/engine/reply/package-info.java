/** Co-handling opinions, publication of the reply, the proposer's rating and the second round. */
package org.civicflow.engine.reply;
