package org.civicflow.portal.statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an xlsx file back the plain way (zip + XML, no spreadsheet library): the sheets by name,
 * each cell by its reference ({@code B3}) with its text and whether it is a string or a formula.
 */
final class XlsxSheets {

  /** One cell: its shown value (shared strings resolved), its type and whether it has a formula. */
  record Cell(String value, String type, boolean formula) {}

  final Map<String, Map<String, Cell>> sheets = new LinkedHashMap<>();

  XlsxSheets(byte[] xlsx) throws Exception {
    // Read through the central directory (ZipFile): streamed entries carry their sizes only there.
    Map<String, byte[]> files = new HashMap<>();
    Path temp = Files.createTempFile("stats", ".xlsx");
    try {
      Files.write(temp, xlsx);
      try (ZipFile zip = new ZipFile(temp.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          try (InputStream in = zip.getInputStream(e)) {
            files.put(e.getName(), in.readAllBytes());
          }
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    List<String> shared = new ArrayList<>();
    if (files.containsKey("xl/sharedStrings.xml")) {
      NodeList si = xml(files.get("xl/sharedStrings.xml")).getElementsByTagName("si");
      for (int i = 0; i < si.getLength(); i++) {
        shared.add(texts((Element) si.item(i)));
      }
    }
    Map<String, String> targets = new HashMap<>();
    NodeList rels =
        xml(files.get("xl/_rels/workbook.xml.rels")).getElementsByTagName("Relationship");
    for (int i = 0; i < rels.getLength(); i++) {
      Element r = (Element) rels.item(i);
      String target = r.getAttribute("Target").replaceFirst("^/?(xl/)?", "");
      targets.put(r.getAttribute("Id"), "xl/" + target);
    }
    NodeList sheetList = xml(files.get("xl/workbook.xml")).getElementsByTagName("sheet");
    for (int i = 0; i < sheetList.getLength(); i++) {
      Element s = (Element) sheetList.item(i);
      String file = targets.get(s.getAttribute("r:id"));
      sheets.put(s.getAttribute("name"), cells(xml(files.get(file)), shared));
    }
  }

  private static Map<String, Cell> cells(Document sheet, List<String> shared) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    NodeList cs = sheet.getElementsByTagName("c");
    for (int i = 0; i < cs.getLength(); i++) {
      Element c = (Element) cs.item(i);
      String type = c.getAttribute("t");
      boolean formula = c.getElementsByTagName("f").getLength() > 0;
      String value;
      if ("inlineStr".equals(type)) {
        value = texts(c);
      } else {
        NodeList v = c.getElementsByTagName("v");
        value = v.getLength() == 0 ? "" : v.item(0).getTextContent();
        if ("s".equals(type)) {
          value = shared.get(Integer.parseInt(value));
        }
      }
      cells.put(c.getAttribute("r"), new Cell(value, type, formula));
    }
    return cells;
  }

  private static String texts(Element e) {
    StringBuilder sb = new StringBuilder();
    NodeList t = e.getElementsByTagName("t");
    for (int i = 0; i < t.getLength(); i++) {
      sb.append(t.item(i).getTextContent());
    }
    return sb.toString();
  }

  private static Document xml(byte[] bytes) throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  Map<String, Cell> sheet(String name) {
    Map<String, Cell> s = sheets.get(name);
    if (s == null) {
      throw new AssertionError("no sheet " + name + " in " + sheets.keySet());
    }
    return s;
  }

  /** The value in {@code column} of the row whose column A reads {@code label}. */
  String besides(String sheet, String label, String column) {
    Map<String, Cell> s = sheet(sheet);
    for (var e : s.entrySet()) {
      if (e.getKey().matches("A\\d+") && e.getValue().value().equals(label)) {
        Cell c = s.get(column + e.getKey().substring(1));
        return c == null ? null : c.value();
      }
    }
    throw new AssertionError("no row " + label + " in " + sheet + ": " + s);
  }
}
