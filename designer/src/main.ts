import './shell/designer-app.ts';

// The section editors load after the first paint, in their own chunk.
void import('./editors/index.ts');
