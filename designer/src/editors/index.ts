/** The section editors; importing this module defines their custom elements. */
export { ConditionsEditor } from './conditions/conditions-editor.ts';
export { DocumentsEditor } from './documents/documents-editor.ts';
export { FeesEditor } from './fees/fees-editor.ts';
export { DeadlineEditor } from './deadline/deadline-editor.ts';
export { RoutingEditor } from './routing/routing-editor.ts';
export { ScenariosEditor } from './scenarios/scenarios-editor.ts';
export { PublishPanel } from './publish/publish-panel.ts';
export { HistoryPanel } from './history/history-panel.ts';
export { environmentFrom, loadEnvironment, type EditorEnvironment } from './environment.ts';
export { scenarioResults } from './scenarios/scenario-results.ts';
