/** The follow-up process of each commitment of a sent reply, and its delegates. */
package org.civicflow.engine.commitment;
