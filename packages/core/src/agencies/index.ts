export * from './agency-directory.ts';
export * from './receiving-agency.ts';
export * from './agency-ref.ts';
