package org.civicflow.engine.task;

import java.util.List;
import java.util.Map;
import org.civicflow.domain.commitment.ResultCategories;
import org.civicflow.domain.reply.ReplyCategory;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.springframework.stereotype.Component;

/**
 * 决定办理结果类别: {@code {category, comment}} — a code of the set in use — once every commitment of the
 * reply is kept; recorded beside the signed reply, which stays as signed.
 */
@Component
class DecideResultCategoryStep implements TaskStep {

  private final ResultCategories categories;
  private final ResultCategorySet categorySet;

  DecideResultCategoryStep(ResultCategories categories, ResultCategorySet categorySet) {
    this.categorySet = categorySet;
    this.categories = categories;
  }

  @Override
  public TaskKey key() {
    return TaskKey.decideResultCategory;
  }

  @Override
  public List<FormField> form() {
    return TaskForms.of(key(), categorySet.active());
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    ReplyCategory category = body.category("category", true);
    String comment = body.text("comment", false);
    body.validate();
    categories.decide(task.proposalId(), task.department(), category, comment, task.actor());
    return Map.of();
  }
}
