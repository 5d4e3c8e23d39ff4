export declare const LIMIT_BYTES = 80000;
export declare const GOAL_BYTES = 47000;
export declare const gzip: (text: string | Buffer) => number;
export declare function bundleText(): string;
export interface EmbedWeight {
    procedure: string;
    bundle: number;
    validators: number;
    total: number;
}
/**
 * The JavaScript an embed page loads for each example procedure: the runtime bundle and the
 * procedure version's validator module (compiled as the server compiles it at publish time),
 * each gzip -9, summed. (The end-to-end test measures the same on a real page.)
 */
export declare function embedWeights(): Promise<EmbedWeight[]>;
