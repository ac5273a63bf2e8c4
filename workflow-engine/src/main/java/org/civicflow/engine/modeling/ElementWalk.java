package org.civicflow.engine.modeling;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks the elements of an uploaded model in document order with a stack of its own, not the call
 * stack: however deeply a file nests, reading it cannot end in a {@link StackOverflowError}. Files
 * nested deeper than {@link #MAX_DEPTH} are refused before any rule reads them ({@link SafeXml}).
 */
final class ElementWalk {

  /**
   * How deeply a model's elements may nest. The built-in models reach 6; nested sub-processes with
   * extension elements stay far below.
   */
  static final int MAX_DEPTH = 100;

  /** What is done with each element. */
  @FunctionalInterface
  interface Visitor {
    /**
     * @return whether the element's children are walked too
     */
    boolean visit(Element element);
  }

  private ElementWalk() {}

  /** Visits the element and, as the visitor decides, its descendants, in document order. */
  static void walk(Element root, Visitor visitor) {
    Deque<Element> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Element e = stack.pop();
      if (visitor.visit(e)) {
        // pushed last child first, so that the first child is visited next
        for (Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) {
          if (c instanceof Element child) {
            stack.push(child);
          }
        }
      }
    }
  }

  /** Whether an element lies deeper below the root than {@code limit} levels (the root is 1). */
  static boolean deeperThan(Element root, int limit) {
    Deque<Element> elements = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    elements.push(root);
    depths.push(1);
    while (!elements.isEmpty()) {
      Element e = elements.pop();
      int depth = depths.pop();
      if (depth > limit) {
        return true;
      }
      for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element child) {
          elements.push(child);
          depths.push(depth + 1);
        }
      }
    }
    return false;
  }
}
