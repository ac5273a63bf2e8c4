/** Admin: the process and decision models — list, editor, validation, impact, deploy, migrate. */
package org.civicflow.portal.admin.modeling;
