/* The name of an element's kind as the panel and the element list show it (texts kind.*). */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { TIMER } from './model-palette.mjs';

/** Whether an element is a timer event. */
export function isTimer(element) {
  return (getBusinessObject(element).eventDefinitions || []).some((d) => is(d, TIMER));
}

/** The text key of an element's kind; the first type the element is wins. */
function kindKey(element) {
  const timer = isTimer(element);
  const kinds = [
    ['bpmn:UserTask', 'kind.userTask'],
    ['bpmn:ServiceTask', 'kind.serviceTask'],
    ['bpmn:BusinessRuleTask', 'kind.businessRuleTask'],
    ['bpmn:CallActivity', 'kind.callActivity'],
    ['bpmn:SubProcess', 'kind.subProcess'],
    ['bpmn:Task', 'kind.task'],
    ['bpmn:ExclusiveGateway', 'kind.exclusiveGateway'],
    ['bpmn:ParallelGateway', 'kind.parallelGateway'],
    ['bpmn:InclusiveGateway', 'kind.inclusiveGateway'],
    ['bpmn:Gateway', 'kind.gateway'],
    ['bpmn:StartEvent', timer ? 'kind.timerStart' : 'kind.startEvent'],
    ['bpmn:EndEvent', 'kind.endEvent'],
    ['bpmn:BoundaryEvent', timer ? 'kind.timerBoundary' : 'kind.boundaryEvent'],
    ['bpmn:IntermediateCatchEvent', timer ? 'kind.timerIntermediate' : 'kind.intermediateEvent'],
    ['bpmn:IntermediateThrowEvent', 'kind.intermediateEvent'],
    ['bpmn:SequenceFlow', 'kind.sequenceFlow'],
    ['bpmn:TextAnnotation', 'kind.annotation'],
    ['bpmn:Process', 'kind.process'],
  ];
  const found = kinds.find(([type]) => is(element, type));
  return found ? found[1] : null;
}

/** The kind's name in the reader's language (the BPMN type when the panel has no name for it). */
export function kindName(element, t) {
  const key = kindKey(element);
  return key ? t(key) : element.type.replace('bpmn:', '');
}
