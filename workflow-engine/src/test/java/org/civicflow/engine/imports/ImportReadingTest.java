package org.civicflow.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicflow.domain.proposal.ProposalType;
import org.junit.jupiter.api.Test;

/** Reading import files: dates, column names, types, and csv text as it comes. */
class ImportReadingTest {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  static Instant date(String text) {
    return ImportDates.parse(SheetCell.of(text), CITY);
  }

  @Test
  void datesAsRegistrarsWriteThem() {
    Instant jan5 = Instant.parse("2022-01-04T16:00:00Z");
    for (String text :
        List.of("2022-01-05", "2022/1/5", "2022.01.05", "2022年1月5日", "20220105", " 2022-1-5 ")) {
      assertThat(date(text)).as(text).isEqualTo(jan5);
    }
    assertThat(date("2022-01-05 10:30")).isEqualTo(Instant.parse("2022-01-05T02:30:00Z"));
    assertThat(date("2022-01-05T10:30:15+08:00")).isEqualTo(Instant.parse("2022-01-05T02:30:15Z"));
    assertThat(ImportDates.parse(new SheetCell("44566", LocalDateTime.of(2022, 1, 5, 0, 0)), CITY))
        .isEqualTo(jan5);
    for (String bad : List.of("2022-13-45", "2022-02-30", "明天", "=TODAY()", "5/1/2022", "")) {
      assertThat(date(bad)).as(bad).isNull();
    }
  }

  @Test
  void columnsByFieldNameOrChineseLabelWithNotesAndMarks() {
    assertThat(ImportColumns.fieldOf("编号*")).contains("number");
    assertThat(ImportColumns.fieldOf(" 提出时间(如 2022-01-05) ")).contains("submittedAt");
    assertThat(ImportColumns.fieldOf("附议人（用分号分隔）")).contains("coSigners");
    assertThat(ImportColumns.fieldOf("COSIGNERS")).contains("coSigners");
    assertThat(ImportColumns.fieldOf("代表团")).contains("delegation");
    assertThat(ImportColumns.fieldOf("备注")).isEmpty();
    SheetRow header = row(1, "编号", "案由", "内容", "领衔人", "提出时间", "编号");
    assertThatThrownBy(() -> ImportColumns.of(header, true))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("import.file.duplicateColumn");
    assertThatThrownBy(() -> ImportColumns.of(row(1, "编号", "案由", "内容", "领衔人", "提出时间"), false))
        .hasMessageContaining("import.file.missingColumn")
        .hasMessageContaining("session");
  }

  @Test
  void typesInEnglishOrChinese() {
    assertThat(RowParser.type("建议")).isEqualTo(ProposalType.SUGGESTION);
    assertThat(RowParser.type("proposal")).isEqualTo(ProposalType.PROPOSAL);
    assertThat(RowParser.type("议案")).isNull();
  }

  @Test
  void csvIsUtf8WithOrWithoutBomAndItsCellsStayText() {
    String text = "编号,案由\r\n=1+1,\"含,逗号\"\r\n\r\n@SUM(A1),-2\r\n";
    for (byte[] bytes :
        List.of(
            text.getBytes(StandardCharsets.UTF_8),
            ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))) {
      try (SheetRows rows = new CsvRows(bytes)) {
        assertThat(rows.header().cell(0).text()).isEqualTo("编号");
        List<SheetRow> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        assertThat(all).extracting(SheetRow::number).containsExactly(2, 4);
        assertThat(all.get(0).cell(0).text()).isEqualTo("=1+1");
        assertThat(all.get(0).cell(1).text()).isEqualTo("含,逗号");
        assertThat(all.get(1).cell(0).text()).isEqualTo("@SUM(A1)");
      }
    }
    assertThatThrownBy(() -> new CsvRows(text.getBytes(Charset.forName("GBK"))))
        .hasMessageContaining("import.file.notUtf8");
  }

  @Test
  void fileKinds() {
    assertThat(SpreadsheetFormat.detect(new byte[] {0x50, 0x4b, 3, 4}))
        .isEqualTo(SpreadsheetFormat.XLSX);
    assertThat(SpreadsheetFormat.detect("a,b".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SpreadsheetFormat.CSV);
    assertThatThrownBy(
            () ->
                SpreadsheetFormat.detect(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0}))
        .hasMessageContaining("import.file.xls");
  }

  static SheetRow row(int number, String... cells) {
    return new SheetRow(number, java.util.Arrays.stream(cells).map(SheetCell::of).toList());
  }
}
