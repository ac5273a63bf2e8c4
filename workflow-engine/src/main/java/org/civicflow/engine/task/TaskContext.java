package org.civicflow.engine.task;

import java.util.function.Function;

/**
 * What a step needs to know about the task being completed.
 *
 * @param step the id of the task in its model (differs from the key for steps an admin added)
 * @param department the department the task belongs to (for co-handling: the co-handling one)
 * @param variable reads a process variable visible from the task
 */
public record TaskContext(
    String taskId,
    TaskKey key,
    String step,
    long proposalId,
    String department,
    String processInstanceId,
    String actor,
    Function<String, Object> variable) {}
