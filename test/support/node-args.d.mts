export declare const SOURCE_NODE_ARGS: string[];
