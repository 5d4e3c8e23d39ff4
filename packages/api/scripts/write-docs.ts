// `npm run docs -w @motcua/api`: writes docs/public-api.md from the contract.
import { writeFileSync } from 'node:fs';
import { publicApiMarkdown } from '../src/docs/markdown.ts';

const target = new URL('../../../docs/public-api.md', import.meta.url);
writeFileSync(target, publicApiMarkdown());
console.log(`wrote ${target.pathname}`);
