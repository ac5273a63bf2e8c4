/**
 * Notifications: what people are told in the portal (with an unread count) and, through an outbox,
 * by e-mail and SMS — each once, however often the job that raised it runs.
 */
package org.civicflow.domain.notification;
