package org.civicflow.engine.modeling;

import static org.civicflow.engine.modeling.ModelNames.CAMUNDA_DMN;
import static org.civicflow.engine.modeling.ModelNames.attr;
import static org.civicflow.engine.modeling.ModelNames.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Our rules for a decision model: FEEL only (it cannot reach Java; languages named exactly, {@link
 * #LANGUAGES}), no scripts ({@link ScriptElements}), inputs that read known process variables, one
 * output and a hit policy that yields one result (the processes read a single entry), and the
 * history time-to-live the engine insists on.
 */
final class DmnRules {

  private static final Set<String> CAMUNDA_ATTRIBUTES =
      Set.of("historyTimeToLive", "versionTag", "inputVariable");

  /**
   * The expression and type languages a decision may name, compared exactly: FEEL, by the names
   * Camunda's decision engine takes for it (its own {@code feel} and the FEEL URIs of DMN 1.1 to
   * 1.5). Camunda hands any other name to a script engine of that name, so a name is never matched
   * loosely.
   */
  static final Set<String> LANGUAGES =
      Set.of(
          "feel",
          "FEEL",
          "http://www.omg.org/spec/FEEL/20140401",
          "http://www.omg.org/spec/DMN/20180521/FEEL/",
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "https://www.omg.org/spec/DMN/20211108/FEEL/",
          "https://www.omg.org/spec/DMN/20230324/FEEL/");

  private static final Set<String> SINGLE_RESULT_POLICIES =
      Set.of("UNIQUE", "FIRST", "ANY", "PRIORITY");

  private final ProcessVocabulary vocabulary;
  private final List<ModelProblem> problems = new ArrayList<>();

  private DmnRules(ProcessVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  static List<ModelProblem> check(Document doc, ProcessVocabulary vocabulary) {
    DmnRules rules = new DmnRules(vocabulary);
    rules.checkDocument(doc.getDocumentElement());
    return rules.problems;
  }

  static boolean isDmn(Element root) {
    String ns = root.getNamespaceURI();
    return ns != null
        && ns.replace("https://", "http://").startsWith("http://www.omg.org/spec/DMN/")
        && "definitions".equals(root.getLocalName());
  }

  private void checkDocument(Element root) {
    if (!isDmn(root)) {
      problems.add(ModelProblem.ofFile("model.notDmn"));
      return;
    }
    List<Element> decisions = children(root, "decision");
    if (decisions.isEmpty()) {
      problems.add(ModelProblem.ofFile("model.noDecision"));
    }
    ElementWalk.walk(root, this::check);
    ScriptElements.check(root, problems);
    for (Element decision : decisions) {
      String ttl = decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive");
      if (ttl == null || !ttl.matches("\\d{1,5}") || Integer.parseInt(ttl) < 180) {
        problems.add(problem(decision, "model.historyTimeToLive", 180));
      }
      for (Element table : children(decision, "decisionTable")) {
        checkTable(table);
      }
    }
  }

  private void checkTable(Element table) {
    String policy = attr(table, "hitPolicy");
    String aggregation = attr(table, "aggregation");
    boolean single =
        policy == null
            || SINGLE_RESULT_POLICIES.contains(policy.toUpperCase(Locale.ROOT))
            || ("COLLECT".equalsIgnoreCase(policy) && aggregation != null);
    if (!single) {
      problems.add(problem(table, "model.dmnHitPolicy", policy));
    }
    if (children(table, "output").size() != 1) {
      problems.add(problem(table, "model.dmnOneOutput", children(table, "output").size()));
    }
    for (Element input : children(table, "input")) {
      for (Element expression : children(input, "inputExpression")) {
        String text = text(expression).strip();
        if (!vocabulary.expressions().isVariable("${" + text + "}", vocabularyNames())) {
          problems.add(problem(input, "model.dmnInput", text));
        }
      }
    }
  }

  private Set<String> vocabularyNames() {
    Set<String> names = new java.util.HashSet<>(ProcessVocabulary.DATA_VARIABLES);
    vocabulary.conditionVariables().forEach(v -> names.add(v.name()));
    return names;
  }

  /** One element and its attributes (its children are walked too). */
  private boolean check(Element e) {
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
      if (CAMUNDA_DMN.equals(a.getNamespaceURI()) && !CAMUNDA_ATTRIBUTES.contains(name)) {
        problems.add(problem(e, "model.camundaAttributeRefused", a.getName()));
      }
      if ((name.equals("expressionLanguage") || name.equals("typeLanguage"))
          && !LANGUAGES.contains(a.getValue())) {
        problems.add(problem(e, "model.dmnExpressionLanguage", a.getValue()));
      }
    }
    if (CAMUNDA_DMN.equals(e.getNamespaceURI())) {
      problems.add(problem(e, "model.camundaElementRefused", e.getTagName()));
    }
    String own = ownText(e);
    if (SafeExpressions.containsExpression(own) && !"description".equals(e.getLocalName())) {
      problems.add(problem(e, "model.dmnJuel", own.strip()));
    }
    return true;
  }

  private static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        sb.append(c.getNodeValue());
      }
    }
    return sb.toString();
  }

  private static String text(Element e) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element t && "text".equals(t.getLocalName())) {
        return t.getTextContent() == null ? "" : t.getTextContent();
      }
    }
    return "";
  }

  private static List<Element> children(Element parent, String local) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && local.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }
}
