/**
 * Whether this node may serve: its start-up work is done, and it holds every seal key the stored
 * records were made with. Until then it answers 503 and is out of its load balancer's rotation.
 */
package org.civicflow.portal.readiness;
