package org.civicflow.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.reply.ContactMethod;
import org.civicflow.domain.reply.Disclosure;
import org.civicflow.domain.reply.DraftInput;
import org.civicflow.domain.reply.ReplyDraft;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.domain.search.DraftSources;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 拟稿: {@code {replyText, category: a code of the set in use (A|B|C…), contactMethod:
 * MEETING|VISIT|PHONE|NONE, contactNote, disclosure: PUBLIC|NOT_PUBLIC, nonDisclosureReason,
 * commitments: [{text, dueDate, measure}], drewFrom: [publication ids]}}. Each submission is a new
 * version; a category that promises action lists its commitments; {@code drewFrom} names the
 * earlier replies it drew from (shown to the reviewer).
 */
@Component
class DraftReplyStep implements TaskStep {

  private final ReplyDrafting drafting;
  private final DraftSources sources;
  private final ResultCategorySet categorySet;

  DraftReplyStep(ReplyDrafting drafting, DraftSources sources, ResultCategorySet categorySet) {
    this.categorySet = categorySet;
    this.drafting = drafting;
    this.sources = sources;
  }

  @Override
  public TaskKey key() {
    return TaskKey.draftReply;
  }

  @Override
  public List<FormField> form() {
    return TaskForms.of(key(), categorySet.active());
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    DraftInput input =
        new DraftInput(
            body.text("replyText", true, 100_000),
            body.category("category", true),
            body.choice("contactMethod", ContactMethod.class, true),
            body.text("contactNote", false, 1000),
            body.choice("disclosure", Disclosure.class, true),
            body.text("nonDisclosureReason", false, 1000),
            body.commitments("commitments"));
    try {
      drafting.check(input);
    } catch (ValidationException e) {
      e.fieldErrors().forEach(body.errors()::add);
    }
    List<Long> drewFrom = new ArrayList<>();
    for (String id : body.codes("drewFrom")) {
      if (!id.matches("\\d{1,18}")) {
        body.errors().add("drewFrom", "validation.type.list");
        break;
      }
      drewFrom.add(Long.valueOf(id));
    }
    body.validate();
    try {
      sources.check(task.department(), drewFrom);
    } catch (ValidationException e) {
      e.fieldErrors().forEach(body.errors()::add);
      body.validate();
    }
    ReplyDraft draft = drafting.submit(task.proposalId(), task.department(), input, task.actor());
    sources.record(draft.getId(), drewFrom);
    return Map.of(DepartmentHandlingVariables.DISCLOSURE, input.disclosure().name());
  }
}
