/** Deployment of the process and decision models: the built-in ones at start, admin edits later. */
package org.civicflow.engine.deployment;
