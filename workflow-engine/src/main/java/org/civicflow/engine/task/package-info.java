/** People's tasks: inboxes, claiming, and completing a step with the body its task key needs. */
package org.civicflow.engine.task;
