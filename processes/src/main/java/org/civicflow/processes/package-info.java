/**
 * The process variables the models (BPMN and DMN, in this module's resources) and CivicFlow's code
 * share: one class per model, each variable a named constant.
 */
package org.civicflow.processes;
