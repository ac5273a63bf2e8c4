/** Users, their roles and department: who may do what in CivicFlow. */
package org.civicflow.domain.identity;
