/** What every page shares: language, the current user, errors. */
package org.civicflow.portal.web;
