/** Sign-off (签发): a leader signs the reviewed draft, its public text is derived, it is sent. */
package org.civicflow.domain.signoff;
