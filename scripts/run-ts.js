// Runs a TypeScript entry point of the monorepo with path aliases, without a build step.
process.env.TS_NODE_TRANSPILE_ONLY = process.env.TS_NODE_TRANSPILE_ONLY || 'true';
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || require('node:path').join(__dirname, '..', 'tsconfig.json');
require('ts-node/register');
require('tsconfig-paths/register');
const entry = process.argv[2];
process.argv.splice(1, 1);
require(require('node:path').resolve(entry));
