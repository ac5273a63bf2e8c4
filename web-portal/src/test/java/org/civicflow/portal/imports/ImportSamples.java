package org.civicflow.portal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Import files for tests, the benchmark and the demo: rows of plausible suggestions of the demo
 * session (市九届人大一次会议) by deputies of the demo city's delegations, written as xlsx (dates as real
 * date cells) or UTF-8 csv, with the template's Chinese column labels.
 *
 * <p>{@code main} writes the 5,000-row sample that a registrar can import in the demo:
 *
 * <pre>
 * cd web-portal &amp;&amp; mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=target/test-cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *   org.civicflow.portal.imports.ImportSamples 5000     # → target/import-samples/
 * </pre>
 */
final class ImportSamples {

  static final String SESSION = "市九届人大一次会议";

  /** The template's columns, in its order. */
  static final List<String> LABELS =
      List.of("会议届次", "编号", "类型", "案由", "内容", "分类", "领衔人", "领衔人账号", "附议人", "代表团/界别", "提出时间");

  static final int NUMBER = 1;
  static final int TITLE = 3;
  static final int PROPOSER = 6;
  static final int DELEGATION = 9;
  static final int SUBMITTED = 10;

  static final String[] DELEGATIONS = {"银州区", "清河区", "铁岭县", "西丰县", "昌图县", "调兵山市", "开原市"};
  static final String[] TOPICS = {
    "直播带货", "食品安全", "校外培训", "老旧小区改造", "交通秩序", "电动自行车充电", "预付卡消费", "农贸市场", "养老服务", "公共停车", "垃圾分类",
    "物业管理", "学前教育", "就业创业", "乡村振兴", "营商环境", "消防安全", "文化旅游", "城市绿化", "网络安全", "未成年人保护", "公共交通",
    "冬季供暖", "农产品质量", "中小企业融资"
  };
  static final String[] CATEGORIES = {"市场监管", "商务流通", "网络治理", "公共安全", "教育", "城乡建设", "社会保障", "农业农村"};
  static final String[] VERBS = {"加强", "规范", "完善", "推进", "优化", "落实", "提升", "健全"};
  static final String[] NOUNS = {"监管", "机制", "服务", "管理", "制度", "标准", "执法", "保障"};
  static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
    "罗"
  };
  static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "华",
    "建国", "海燕", "志刚"
  };

  private ImportSamples() {}

  /** {@code count} valid rows numbered {@code prefix + 0001…}, the same for the same seed. */
  static List<String[]> rows(String prefix, int count, long seed) {
    Random r = new Random(seed);
    List<String[]> rows = new ArrayList<>(count);
    LocalDate first = LocalDate.of(2021, 12, 20);
    for (int i = 1; i <= count; i++) {
      String topic = pick(r, TOPICS);
      String title = "关于" + pick(r, VERBS) + topic + pick(r, NOUNS) + "的建议";
      String proposer = name(r);
      List<String> coSigners = new ArrayList<>();
      for (int c = r.nextInt(4); c > 0; c--) {
        coSigners.add(name(r));
      }
      rows.add(
          new String[] {
            SESSION,
            prefix + String.format("%04d", i),
            "建议",
            title,
            content(r, topic),
            pick(r, CATEGORIES),
            proposer,
            "",
            String.join(";", coSigners),
            pick(r, DELEGATIONS),
            first.plusDays(r.nextInt(20)).toString()
          });
    }
    return rows;
  }

  static String content(Random r, String topic) {
    return "近年来,我市"
        + topic
        + "方面仍存在一些问题:一是"
        + pick(r, NOUNS)
        + "不到位,二是"
        + pick(r, NOUNS)
        + "不健全,群众反映较多。建议:"
        + pick(r, VERBS)
        + topic
        + pick(r, NOUNS)
        + ",明确责任部门,定期公开进展。";
  }

  static String name(Random r) {
    return pick(r, SURNAMES) + pick(r, GIVEN);
  }

  static String pick(Random r, String[] words) {
    return words[r.nextInt(words.length)];
  }

  /** A copy of a row with one column changed. */
  static String[] with(String[] row, int column, String value) {
    String[] copy = Arrays.copyOf(row, row.length);
    copy[column] = value;
    return copy;
  }

  static byte[] xlsx(List<String> header, List<String[]> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeXlsx(out, header, rows);
    return out.toByteArray();
  }

  /** Writes an xlsx: the submission date as a date cell when it is one, everything else as text. */
  static void writeXlsx(OutputStream out, List<String> header, List<String[]> rows) {
    try {
      Workbook wb = new Workbook(out, "CivicFlow tests", "1.0");
      Worksheet ws = wb.newWorksheet("建议");
      for (int c = 0; c < header.size(); c++) {
        ws.value(0, c, header.get(c));
      }
      int dateColumn = header.indexOf("提出时间");
      for (int i = 0; i < rows.size(); i++) {
        String[] row = rows.get(i);
        for (int c = 0; c < row.length; c++) {
          String v = row[c];
          if (v == null || v.isEmpty()) {
            continue;
          }
          if (c == dateColumn && isDate(v)) {
            ws.value(i + 1, c, LocalDate.parse(v));
            ws.style(i + 1, c).format("yyyy-mm-dd").set();
          } else if (v.startsWith("=") && v.length() > 1) {
            ws.formula(i + 1, c, v.substring(1));
          } else {
            ws.value(i + 1, c, v);
          }
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isDate(String v) {
    try {
      LocalDate.parse(v);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** UTF-8 csv with a byte order mark, as Excel writes "CSV UTF-8". */
  static byte[] csv(List<String> header, List<String[]> rows) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append(line(header.toArray(String[]::new)));
    for (String[] row : rows) {
      sb.append(line(row));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String line(String[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        sb.append(',');
      }
      String v = cells[c] == null ? "" : cells[c];
      sb.append(v.matches(".*[,\"\\r\\n].*") ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    return sb.append("\r\n").toString();
  }

  /** Writes the 5,000-row sample of the demo as xlsx and csv into target/import-samples. */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = Path.of("target", "import-samples");
    Files.createDirectories(dir);
    List<String[]> rows = rows("93", count, 2022);
    Files.write(dir.resolve("proposals-" + count + ".xlsx"), xlsx(LABELS, rows));
    Files.write(dir.resolve("proposals-" + count + ".csv"), csv(LABELS, rows));
    System.out.println("Wrote " + count + " rows to " + dir.toAbsolutePath());
  }
}
