package org.civicflow.portal.admin;

import java.nio.charset.StandardCharsets;
import org.civicflow.engine.deployment.BuiltInModel;

/**
 * Small built-in process models of made-up releases, for tests that play an upgrade: revision 1
 * registers and ends; later revisions add a step "check" (named as given) before the end.
 */
public final class BuiltInReleases {

  private BuiltInReleases() {}

  public static BuiltInModel release(String key, int revision, String checkName) {
    boolean check = revision > 1;
    String tasks =
        """
            <bpmn:task id="register" name="登记">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:task>
        """
            + (check
                ? """
                    <bpmn:task id="check" name="%s">
                      <bpmn:incoming>Flow_2</bpmn:incoming>
                      <bpmn:outgoing>Flow_3</bpmn:outgoing>
                    </bpmn:task>
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="check" targetRef="end" />
                """
                    .formatted(checkName)
                : "");
    String shapes =
        """
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="82" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="register_di" bpmnElement="register"><dc:Bounds x="240" y="60" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="100" /><di:waypoint x="240" y="100" /></bpmndi:BPMNEdge>
        """
            + (check
                ? """
                      <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="390" y="60" width="100" height="80" /></bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="100" /><di:waypoint x="390" y="100" /></bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3"><di:waypoint x="490" y="100" /><di:waypoint x="542" y="100" /></bpmndi:BPMNEdge>
                      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="542" y="82" width="36" height="36" /></bpmndi:BPMNShape>
                """
                : """
                      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="100" /><di:waypoint x="392" y="100" /></bpmndi:BPMNEdge>
                      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="82" width="36" height="36" /></bpmndi:BPMNShape>
                """);
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://civicflow.org/bpmn">
          <bpmn:process id="%1$s" name="升级测试流程" isExecutable="true" camunda:historyTimeToLive="180" camunda:versionTag="%2$d">
            <bpmn:startEvent id="start" name="开始">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="start" targetRef="register" />
        %3$s    <bpmn:sequenceFlow id="Flow_2" sourceRef="register" targetRef="%4$s" />
            <bpmn:endEvent id="end" name="结束">
              <bpmn:incoming>%5$s</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_%1$s">
            <bpmndi:BPMNPlane id="Plane_%1$s" bpmnElement="%1$s">
        %6$s    </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
            .formatted(
                key, revision, tasks, check ? "check" : "end", check ? "Flow_3" : "Flow_2", shapes);
    return BuiltInModel.of("bpmn/" + key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }
}
