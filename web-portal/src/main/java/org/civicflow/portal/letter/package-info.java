/** Reply letters (答复函): the signed reply as an official document (docx) to download. */
package org.civicflow.portal.letter;
