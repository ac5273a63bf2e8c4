package org.civicflow.portal.bench;

import java.util.Random;

/** Plausible Chinese titles and texts for benchmark data, from a fixed vocabulary. */
final class BenchData {

  static final String[] TOPICS = {
    "直播带货", "食品安全", "校外培训", "老旧小区", "交通秩序", "电动自行车", "预付卡消费", "农贸市场", "养老服务", "医疗保障", "公共停车",
    "垃圾分类", "物业管理", "学前教育", "就业创业", "乡村振兴", "营商环境", "消防安全", "文化旅游", "生态环境", "城市绿化", "社区治理", "网络安全",
    "未成年人保护", "住房保障", "公共交通", "供暖保障", "水资源", "农产品质量", "中小企业"
  };
  static final String[] VERBS = {"加强", "规范", "完善", "推进", "优化", "落实", "提升", "健全", "强化", "改进"};
  static final String[] NOUNS = {
    "监管", "机制", "服务", "管理", "制度", "体系", "措施", "检查", "宣传", "执法", "投诉", "标准", "平台", "资金", "考核", "培训",
    "调查", "整治", "保障", "试点"
  };
  static final String[] PLACES = {"社区", "街道", "乡镇", "园区", "学校", "医院", "市场", "企业"};

  private BenchData() {}

  static String title(Random r) {
    return "关于" + pick(r, VERBS) + pick(r, TOPICS) + pick(r, NOUNS) + "的建议";
  }

  static String sentence(Random r) {
    return "我局"
        + pick(r, VERBS)
        + pick(r, TOPICS)
        + pick(r, NOUNS)
        + ",在"
        + pick(r, PLACES)
        + "开展"
        + pick(r, NOUNS)
        + pick(r, NOUNS)
        + r.nextInt(500)
        + "次。";
  }

  static String text(Random r, int sentences) {
    StringBuilder sb = new StringBuilder("代表:\n\n您的建议收悉。现答复如下:\n\n");
    for (int i = 0; i < sentences; i++) {
      sb.append(sentence(r));
      if (i % 4 == 3) {
        sb.append("\n\n");
      }
    }
    return sb.toString();
  }

  static String pick(Random r, String[] words) {
    return words[r.nextInt(words.length)];
  }
}
