/**
 * A proposal as people see it: who may see it, its detail, timeline and diagram, and actions on it.
 */
package org.civicflow.engine.proposal;
