/** The public disclosure column (建议提案办理结果公开): list, search and reply pages, and their API. */
package org.civicflow.portal.publicsite;
