package org.civicflow.engine.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * Camunda's own parsers, run on a model without deploying it: what the engine would refuse at
 * deployment (schema, missing attributes, unsupported constructs) is listed with the rest.
 */
@Component
class EngineParse {

  private final ProcessEngine engine;

  EngineParse(ProcessEngine engine) {
    this.engine = engine;
  }

  List<ModelProblem> bpmn(String resourceName, byte[] bytes) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<ModelProblem> problems = new ArrayList<>();
    try {
      config
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                BpmnParser parser =
                    new BpmnParser(config.getExpressionManager(), config.getBpmnParseFactory());
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName("validation");
                BpmnParse parse =
                    (BpmnParse)
                        parser
                            .createParse()
                            .deployment(deployment)
                            .sourceInputStream(new ByteArrayInputStream(bytes))
                            .name(resourceName);
                parse.execute();
                return null;
              });
    } catch (ParseException e) {
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem p : report.getErrors()) {
          problems.add(
              new ModelProblem(
                  p.getMainElementId(), null, "model.engine", List.of(brief(p.getMessage()))));
        }
      }
      if (problems.isEmpty()) {
        problems.add(ModelProblem.ofFile("model.engine", brief(e.getMessage())));
      }
    } catch (ProcessEngineException | ModelException e) {
      problems.add(ModelProblem.ofFile("model.engine", brief(e.getMessage())));
    }
    return problems;
  }

  List<ModelProblem> dmn(byte[] bytes) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      config
          .getCommandExecutorTxRequired()
          .execute(
              context ->
                  config
                      .getDmnEngine()
                      .parseDecisionRequirementsGraph(new ByteArrayInputStream(bytes)));
      return List.of();
    } catch (DmnEngineException | ProcessEngineException | ModelException e) {
      return List.of(ModelProblem.ofFile("model.engine", brief(e.getMessage())));
    }
  }

  private static String brief(String message) {
    if (message == null) {
      return "";
    }
    String m = message.replaceAll("\\s+", " ").strip();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }
}
