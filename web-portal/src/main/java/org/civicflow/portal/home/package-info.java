/** The public entry page and the sign-in page. */
package org.civicflow.portal.home;
