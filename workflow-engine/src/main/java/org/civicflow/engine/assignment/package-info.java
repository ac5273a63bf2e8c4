/**
 * Assignment (交办), sign-for (签收), re-assignment, deadlines, reminders, overdue items, extensions.
 */
package org.civicflow.engine.assignment;
