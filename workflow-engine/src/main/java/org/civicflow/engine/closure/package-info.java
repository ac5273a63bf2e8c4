/** The end of a proposal: closed (办结) when every department finished, or withdrawn (撤回). */
package org.civicflow.engine.closure;
