/**
 * Demo data for the embedded default: departments, accounts, a session, proposals at every stage.
 */
package org.civicflow.portal.demo;
