package org.civicflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deadline table {@code handlingDeadline} (rule 2: 3 months for suggestions, at most 6 months
 * for complex cases, a CPPCC proposal from the session may get 5 months), evaluated by the process
 * engine's own DMN engine. One test per row, in table order, and the case of missing inputs.
 */
@Deployment(resources = "dmn/handlingDeadline.dmn")
class HandlingDeadlineDecisionTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  @Test
  void row1ComplexCaseGetsSixMonthsWhateverItsType() {
    assertThat(months("SUGGESTION", true, false)).isEqualTo(6);
    assertThat(months("PROPOSAL", true, true)).isEqualTo(6);
  }

  @Test
  void row2ProposalFromTheSessionGetsFiveMonths() {
    assertThat(months("PROPOSAL", false, true)).isEqualTo(5);
  }

  @Test
  void row3EverythingElseGetsThreeMonths() {
    assertThat(months("SUGGESTION", false, false)).isEqualTo(3);
    assertThat(months("SUGGESTION", false, true)).isEqualTo(3);
    assertThat(months("PROPOSAL", false, false)).isEqualTo(3);
  }

  @Test
  void missingInputsFallToTheDefaultRow() {
    assertThat(months(null, null, null)).isEqualTo(3);
  }

  @Test
  void resultIsAnIntegerSoTheProcessVariableIsOne() {
    Object value = evaluate("SUGGESTION", false, false).getSingleEntry();
    assertThat(value).isInstanceOf(Integer.class);
  }

  private Integer months(String proposalType, Boolean complex, Boolean fromSession) {
    return evaluate(proposalType, complex, fromSession).getSingleEntry();
  }

  private DmnDecisionResult evaluate(String proposalType, Boolean complex, Boolean fromSession) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(HandlingDeadlineVariables.PROPOSAL_TYPE, proposalType);
    variables.put(HandlingDeadlineVariables.COMPLEX, complex);
    variables.put(HandlingDeadlineVariables.FROM_SESSION, fromSession);
    DecisionService decisionService = ENGINE.getDecisionService();
    return decisionService
        .evaluateDecisionByKey("handlingDeadline")
        .variables(variables)
        .evaluate();
  }
}
