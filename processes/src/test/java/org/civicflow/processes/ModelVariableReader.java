package org.civicflow.processes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads the process variables a BPMN or DMN file uses: those in its expressions ({@code ${…}},
 * {@code #{…}}: conditions, timer dates, candidate groups, assignees, collections, input/output
 * mappings, call activity mappings), the variables it names (multi-instance elements, result
 * variables, input/output parameters, call activity sources and targets) and, in a decision, its
 * input expressions and output names. In an expression, a name followed by {@code .} or {@code (}
 * is a bean or a function, not a variable; delegate expressions name beans.
 */
final class ModelVariableReader {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "true",
          "false",
          "null",
          "empty",
          "div",
          "mod",
          "instanceof");

  /** Attributes whose value is the name of a variable. */
  private static final Set<String> NAMING_ATTRIBUTES =
      Set.of("elementVariable", "resultVariable", "source", "target");

  /** Elements whose {@code name} attribute is the name of a variable. */
  private static final Set<String> NAMING_ELEMENTS =
      Set.of("inputParameter", "outputParameter", "output");

  private ModelVariableReader() {}

  /**
   * The variables the file uses.
   *
   * @throws IllegalStateException the model holds a script (whose variables cannot be read)
   */
  static Set<String> variablesOf(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      Set<String> names = new TreeSet<>();
      walk(document.getDocumentElement(), file, names);
      return names;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IllegalStateException(file + " is not a readable model", e);
    }
  }

  private static void walk(Element element, Path file, Set<String> names) {
    String local = element.getLocalName();
    if ("documentation".equals(local) || "description".equals(local)) {
      return;
    }
    if ("scriptTask".equals(local) || "script".equals(local)) {
      throw new IllegalStateException(file.getFileName() + " holds a script: " + local);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (name.equals("delegateExpression")) {
        continue; // a bean
      }
      boolean naming =
          NAMING_ATTRIBUTES.contains(name)
              || (name.equals("name") && NAMING_ELEMENTS.contains(local))
              || (name.equals("collection") && !attribute.getValue().contains("{"));
      if (naming) {
        names.add(attribute.getValue().strip());
      } else {
        names.addAll(inExpressions(attribute.getValue()));
      }
    }
    if ("inputExpression".equals(local)) {
      names.addAll(inExpression(text(element)));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(e, file, names);
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        names.addAll(inExpressions(child.getNodeValue()));
      }
    }
  }

  /** The variables of the {@code ${…}} and {@code #{…}} expressions in a text. */
  static Set<String> inExpressions(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      names.addAll(inExpression(m.group(1)));
    }
    return names;
  }

  /** The variables of one expression's body. */
  static List<String> inExpression(String body) {
    String code = STRING.matcher(body).replaceAll("''");
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(code);
    while (m.find()) {
      String name = m.group();
      char before = previous(code, m.start());
      char after = next(code, m.end());
      if (KEYWORDS.contains(name) || before == '.' || after == '.' || after == '(') {
        continue;
      }
      if (m.start() > 0 && Character.isDigit(code.charAt(m.start() - 1))) {
        continue; // part of a number
      }
      names.add(name);
    }
    return names;
  }

  private static char previous(String code, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (!Character.isWhitespace(code.charAt(i))) {
        return code.charAt(i);
      }
    }
    return ' ';
  }

  private static char next(String code, int at) {
    for (int i = at; i < code.length(); i++) {
      if (!Character.isWhitespace(code.charAt(i))) {
        return code.charAt(i);
      }
    }
    return ' ';
  }

  private static String text(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      text.append(child.getTextContent());
    }
    return text.toString();
  }
}
