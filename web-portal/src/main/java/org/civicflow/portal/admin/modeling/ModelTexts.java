package org.civicflow.portal.admin.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelKind;
import org.civicflow.engine.modeling.ModelProblem;
import org.civicflow.engine.modeling.ProcessVocabulary;
import org.civicflow.portal.web.ErrorResponses;
import org.civicflow.processes.HandlingVariables;
import org.springframework.stereotype.Component;

/** The modeling vocabulary and the validation problems, in the reader's language. */
@Component
class ModelTexts {

  /** A validation problem as people read it. */
  record ProblemView(String elementId, String elementName, String message) {}

  /** One choice of the editor's side panel. */
  record Choice(String value, String label) {}

  /** A variable the conditions of flows can test. */
  record VariableChoice(String name, String label, String type, List<Choice> values) {}

  private static final Pattern RULE =
      Pattern.compile("\\$\\{dueRules\\.(workingDays|months)\\((\\d+)\\)}");
  private static final Pattern RELATIVE_GROUP = Pattern.compile("\\$\\{(\\w+)}-(\\w+)");

  private final ErrorResponses texts;
  private final ProcessVocabulary vocabulary;
  private final ModelCatalog catalog;

  ModelTexts(ErrorResponses texts, ProcessVocabulary vocabulary, ModelCatalog catalog) {
    this.texts = texts;
    this.vocabulary = vocabulary;
    this.catalog = catalog;
  }

  String text(String key, Locale locale, Object... args) {
    return texts.text(key, List.of(args), locale);
  }

  List<ProblemView> problems(List<ModelProblem> problems, Locale locale) {
    return problems.stream()
        .map(
            p ->
                new ProblemView(
                    p.elementId(), p.elementName(), texts.text(p.message(), p.args(), locale)))
        .toList();
  }

  /** Everything the editor's side panel offers, labelled. */
  Map<String, Object> vocabulary(Locale locale) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(
        "taskKeys",
        vocabulary.taskKeys().stream()
            .map(k -> new Choice(k.name(), text("task." + k.name(), locale)))
            .toList());
    v.put("candidateGroups", groups(locale));
    v.put(
        "assignees",
        List.of(
            new Choice(
                "${" + HandlingVariables.PROPOSER_USERNAME + "}",
                text("modelAssignee.proposerUsername", locale))));
    v.put(
        "delegates",
        vocabulary.delegates().stream()
            .map(b -> new Choice("${" + b + "}", text("delegate." + b, locale)))
            .toList());
    v.put(
        "dueDateRules",
        vocabulary.dueDateRules().stream().map(r -> new Choice(r, dueRule(r, locale))).toList());
    v.put(
        "timerDates",
        vocabulary.timerDates().stream()
            .map(d -> new Choice("${" + d + "}", text("timerDate." + d, locale)))
            .toList());
    v.put(
        "variables",
        vocabulary.conditionVariables().stream()
            .map(
                x ->
                    new VariableChoice(
                        x.name(),
                        text("modelVar." + x.name(), locale),
                        x.type(),
                        x.values().stream()
                            .map(val -> new Choice(val, text("modelValue." + val, locale)))
                            .toList()))
            .toList());
    List<Choice> decisions = new ArrayList<>();
    List<Choice> processes = new ArrayList<>();
    for (ModelCatalog.Model m : catalog.models()) {
      Choice c = new Choice(m.key(), m.name() == null ? m.key() : m.name());
      (m.kind() == ModelKind.DMN ? decisions : processes).add(c);
    }
    v.put("decisions", decisions);
    v.put("processes", processes);
    return v;
  }

  private List<Choice> groups(Locale locale) {
    List<Choice> groups = new ArrayList<>();
    for (String g : vocabulary.relativeGroups()) {
      groups.add(new Choice(g, groupLabel(g, null, locale)));
    }
    vocabulary.fixedGroups().forEach((g, d) -> groups.add(new Choice(g, groupLabel(g, d, locale))));
    return groups;
  }

  /** "本承办单位 · 领导", "市场监督管理局 · 领导", "交办员". */
  String groupLabel(String group, Department department, Locale locale) {
    Matcher m = RELATIVE_GROUP.matcher(group);
    if (m.matches()) {
      return text("modelGroup." + m.group(1), locale) + " · " + roleText(m.group(2), locale);
    }
    if (department != null && group.contains("-")) {
      return department.name()
          + " · "
          + roleText(group.substring(group.lastIndexOf('-') + 1), locale);
    }
    return roleText(group, locale);
  }

  private String roleText(String groupId, Locale locale) {
    for (Role r : Role.values()) {
      if (r.groupId().equals(groupId)) {
        return text("role." + r.name(), locale);
      }
    }
    return groupId;
  }

  String dueRule(String rule, Locale locale) {
    if (rule.isEmpty()) {
      return text("dueRule.default", locale);
    }
    Matcher m = RULE.matcher(rule);
    if (m.matches()) {
      return text("dueRule." + m.group(1), locale, Integer.parseInt(m.group(2)));
    }
    return text("timerDate." + rule.substring(2, rule.length() - 1), locale);
  }
}
