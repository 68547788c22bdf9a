/**
 * Runs the fake Exact Online on its own for manual checks:
 *   npx tsx sandbox/exact/main.ts [port] [--lang=en] [--variant=changed|unknown|reference2|reference2-nototals] [--latency=150] [--no-rest-api]
 */

import { startExactSandbox } from './server';
import { isVariant, VARIANTS } from './server/options';

function flag(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const portArg = process.argv.slice(2).find((arg) => /^\d+$/.test(arg));
const lang = flag('lang');
const variant = flag('variant');
const latency = flag('latency');
if ((lang && lang !== 'nl' && lang !== 'en') || (variant && !isVariant(variant))) {
  console.error(
    `usage: main.ts [port] [--lang=nl|en] [--variant=${VARIANTS.join('|')}] [--latency=ms] [--no-rest-api]`,
  );
  process.exit(2);
}

const sandbox = await startExactSandbox({
  port: portArg ? Number(portArg) : 8732,
  language: lang as 'nl' | 'en' | undefined,
  variant: variant && isVariant(variant) ? variant : undefined,
  restApi: !process.argv.includes('--no-rest-api'),
  lookupLatencyMs: latency ? Number(latency) : undefined,
});
console.log(`Exact Online sandbox: ${sandbox.url}/docs/MenuPortal.aspx?_Division_=123456`);

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
