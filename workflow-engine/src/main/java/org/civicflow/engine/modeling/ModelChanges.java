package org.civicflow.engine.modeling;

import static org.civicflow.engine.modeling.ModelNames.attr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What differs between two versions of a model, element by element (by id): the steps, flows and
 * events of a process (inside sub-processes too), the inputs, outputs and rules of a decision
 * table. An element counts as changed when anything of it changed — its name, its settings, its
 * conditions, its flows — except its place in the diagram.
 */
public final class ModelChanges {

  /** How an element differs. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One element that differs.
   *
   * @param type the element's XML name, e.g. {@code userTask}, {@code rule}
   * @param name its name (the new one when it changed), or null
   */
  public record Change(String id, String type, String name, Kind kind) {}

  /**
   * Elements whose children with an id are compared one by one: a process, a sub-process, a
   * decision, a decision table.
   */
  private static final Set<String> CONTAINERS =
      Set.of(
          "process", "subProcess", "transaction", "adHocSubProcess", "decision", "decisionTable");

  private ModelChanges() {}

  /**
   * The elements of {@code after} that are new or changed (in its order), then those of {@code
   * before} that are gone. Files that cannot be read safely compare as empty.
   */
  public static List<Change> between(byte[] before, byte[] after) {
    Map<String, Element> old = elements(before);
    Map<String, Element> now = elements(after);
    List<Change> changes = new ArrayList<>();
    now.forEach(
        (id, e) -> {
          Element was = old.get(id);
          if (was == null) {
            changes.add(change(id, e, Kind.ADDED));
          } else if (!fingerprint(was).equals(fingerprint(e))) {
            changes.add(change(id, e, Kind.CHANGED));
          }
        });
    old.forEach(
        (id, e) -> {
          if (!now.containsKey(id)) {
            changes.add(change(id, e, Kind.REMOVED));
          }
        });
    return changes;
  }

  private static Change change(String id, Element e, Kind kind) {
    String name = attr(e, "name") != null ? attr(e, "name") : attr(e, "label");
    if (name == null && "rule".equals(e.getLocalName())) {
      name = text(e, "description");
    }
    return new Change(id, e.getLocalName(), name, kind);
  }

  /** The compared elements by id, in document order. */
  private static Map<String, Element> elements(byte[] content) {
    Map<String, Element> found = new LinkedHashMap<>();
    SafeXml.Result xml = SafeXml.read(new ModelFile("compared.xml", content));
    if (xml.document() != null) {
      collect(xml.document().getDocumentElement(), found);
    }
    return found;
  }

  private static void collect(Element e, Map<String, Element> found) {
    boolean container = CONTAINERS.contains(e.getLocalName());
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        if (container && attr(child, "id") != null) {
          found.put(attr(child, "id"), child);
        }
        collect(child, found);
      }
    }
  }

  /**
   * The element with its attributes (sorted) and everything inside it, leaving out the elements
   * compared on their own.
   */
  private static String fingerprint(Element e) {
    StringBuilder out = new StringBuilder();
    write(e, out);
    return out.toString();
  }

  private static void write(Element e, StringBuilder out) {
    out.append('<').append(e.getNamespaceURI()).append(' ').append(e.getLocalName());
    NamedNodeMap attrs = e.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
        sorted.put(a.getNamespaceURI() + " " + a.getLocalName(), a.getValue());
      }
    }
    out.append(sorted).append('>');
    boolean container = CONTAINERS.contains(e.getLocalName());
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        if (!(container && attr(child, "id") != null)) {
          write(child, out);
        }
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        out.append(c.getNodeValue().strip());
      }
    }
    out.append("</>");
  }

  private static String text(Element e, String localName) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child && localName.equals(child.getLocalName())) {
        String t = child.getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
      }
    }
    return null;
  }
}
