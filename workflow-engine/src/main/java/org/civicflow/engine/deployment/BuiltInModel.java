package org.civicflow.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civicflow.engine.modeling.ModelKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A built-in model as a release ships it, with the revision that orders the releases of the model:
 * its {@code camunda:versionTag}, a positive whole number raised with every change of the file
 * (checked by the processes module's {@code ModelConventionsTest}).
 *
 * @param key the process id (BPMN) or the id of the first decision (DMN)
 * @param resourceName the deployment resource, e.g. {@code bpmn/departmentHandling.bpmn}
 */
public record BuiltInModel(
    String key, ModelKind kind, String resourceName, int revision, byte[] content) {

  private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  /** The built-in models of the release: {@code <location>bpmn/*.bpmn} and {@code dmn/*.dmn}. */
  public static List<BuiltInModel> read(String location) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<BuiltInModel> models = new ArrayList<>();
    try {
      for (String folder : List.of("bpmn/", "dmn/")) {
        String pattern = location + folder + "*." + folder.substring(0, folder.length() - 1);
        for (Resource r : resolver.getResources(pattern)) {
          try (InputStream in = r.getInputStream()) {
            models.add(of(folder + r.getFilename(), in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in models at " + location, e);
    }
    return models;
  }

  /**
   * A built-in model from its file.
   *
   * @param resourceName {@code bpmn/<name>.bpmn} or {@code dmn/<name>.dmn}
   * @throws IllegalStateException when the file has no process or decision, or no revision
   */
  public static BuiltInModel of(String resourceName, byte[] content) {
    ModelKind kind = resourceName.endsWith(".dmn") ? ModelKind.DMN : ModelKind.BPMN;
    Element first = first(resourceName, content, kind == ModelKind.BPMN ? "process" : "decision");
    String key = first.getAttribute("id");
    String tag =
        first.getAttributeNS(kind == ModelKind.BPMN ? CAMUNDA_BPMN : CAMUNDA_DMN, "versionTag");
    if (key.isEmpty() || !tag.matches("[1-9]\\d{0,8}")) {
      throw new IllegalStateException(
          "built-in model "
              + resourceName
              + " needs an id and a camunda:versionTag revision (a positive whole number), has '"
              + tag
              + "'");
    }
    return new BuiltInModel(key, kind, resourceName, Integer.parseInt(tag), content);
  }

  /** SHA-256 of the file, in hex: tells two files of one revision apart. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether {@code deployed} is this file without its revision: a model deployed before built-in
   * models carried one (the first start of this release on an older database).
   */
  boolean isUntaggedCopy(byte[] deployed) {
    String mine = new String(content, StandardCharsets.UTF_8);
    String untagged = mine.replaceFirst(" camunda:versionTag=\"" + revision + "\"", "");
    return !untagged.equals(mine) && untagged.equals(new String(deployed, StandardCharsets.UTF_8));
  }

  private static Element first(String resourceName, byte[] content, String localName) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Element root =
          f.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
      for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element e && localName.equals(e.getLocalName())) {
          return e;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the built-in model " + resourceName, e);
    }
    throw new IllegalStateException("built-in model " + resourceName + " has no " + localName);
  }
}
