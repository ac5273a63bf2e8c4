/** The proposer's rating of the handling work and of the result (满意度测评). */
package org.civicflow.domain.feedback;
