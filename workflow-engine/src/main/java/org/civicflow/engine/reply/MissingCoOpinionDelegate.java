package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/** 一个月未提交: the co-handling department's opinion is recorded as missing. */
@Component("missingCoOpinionDelegate")
class MissingCoOpinionDelegate implements JavaDelegate {

  private final ReplyDrafting drafting;

  MissingCoOpinionDelegate(ReplyDrafting drafting) {
    this.drafting = drafting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    drafting.recordMissingOpinion(
        ProcessVariables.proposalId(execution),
        (String) execution.getVariable(DepartmentHandlingVariables.CO_DEPARTMENT));
  }
}
