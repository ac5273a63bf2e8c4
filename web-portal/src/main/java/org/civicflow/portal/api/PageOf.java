package org.civicflow.portal.api;

import java.util.List;

/** A page of a list: {@code {items, page, size, total}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {}
