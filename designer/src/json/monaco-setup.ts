/**
 * Monaco with the JSON language only, loaded by a dynamic import when a JSON view first opens.
 * The editor core plus the contributions a JSON editor uses (find, folding, hover, completion,
 * bracket matching, formatting); no other language. Workers are module files of this origin
 * (`getWorker`), which the page's CSP (worker-src 'self', no blob:) allows. The procedure schema
 * gives the squiggles, the bilingual hover help and the completion.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import './monaco.css';
import 'monaco-editor/editor/browser/coreCommands.js';
// Services some contributions ask for (the full editor registers them through its other features).
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache.js';
import 'monaco-editor/editor/common/services/treeViewsDndService.js';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import { jsonDefaults } from 'monaco-editor/language/json/monaco.contribution.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';
import procedureSchema from '@motcua/core/schema/procedure.schema.json';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export const PROCEDURE_URI = 'inmemory://motcua/procedure.json';

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  comments: 'error',
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [
    { uri: 'https://motcua.vn/schema/procedure.schema.json', fileMatch: [PROCEDURE_URI], schema: procedureSchema },
    // Conditions are draft-07 schemas; core checks them in depth, the editor need not fetch the meta-schema.
    { uri: 'http://json-schema.org/draft-07/schema', schema: {} },
  ],
});

export { monaco };
