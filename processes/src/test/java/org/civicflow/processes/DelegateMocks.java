package org.civicflow.processes;

import static org.mockito.Mockito.mock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Mockito mocks for every bean the models may name, registered with {@link Mocks} so that the
 * {@code MockExpressionManager} of the test engine resolves {@code ${beanName}} to them.
 */
final class DelegateMocks {

  /** The delegate beans a service task may use (the allowlist of the model conventions). */
  static final List<String> DELEGATE_BEANS =
      List.of(
          "refuseProposalDelegate",
          "mergeProposalDelegate",
          "acceptProposalDelegate",
          "assignDepartmentsDelegate",
          "signForDelegate",
          "reassignmentDelegate",
          "closeProposalDelegate",
          "withdrawProposalDelegate",
          "planDeadlinesDelegate",
          "missingCoOpinionDelegate",
          "reminderDelegate",
          "overdueDelegate",
          "extensionDelegate",
          "sendReplyDelegate",
          "publishReplyDelegate",
          "requestFeedbackDelegate",
          "noFeedbackDelegate",
          "rehandlingDelegate",
          "finishHandlingDelegate",
          "supplementaryReplyDelegate",
          "commitmentReminderDelegate",
          "commitmentOverdueDelegate",
          "commitmentsKeptDelegate",
          "preSessionNoticeDelegate");

  private final Map<String, JavaDelegate> delegates = new LinkedHashMap<>();
  final HandlingPlan handlingPlan = mock(HandlingPlan.class);

  DelegateMocks() {
    for (String bean : DELEGATE_BEANS) {
      JavaDelegate delegate = mock(JavaDelegate.class, bean);
      delegates.put(bean, delegate);
      Mocks.register(bean, delegate);
    }
    Mocks.register("handlingPlan", handlingPlan);
  }

  JavaDelegate get(String bean) {
    JavaDelegate delegate = delegates.get(bean);
    if (delegate == null) {
      throw new IllegalArgumentException("no such delegate bean: " + bean);
    }
    return delegate;
  }
}
