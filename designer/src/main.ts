import './app/designer-app.ts';
