/** Working days, the holiday calendar and the handling deadlines computed from them. */
package org.civicflow.domain.calendar;
