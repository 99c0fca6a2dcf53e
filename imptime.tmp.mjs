const pre = process.argv[2] ? process.argv[2].split(',') : [];
for (const m of pre) await import(m.startsWith('/') ? m : m);
const t = performance.now();
await import(process.argv[3]);
console.log(process.argv[3].replace('/work/main/dist/',''), 'after', pre.map(p=>p.replace('/work/main/dist/','')).join('+') || '-', (performance.now() - t).toFixed(0));
