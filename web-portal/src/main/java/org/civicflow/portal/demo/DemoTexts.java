package org.civicflow.portal.demo;

/** The texts of the demo proposals and replies (written for CivicFlow after the public case). */
final class DemoTexts {

  private DemoTexts() {}

  static final String SUGGESTION_911100 =
      """
      近年来,网红“直播带货”发展很快,在拉动消费的同时也暴露出一些问题:一是部分主播夸大宣传、虚假宣传,误导消费者;\
      二是个别直播间销售假冒伪劣商品;三是售后服务跟不上,消费者退换货难、维权难。

      为此建议:一是提高直播带货的准入门槛,建立主播信用评价机制;二是加强对直播间广告宣传的监管;\
      三是加强对售后服务和侵害消费者权益行为的监管,畅通维权渠道。""";

  static final String OPINION_911100 =
      """
      市委网信办将指导属地直播平台落实主体责任,配合市场监管部门开展网络直播营销关键词监测,\
      发现违法违规线索及时通报。""";

  static final String DRAFT_911100_V1 =
      """
      金淼代表:

      您提出的《关于加强对网红“直播带货”市场监督管理的建议》收悉。经研究,现答复如下:

      一、我局会同有关部门建立了直播电商联合监管机制。
      二、我局对主要直播平台开展了监测检查。
      三、我局将依法查处直播带货中的违法行为。

      感谢您对市场监管工作的关心和支持。""";

  static final String REPLY_911100 =
      """
      金淼代表:

      您提出的《关于加强对网红“直播带货”市场监督管理的建议》收悉。感谢您对直播电商健康发展和消费者权益保护的关心。\
      经认真研究,现答复如下:

      一、强化部门协同,摸清行业底数。我局会同市委网信办、市税务局建立直播电商联合监管机制,对全市MCN机构开展摸底调查,\
      掌握机构数量、签约主播和经营品类等情况。

      二、开展平台监测,加强日常检查。我局对抖音、快手、拼多多、淘宝等平台开展关键词监测,累计检查本地主播账号300余个,\
      主要涉及地方特产、预包装食品、服装、日用百货、二手车和化妆品等品类,未发现违法违规行为,12315平台未接到相关投诉举报。

      三、制定指导清单,明确经营规范。依据《电子商务法》《消费者权益保护法》《反不正当竞争法》《产品质量法》《食品安全法》\
      《广告法》《价格法》《商标法》《专利法》等法律法规,我局编制了《直播营销行为规范指引》和《直播带货常见违法行为及处理依据清单》,\
      引导主播和平台依法经营。

      四、开展合规宣传,营造良好环境。结合全省“规范网络直播和平台经济发展”工作目标,通过行政指导、培训座谈等方式开展合规宣传,\
      推动平台落实主体责任。

      五、依法查处违法行为,畅通维权渠道。对直播带货中的虚假宣传、售假等违法行为依法查处,涉嫌犯罪的及时移送司法机关;\
      同时提醒广大消费者通过12315平台投诉举报,维护自身合法权益。

      下一步,我局将继续加强直播电商领域监管,推动建立主播信用评价机制,切实保护消费者合法权益。

      再次感谢您对市场监管工作的关心和支持。

      联系人:网络交易监督管理科 张明    联系电话:0410-2345678""";

  static final String DRAFT_WORKSHOP_V1 =
      """
      金淼代表:

      您提出的关于加强食品小作坊监管的建议收悉。我局已开展专项检查,对发现的问题责令整改。\
      下一步将继续加强日常监管。""";

  static final String DRAFT_WORKSHOP_V2 =
      """
      金淼代表:

      您提出的关于加强食品小作坊监管的建议收悉。今年以来,我局开展食品小作坊专项检查4次,\
      检查小作坊126家,责令整改23家,立案查处无证经营案件5起。下一步将建立小作坊登记和日常巡查制度。""";

  static final String DRAFT_DELIVERY =
      """
      金淼代表:

      您提出的关于规范网络订餐食品安全的建议收悉。我局已要求各网络订餐平台严格审核入网商户的实体门店和许可证,\
      对无实体门店的商户一律下线,并对平台开展季度抽查。""";

  static final String DRAFT_SERVICE_STATIONS =
      """
      金淼代表:

      您提出的关于增设社区便民消费维权服务站的建议收悉。我局将会同市场监管部门在重点社区试点设立消费维权服务站,\
      方便群众就近投诉、咨询,计划年内完成10个试点。""";

  /** The commitments (承诺事项) of a demo reply of category B, due some months after today. */
  static java.util.List<java.util.Map<String, Object>> commitmentsOf(
      String replyText, java.time.LocalDate today) {
    if (replyText.equals(DRAFT_SERVICE_STATIONS)) {
      return java.util.List.of(
          commitment("在10个社区设立消费维权服务站", today.plusMonths(8), "服务站挂牌运行并公布地址和电话"));
    }
    if (replyText.equals(DRAFT_WORKSHOP_V1) || replyText.equals(DRAFT_WORKSHOP_V2)) {
      return java.util.List.of(commitment("完成全市食品小作坊专项检查", today.plusMonths(4), "检查结果和查处案件数向社会公布"));
    }
    return java.util.List.of(
        commitment("建立直播带货重点账号监测名单并按月抽查", today.plusMonths(6), "监测名单印发,每月抽查记录存档"),
        commitment("印发直播营销合规指引并开展培训", today.plusMonths(9), "指引印发,培训不少于2场"));
  }

  private static java.util.Map<String, Object> commitment(
      String text, java.time.LocalDate due, String measure) {
    return java.util.Map.of("text", text, "dueDate", due.toString(), "measure", measure);
  }
}
