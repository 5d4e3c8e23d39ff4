// The staff app's entry (index.html): the shell and the inbox now; the dossier page, the counter
// intake and the administration are loaded when first opened (screens.ts, staff-app.ts).
import { SHELL_ELEMENTS, defineElements } from './define-shell.ts';

defineElements(SHELL_ELEMENTS);
