/** The HTTP API v1 (see api-v1.md): a contract that outside clients depend on. */
package org.civicflow.portal.api;
