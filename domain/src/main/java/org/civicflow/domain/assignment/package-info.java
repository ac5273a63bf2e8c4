/** Assignments (交办) of a proposal to departments: lead, co-handling or separate, with deadlines. */
package org.civicflow.domain.assignment;
