import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
const stubs = (process.env.STUB ?? '').split(',');
const stub: Plugin = { name: 'stub', enforce: 'pre', load(id) {
  if (stubs.includes('json') && id.endsWith('messages.json')) return '{}';
  
  return null; },
  resolveId(src) { if (stubs.includes('css') && src.includes('panel.css')) return '\0css'; if (stubs.includes('datefns') && src === 'date-fns') return '\0df'; if (stubs.includes('datefns') && src === 'date-fns/locale') return '\0dfl'; if (stubs.includes('poly') && src === 'webextension-polyfill') return '\0poly'; return null; },
};
const stub2: Plugin = { name: 'stub2', load(id) { if (id === '\0df') return 'export const format=(d,f)=>String(d)+f; export const startOfMonth=d=>d,subMonths=d=>d,differenceInCalendarDays=(a,b)=>a-b,endOfMonth=d=>d,addDays=d=>d,startOfWeek=d=>d,endOfWeek=d=>d,subDays=d=>d,startOfYear=d=>d,endOfYear=d=>d,addMonths=d=>d,startOfQuarter=d=>d,endOfQuarter=d=>d,subQuarters=d=>d,subYears=d=>d,isValid=d=>d,parseISO=d=>d,formatDistanceStrict=d=>d,startOfISOWeek=d=>d,endOfISOWeek=d=>d,addWeeks=d=>d,subWeeks=d=>d,parse=d=>d,isSameMonth=d=>d,eachDayOfInterval=d=>d,isWeekend=d=>d,isSameDay=d=>d,startOfDay=d=>d;'; if (id === '\0dfl') return 'export const nl={},enGB={}'; if (id==='\0css') return 'export default ""'; if (id==='\0poly') return 'export default globalThis.chrome'; return null; } };
await build({ configFile: false, logLevel: 'error', plugins: [stub, stub2, preact()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir: '/tmp/surf/exp', emptyOutDir: true, target: 'chrome120', sourcemap: false, copyPublicDir: false,
    lib: { entry: resolve('src/content/index.ts'), formats: ['iife'], name: 'x', fileName: () => 'content.js' } } });
const code = readFileSync('/tmp/surf/exp/content.js');
console.log(process.env.STUB, (gzipSync(code, { level: 9 }).length / 1024).toFixed(1));
