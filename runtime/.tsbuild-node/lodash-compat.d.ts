export declare const FP: Record<string, string>;
/** The module that stands for a lodash import, or undefined when `source` is not lodash. */
export declare function lodashReplacement(source: string): string | undefined;
export declare const AJV_SHIMS: Record<string, string>;
