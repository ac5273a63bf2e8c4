package org.civicflow.engine.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Models for the validation tests: the built-in ones, and edits of them that must be refused. */
final class HostileModels {

  private HostileModels() {}

  static String builtIn(String path) {
    try (InputStream in = HostileModels.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String departmentHandling() {
    return builtIn("bpmn/departmentHandling.bpmn");
  }

  static String proposalHandling() {
    return builtIn("bpmn/proposalHandling.bpmn");
  }

  static ModelFile bpmn(String xml) {
    return new ModelFile("departmentHandling.bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  /** A small executable process around one element placed between start and end. */
  static String process(String element, String extraAttributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:activiti="http://activiti.org/bpmn"
            id="d" targetNamespace="http://civicflow.org/bpmn">
          <bpmn:process id="hostile" name="恶意流程" isExecutable="true" camunda:historyTimeToLive="180" %s>
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            %s
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
            <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(extraAttributes, element);
  }

  static final String SCRIPT_TASK =
      process(
          """
          <bpmn:scriptTask id="step" name="执行脚本" scriptFormat="javascript">
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            <bpmn:script>java.lang.Runtime.getRuntime().exec("touch /tmp/pwned")</bpmn:script>
          </bpmn:scriptTask>""",
          "");

  static final String SCRIPT_LISTENER =
      process(
          """
          <bpmn:serviceTask id="step" name="答复代表" camunda:delegateExpression="${sendReplyDelegate}">
            <bpmn:extensionElements>
              <camunda:executionListener event="start">
                <camunda:script scriptFormat="groovy">"touch /tmp/pwned".execute()</camunda:script>
              </camunda:executionListener>
            </bpmn:extensionElements>
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:serviceTask>""",
          "");

  static final String UNKNOWN_DELEGATE =
      process(
          """
          <bpmn:serviceTask id="step" name="删除数据" camunda:delegateExpression="${dataSource}">
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:serviceTask>""",
          "");

  static final String JAVA_CLASS =
      process(
          """
          <bpmn:serviceTask id="step" name="任意类" camunda:class="java.lang.ProcessBuilder">
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:serviceTask>""",
          "");

  static final String ACTIVITI_CLASS =
      process(
          """
          <bpmn:serviceTask id="step" name="旧命名空间" activiti:class="java.lang.ProcessBuilder">
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:serviceTask>""",
          "");

  static final String EXPRESSION_ESCAPE =
      process(
          """
          <bpmn:userTask id="step" name="领导签发" camunda:formKey="signOff"
              camunda:candidateGroups="${department}-leader"
              camunda:dueDate="${''.getClass().forName('java.lang.Runtime').getRuntime()}">
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:userTask>""",
          "");

  static final String XXE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
          targetNamespace="x"><bpmn:process id="p" name="&secret;" isExecutable="true"/>
      </bpmn:definitions>
      """;

  static final String BILLION_LAUGHS =
      """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
      ]>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
          targetNamespace="x"><bpmn:process id="p" name="&lol9;" isExecutable="true"/>
      </bpmn:definitions>
      """;

  static final String DEAD_END =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="flawed" isExecutable="true" camunda:historyTimeToLive="180">
          <bpmn:startEvent id="start" />
          <bpmn:userTask id="reviewDraft" name="部门审核" camunda:candidateGroups="${department}-reviewer" />
          <bpmn:userTask id="orphan" name="孤立任务" />
          <bpmn:endEvent id="end" />
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="reviewDraft" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** Scripts outside BPMN's own elements: Camunda's, and another tool's in an extension. */
  static final String SCRIPTS_ELSEWHERE =
      process(
          """
          <bpmn:serviceTask id="step" name="答复代表" camunda:delegateExpression="${sendReplyDelegate}">
            <bpmn:documentation><script>alert(1)</script></bpmn:documentation>
            <bpmn:extensionElements>
              <camunda:inputOutput>
                <camunda:inputParameter name="x">
                  <camunda:script scriptFormat="groovy">"touch /tmp/pwned".execute()</camunda:script>
                </camunda:inputParameter>
              </camunda:inputOutput>
              <tool:scriptTask xmlns:tool="urn:example:tool" id="inner"/>
              <tool:script xmlns:tool="urn:example:tool">rm -rf /</tool:script>
            </bpmn:extensionElements>
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:serviceTask>""",
          "");

  /**
   * A model whose elements nest {@code depth} levels below the definitions (a parser, or a walk on
   * the call stack, that follows them all would overflow).
   */
  static ModelFile nested(String filename, String rootNamespace, int depth) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<m:definitions xmlns:m=\"")
            .append(rootNamespace)
            .append("\" id=\"d\" namespace=\"x\" targetNamespace=\"x\">");
    xml.append("<m:a>".repeat(depth));
    xml.append("</m:a>".repeat(depth));
    xml.append("</m:definitions>");
    return new ModelFile(filename, xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The routing decision with an attribute added to the element that starts with {@code tag}. */
  static ModelFile decisionWith(String tag, String attribute) {
    String dmn = builtIn("dmn/handlingDeadline.dmn");
    if (!dmn.contains(tag)) {
      throw new IllegalStateException("the built-in decision changed: adapt the test edit");
    }
    return new ModelFile(
        "handlingDeadline.dmn",
        dmn.replaceFirst(java.util.regex.Pattern.quote(tag), tag + " " + attribute)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** A file of the given size that is not a model at all. */
  static ModelFile huge(int bytes) {
    byte[] content = new byte[bytes];
    java.util.Arrays.fill(content, (byte) 'a');
    return new ModelFile("huge.bpmn", content);
  }

  /**
   * The department's handling with a second leader approval after the sign-off (the change the
   * product owner asks for): the task has its own id and the sign-off form; a return goes back to
   * drafting.
   */
  static String withSecondSignOff(String departmentHandling) {
    String flow =
        "<bpmn:sequenceFlow id=\"Flow_signOffApproved\" name=\"签发\""
            + " sourceRef=\"signOffDecisionGateway\" targetRef=\"replySigned\">";
    if (!departmentHandling.contains(flow)) {
      throw new IllegalStateException("the built-in model changed: adapt the test edit");
    }
    String added =
        """
              <bpmn:userTask id="secondSignOff" name="主要领导签发" camunda:formKey="signOff"
                  camunda:candidateGroups="${department}-leader" />
              <bpmn:exclusiveGateway id="secondSignOffGateway" name="主要领导意见" />
              <bpmn:sequenceFlow id="Flow_toSecondGateway" sourceRef="secondSignOff"
                  targetRef="secondSignOffGateway" />
              <bpmn:sequenceFlow id="Flow_secondApproved" sourceRef="secondSignOffGateway"
                  targetRef="replySigned">
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${signOffDecision == 'APPROVE'}</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="Flow_secondReturned" sourceRef="secondSignOffGateway"
                  targetRef="draftMerge">
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${signOffDecision == 'RETURN'}</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
        """;
    return departmentHandling
        .replace(flow, flow.replace("targetRef=\"replySigned\"", "targetRef=\"secondSignOff\""))
        .replace("<bpmn:endEvent id=\"replySigned\"", added + "<bpmn:endEvent id=\"replySigned\"");
  }
}
