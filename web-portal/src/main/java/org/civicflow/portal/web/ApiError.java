package org.civicflow.portal.web;

import java.util.Map;

/**
 * The error body of the API and of every JSON answer of a refusal: {@code {"status": 400, "error":
 * "validation_failed", "message": "…", "fields": {"title": "必填"}}}.
 */
public record ApiError(int status, String error, String message, Map<String, String> fields) {}
