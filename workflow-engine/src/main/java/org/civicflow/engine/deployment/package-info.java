/**
 * Deployment of the built-in process and decision models at start, ordered by their revisions, and
 * the admins' decisions on a newer built-in revision that did not replace their own version.
 */
package org.civicflow.engine.deployment;
