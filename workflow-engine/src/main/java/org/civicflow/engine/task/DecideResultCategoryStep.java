package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.commitment.ResultCategories;
import org.civicflow.domain.reply.ReplyCategory;
import org.springframework.stereotype.Component;

/**
 * 决定办理结果类别: {@code {category, comment}} — once every commitment of the reply is kept; recorded
 * beside the signed reply, which stays as signed.
 */
@Component
class DecideResultCategoryStep implements TaskStep {

  private final ResultCategories categories;

  DecideResultCategoryStep(ResultCategories categories) {
    this.categories = categories;
  }

  @Override
  public TaskKey key() {
    return TaskKey.decideResultCategory;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    ReplyCategory category = body.choice("category", ReplyCategory.class, true);
    String comment = body.text("comment", false);
    body.validate();
    categories.decide(task.proposalId(), task.department(), category, comment, task.actor());
    return Map.of();
  }
}
