/** Sign-off (签发): the leader's decision on the reviewed draft, and sending the signed reply. */
package org.civicflow.engine.signoff;
