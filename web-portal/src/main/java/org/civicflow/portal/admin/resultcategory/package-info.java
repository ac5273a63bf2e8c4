/**
 * The result categories as the city defines them: the admin's switch of the set in use and label
 * editing (page and {@code /api/v1/admin/result-categories}), and the set in use for signed-in
 * clients ({@code /api/v1/result-categories}).
 */
package org.civicflow.portal.admin.resultcategory;
