/** Administration: integrity failures of published replies (more in the admin area). */
package org.civicflow.portal.admin;
