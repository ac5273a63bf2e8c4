/** Similar proposals and replies for the registrar and the handler, related public replies. */
package org.civicflow.portal.search;
