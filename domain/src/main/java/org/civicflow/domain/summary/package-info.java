/** The year's handling summary of a session (办理工作总体情况): generated, reviewed, published, sealed. */
package org.civicflow.domain.summary;
