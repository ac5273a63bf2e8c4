/*
 * What the process editor offers to draw: the palette trimmed to what our processes use (no data
 * objects, stores, pools or groups; user and service tasks and timer events instead of the plain
 * task) and the replace menu without script tasks (the server refuses scripts in a model).
 */

export const TIMER = 'bpmn:TimerEventDefinition';

function CivicPalette(palette, create, elementFactory, translate) {
  function creating(attrs) {
    return function (event) {
      create.start(event, elementFactory.createShape(attrs));
    };
  }
  function entry(group, className, title, attrs) {
    const action = creating(attrs);
    return { group, className, title: translate(title), action: { dragstart: action, click: action } };
  }
  this.getPaletteEntries = function () {
    return function (entries) {
      ['create.data-object', 'create.data-store', 'create.participant-expanded', 'create.group'].forEach(
        (k) => delete entries[k]
      );
      delete entries['create.task'];
      return Object.assign(entries, {
        'create.timer-event': entry('event', 'bpmn-icon-intermediate-event-catch-timer', 'Create timer event', {
          type: 'bpmn:IntermediateCatchEvent',
          eventDefinitionType: TIMER,
        }),
        'create.user-task': entry('activity', 'bpmn-icon-user-task', 'Create user task', {
          type: 'bpmn:UserTask',
        }),
        'create.service-task': entry('activity', 'bpmn-icon-service-task', 'Create service task', {
          type: 'bpmn:ServiceTask',
        }),
      });
    };
  };
  palette.registerProvider(500, this);
}
CivicPalette.$inject = ['palette', 'create', 'elementFactory', 'translate'];

/** The replace menu without script tasks. */
function NoScripts(popupMenu) {
  this.getPopupMenuEntries = function () {
    return function (entries) {
      delete entries['replace-with-script-task'];
      return entries;
    };
  };
  popupMenu.registerProvider('bpmn-replace', 500, this);
}
NoScripts.$inject = ['popupMenu'];

/** The didi module of both, for the Modeler's additionalModules. */
export const restrictionsModule = {
  __init__: ['civicPalette', 'noScripts'],
  civicPalette: ['type', CivicPalette],
  noScripts: ['type', NoScripts],
};
