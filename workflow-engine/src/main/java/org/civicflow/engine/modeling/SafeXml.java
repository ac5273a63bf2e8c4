package org.civicflow.engine.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an uploaded model as XML without ever resolving anything: no document type declarations (so
 * no external entities and no entity expansion bombs), no external schemas or stylesheets, no
 * XInclude; and no elements nested deeper than {@link ElementWalk#MAX_DEPTH}. Only a file that
 * passes here reaches our rules and Camunda's own parsers.
 */
final class SafeXml {

  private SafeXml() {}

  /** The parsed document, or the problems that stop it from being read safely. */
  record Result(Document document, List<ModelProblem> problems) {}

  static Result read(ModelFile file) {
    byte[] bytes = file.content();
    if (bytes.length == 0) {
      return refused(ModelProblem.ofFile("model.empty"));
    }
    if (bytes.length > ModelFile.MAX_BYTES) {
      return refused(
          ModelProblem.ofFile("model.tooLarge", bytes.length / 1024, ModelFile.MAX_BYTES / 1024));
    }
    if (declaresDocumentType(bytes)) {
      return refused(ModelProblem.ofFile("model.doctype"));
    }
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId);
          });
      builder.setErrorHandler(SILENT);
      Document document = builder.parse(new ByteArrayInputStream(bytes));
      if (ElementWalk.deeperThan(document.getDocumentElement(), ElementWalk.MAX_DEPTH)) {
        return refused(ModelProblem.ofFile("model.tooDeep", ElementWalk.MAX_DEPTH));
      }
      return new Result(document, List.of());
    } catch (SAXParseException e) {
      return refused(
          ModelProblem.ofFile("model.notXml", e.getLineNumber(), e.getColumnNumber(), brief(e)));
    } catch (SAXException | IOException e) {
      return refused(ModelProblem.ofFile("model.notXml", 0, 0, brief(e)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be secured", e);
    }
  }

  private static Result refused(ModelProblem problem) {
    return new Result(null, List.of(problem));
  }

  /**
   * A quick look for {@code <!DOCTYPE} or {@code <!ENTITY} anywhere (in any of the usual
   * encodings), before the parser refuses it too: the answer then says why rather than quoting the
   * parser.
   */
  private static boolean declaresDocumentType(byte[] bytes) {
    for (java.nio.charset.Charset cs :
        List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      String text = new String(bytes, cs);
      if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY") || text.contains("<!doctype")) {
        return true;
      }
    }
    return false;
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }

  private static String brief(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
