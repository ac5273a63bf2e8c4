/** Acceptance (立案), refusal (不予立案) and merge (并案): the registrar's first decision. */
package org.civicflow.engine.acceptance;
