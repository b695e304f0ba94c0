// Bundles src/ into ../web-client/target/classes/webroot (the jar's webroot/), with the static files of public/.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const out = process.env.MOCKROOM_WEBROOT || 'target/classes/webroot';
mkdirSync(out, { recursive: true });
cpSync('public', out, { recursive: true });

const options = {
  entryPoints: { app: 'src/main.tsx' },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.css': 'css' },
  logLevel: 'info',
};

if (process.argv.includes('--watch')) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
