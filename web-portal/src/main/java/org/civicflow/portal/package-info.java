/** The web application: public site, staff and proposer portal, admin, REST API. */
package org.civicflow.portal;
