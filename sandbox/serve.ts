/**
 * `npm run sandbox`: only the two sandbox servers, on fixed ports, for poking at them with curl
 * or a browser. Stops with Ctrl+C.
 */
import { startExactSandbox } from './exact/server';
import { SANDBOX_TOKENS, startKeepingSandbox } from './keeping/server';

const keeping = await startKeepingSandbox({ port: Number(process.env.KEEPING_SANDBOX_PORT ?? 8731) });
const exact = await startExactSandbox({ port: Number(process.env.EXACT_SANDBOX_PORT ?? 8732) });

console.log(`Keeping API: ${keeping.url}/v1/organisations`);
console.log(
  `  curl -H "Authorization: Bearer ${SANDBOX_TOKENS.admin}" -H "Accept: application/json" ${keeping.url}/v1/organisations`,
);
console.log(`Exact Online: ${exact.url}/docs/MenuPortal.aspx?_Division_=123456`);

process.on('SIGINT', () => {
  void Promise.all([keeping.close(), exact.close()]).then(() => process.exit(0));
});
