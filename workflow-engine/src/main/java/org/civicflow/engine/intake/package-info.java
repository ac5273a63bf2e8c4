/** Registration (登记): a proposal is stored and its handling process starts, in one transaction. */
package org.civicflow.engine.intake;
