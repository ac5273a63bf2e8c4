/** The OpenAPI document at {@code /v3/api-docs}: each operation's summary and error answers. */
package org.civicflow.portal.apidocs;
