/**
 * A safe first start: the first administrator of an empty database, the checks of the database
 * settings on the {@code mysql} profile.
 */
package org.civicflow.portal.setup;
