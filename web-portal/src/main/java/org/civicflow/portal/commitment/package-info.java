/** The registrar's pre-session check of the open commitments (会前落实情况督查): API and page. */
package org.civicflow.portal.commitment;
