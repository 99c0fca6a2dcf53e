for (let r = 0; r < 3; r++) {
  for (const how of ['slice', 'set', 'plainslice']) {
    const n = 2_000_000;
    const buf = new ArrayBuffer(0, { maxByteLength: 2 ** 32 });
    buf.resize(n * 4 * 1.3);
    const a = how === 'plainslice' ? new Int32Array(n * 1.3) : new Int32Array(buf);
    for (let i = 0; i < n; i++) a[i] = i;
    const t = performance.now();
    let p;
    if (how === 'set') { p = new Int32Array(n); p.set(a.subarray(0, n)); } else p = a.slice(0, n);
    console.log(how, (performance.now() - t).toFixed(1), p[n - 1]);
  }
}
