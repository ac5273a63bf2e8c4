/**
 * Notices: the person's notification list, the unread count, and the gateways that carry mail and
 * SMS.
 */
package org.civicflow.portal.notification;
