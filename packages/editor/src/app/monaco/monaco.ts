/**
 * The slim Monaco API (0.56+ `monaco-editor/editor`) plus only the editor features the a6 editor
 * uses: no bundled languages, no TypeScript/CSS/JSON workers. `register.all` covers the editor
 * contributions; the imports after it are the ones the full `monaco-editor` entry adds on top
 * (see its `esm/vs/index.js`) — document semantic tokens among them, which `register.all` leaves out
 * although our language service provides whole-document tokens.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/common/standaloneStrings';

export { monaco };
