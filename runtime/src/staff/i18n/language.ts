import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '@motcua/core';
import { STRINGS, type StringKey } from './strings.ts';

const KEY = 'motcua-staff-lang';
const listeners = new Set<() => void>();
let current: Lang = readStored();

function readStored(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const lang = (): Lang => current;

/** Switches the workspace's language (remembered on this computer) and re-renders every element. */
export function setLang(next: Lang): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(KEY, next);
  } catch {
    // private mode: the choice lasts for the page
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const l of listeners) l();
}

export type { StringKey };

/** The text of `key` in `language`, `{name}` filled from `values` (elements given their own `lang`). */
export function tr(language: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  const text: string = STRINGS[key][language];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** The text of `key` in the current language, `{name}` filled from `values`. */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return tr(current, key, values);
}

/** The text of a key built at run time (a slip or channel kind), or `fallback` when the table lacks it. */
export function tKey(key: string, fallback = key): string {
  return key in STRINGS ? t(key as StringKey) : fallback;
}

/** A message from the server or core (`{ vi, en }`) in the current language. */
export const msg = (m: { vi: string; en?: string } | null | undefined): string =>
  m ? (current === 'en' && m.en) || m.vi : '';

/** Re-renders its element when the language changes. */
export class LangController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.update);
  }
  hostDisconnected(): void {
    listeners.delete(this.update);
  }
}
