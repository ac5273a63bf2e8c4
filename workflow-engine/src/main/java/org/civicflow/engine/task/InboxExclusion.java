package org.civicflow.engine.task;

import java.util.List;

/**
 * The steps an inbox leaves out under the separation of duties: those of the person's reviewer and
 * leader groups on the proposals whose current draft they wrote or approved.
 *
 * @param businessKeys the proposals' ids, as the processes carry them
 * @param groups the person's reviewer and leader groups of their department
 */
record InboxExclusion(List<String> businessKeys, List<String> groups) {}
