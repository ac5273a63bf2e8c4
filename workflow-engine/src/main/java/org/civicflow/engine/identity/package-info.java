/** Our users, departments and roles as the Camunda engine sees them (its users and groups). */
package org.civicflow.engine.identity;
