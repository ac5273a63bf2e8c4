/** The Camunda engine joined to the CivicFlow domain. */
package org.civicflow.engine;
