/** Sign-in, sessions and who may reach which part of CivicFlow. */
package org.civicflow.portal.security;
