import { Worker } from 'node:worker_threads';
const t = performance.now();
const w = new Worker(new URL('./dist/io/extractWorker.js', import.meta.url));
w.on('online', () => console.log('online', (performance.now()-t).toFixed(0)));
setTimeout(()=>{ w.postMessage({}); }, 0);
w.on('message', m => { console.log('first message', (performance.now()-t).toFixed(0)); w.terminate(); });
w.on('error', e => { console.log('err', (performance.now()-t).toFixed(0), String(e).slice(0,80)); w.terminate(); });
