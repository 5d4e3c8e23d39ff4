import { deriveTypes, generateUiSchema, hasType, resolveSchema as resolveOnce } from '@motcua/core';
import { memoizeResolve } from './resolve-memo.ts';

/**
 * What @jsonforms/core's resolveSchema, deriveTypes, hasType and Generate.uiSchema become at bundle
 * time (patches/@jsonforms+core+3.8.0.patch): core's, which give the same answers, so a bundle holds
 * one copy of each and the publishing checks resolve and generate exactly as the browser does.
 */
export const resolveSchema = memoizeResolve(resolveOnce as (s: unknown, p: string, r: unknown) => unknown);
export { deriveTypes, generateUiSchema, hasType };
