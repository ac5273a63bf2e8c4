package org.civicflow.engine.modeling;

import static org.civicflow.engine.modeling.ModelNames.BPMN;
import static org.civicflow.engine.modeling.ModelNames.attr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Everything checked before a model may be deployed, in order: it is a safe XML file of a
 * reasonable size, it follows our rules (no code of its own, known keys, groups, delegates,
 * decisions; a sound flow), and Camunda's own parser accepts it. Every problem found is listed.
 */
@Service
public class ModelValidation {

  /** Problems after which Camunda's parser has nothing to read. */
  private static final java.util.Set<String> UNREADABLE =
      java.util.Set.of("model.notBpmn", "model.notDmn", "model.notAModel");

  private final ProcessVocabulary vocabulary;
  private final EngineParse engineParse;

  ModelValidation(ProcessVocabulary vocabulary, EngineParse engineParse) {
    this.vocabulary = vocabulary;
    this.engineParse = engineParse;
  }

  public ModelReport validate(ModelFile file) {
    SafeXml.Result xml = SafeXml.read(file);
    Optional<ModelKind> byName = ModelKind.ofFilename(file.filename());
    if (xml.document() == null) {
      return new ModelReport(null, byName.orElse(null), null, xml.problems());
    }
    Document doc = xml.document();
    Element root = doc.getDocumentElement();
    ModelKind kind =
        DmnRules.isDmn(root)
            ? ModelKind.DMN
            : ModelNames.is(root, BPMN, "definitions") ? ModelKind.BPMN : byName.orElse(null);
    if (kind == null) {
      return new ModelReport(null, null, null, List.of(ModelProblem.ofFile("model.notAModel")));
    }
    List<ModelProblem> problems = new ArrayList<>();
    if (byName.isPresent() && byName.get() != kind) {
      problems.add(ModelProblem.ofFile("model.wrongExtension", file.filename(), kind.name()));
    }
    Element first = first(root, kind);
    String key = first == null ? null : attr(first, "id");
    String name = first == null ? null : attr(first, "name");
    if (kind == ModelKind.BPMN) {
      problems.addAll(BpmnRules.check(doc, vocabulary));
    } else {
      problems.addAll(DmnRules.check(doc, vocabulary));
    }
    if (key != null && !key.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
      problems.add(new ModelProblem(key, name, "model.keyFormat", List.of(key)));
    }
    boolean safe = problems.stream().noneMatch(BpmnAllowlist::isSafetyProblem);
    boolean readable = problems.stream().noneMatch(p -> UNREADABLE.contains(p.message()));
    if (safe && readable) {
      problems.addAll(
          kind == ModelKind.BPMN
              ? engineParse.bpmn(kind.resourceName(key == null ? "model" : key), file.content())
              : engineParse.dmn(file.content()));
    }
    return new ModelReport(key, kind, name, problems);
  }

  /** The process (BPMN) or the first decision (DMN), whose id is the key of the model. */
  private static Element first(Element root, ModelKind kind) {
    String local = kind == ModelKind.BPMN ? "process" : "decision";
    for (org.w3c.dom.Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
