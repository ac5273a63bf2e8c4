/**
 * Who is told what when the processes remind, escalate or reply: portal notices for the
 * department's handlers and the registrars, with e-mail and SMS through the outbox.
 */
package org.civicflow.engine.notification;
