/**
 * Process and decision models edited by admins: validation before deployment (safety, structure,
 * the engine's own parser), the impact of a new version on running instances, deployment as a new
 * version, and migration of running instances.
 */
package org.civicflow.engine.modeling;
