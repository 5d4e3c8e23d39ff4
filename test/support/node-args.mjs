// How a test starts another Node process on the TypeScript sources: the workspaces' `exports` send
// the `motcua-source` condition to src/*.ts (the default is the compiled dist/), and tsx runs them.
// Production runs the compiled JavaScript without these flags.
export const SOURCE_NODE_ARGS = ['--conditions=motcua-source', '--import', 'tsx'];
