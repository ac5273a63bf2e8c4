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
 * The routing table {@code leadDepartmentRouting} (rule 2: a suggested lead department comes from a
 * routing table by category and keywords), evaluated by the process engine's own DMN engine (FEEL,
 * as on the server). One test per row, in table order, and the no-match case.
 */
@Deployment(resources = "dmn/leadDepartmentRouting.dmn")
class LeadDepartmentRoutingDecisionTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  @Test
  void row1TitleMentioningLiveStreamingOrMarketGoesToMarketSupervision() {
    assertThat(route("其他", "关于加强对网红“直播带货”监督管理的建议")).isEqualTo("SCJG");
    assertThat(route("其他", "关于规范农贸市场的建议")).isEqualTo("SCJG");
  }

  @Test
  void row1WinsOverLaterRowsBecauseTheHitPolicyIsFirst() {
    assertThat(route("教育", "关于学校周边市场秩序的建议")).isEqualTo("SCJG");
  }

  @Test
  void row2MarketSupervisionCategoryGoesToMarketSupervision() {
    assertThat(route("市场监管", "关于加强食品安全抽检的建议")).isEqualTo("SCJG");
  }

  @Test
  void row3CommerceOrConsumptionGoesToCommerceBureau() {
    assertThat(route("经济", "关于发展夜间商务区的建议")).isEqualTo("SWJ");
    assertThat(route("经济", "关于促进消费的建议")).isEqualTo("SWJ");
  }

  @Test
  void row4NetworkOrCyberspaceGoesToCyberspaceOffice() {
    assertThat(route("其他", "关于治理网络谣言的建议")).isEqualTo("WXB");
    assertThat(route("其他", "关于加强网信工作的建议")).isEqualTo("WXB");
  }

  @Test
  void row5PublicOrderTrafficOrPoliceGoesToPublicSecurityBureau() {
    assertThat(route("其他", "关于加强社区治安的建议")).isEqualTo("GAJ");
    assertThat(route("其他", "关于缓解早高峰交通拥堵的建议")).isEqualTo("GAJ");
    assertThat(route("其他", "关于公安窗口延时服务的建议")).isEqualTo("GAJ");
  }

  @Test
  void row6SchoolOrEducationGoesToEducationBureau() {
    assertThat(route("其他", "关于增加学校午餐补贴的建议")).isEqualTo("JYJ");
    assertThat(route("其他", "关于发展职业教育的建议")).isEqualTo("JYJ");
  }

  @Test
  void noMatchSuggestsNoDepartment() {
    DmnDecisionResult result = evaluate("城建", "关于增设公共厕所的建议");
    assertThat(result).isEmpty();
    assertThat((Object) result.getSingleEntry()).isNull();
  }

  @Test
  void missingTitleAndCategorySuggestNoDepartment() {
    assertThat(evaluate(null, null)).isEmpty();
  }

  private String route(String category, String title) {
    return evaluate(category, title).getSingleEntry();
  }

  private DmnDecisionResult evaluate(String category, String title) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LeadDepartmentRoutingVariables.CATEGORY, category);
    variables.put(LeadDepartmentRoutingVariables.TITLE, title);
    DecisionService decisionService = ENGINE.getDecisionService();
    return decisionService
        .evaluateDecisionByKey("leadDepartmentRouting")
        .variables(variables)
        .evaluate();
  }
}
