// The folding rule lives in core so that the browser's procedure search matches the server's.
export { foldText } from '@motcua/core';
