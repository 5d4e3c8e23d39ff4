import './shell/designer-app.ts';
