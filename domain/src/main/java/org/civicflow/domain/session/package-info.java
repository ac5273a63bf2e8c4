/** Congress sessions (会议届次) to which proposals belong, e.g. 市九届人大一次会议. */
package org.civicflow.domain.session;
