/** What every feature shares: domain errors, the clock and the module's configuration. */
package org.civicflow.domain.common;
