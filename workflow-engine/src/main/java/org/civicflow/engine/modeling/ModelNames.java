package org.civicflow.engine.modeling;

import org.w3c.dom.Element;

/** Namespaces and element helpers shared by the BPMN and DMN rules. */
final class ModelNames {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  /** Camunda still reads the old Activiti namespace as its own: refused outright. */
  static final String ACTIVITI = "http://activiti.org/bpmn";

  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private ModelNames() {}

  static String attr(Element e, String name) {
    String v = e.getAttribute(name);
    return v == null || v.isEmpty() ? null : v;
  }

  static String camunda(Element e, String name) {
    String v = e.getAttributeNS(CAMUNDA, name);
    return v == null || v.isEmpty() ? null : v;
  }

  static boolean is(Element e, String namespace, String localName) {
    return namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }

  /** A problem about an element, named as the diagram shows it. */
  static ModelProblem problem(Element e, String message, Object... args) {
    Element named = e;
    // extension elements and definitions are reported on the task or event they belong to
    while (named != null
        && attr(named, "id") == null
        && named.getParentNode() instanceof Element p) {
      named = p;
    }
    String id = named == null ? null : attr(named, "id");
    String name = named == null ? null : attr(named, "name");
    return new ModelProblem(id, name, message, java.util.List.of(args));
  }
}
