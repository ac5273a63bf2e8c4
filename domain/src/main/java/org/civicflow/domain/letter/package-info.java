/** Reply letters: document numbers per department and year, and the signed letters as issued. */
package org.civicflow.domain.letter;
