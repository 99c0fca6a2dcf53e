#!/usr/bin/env -S node --max-semi-space-size=4
import { setFlagsFromString } from 'node:v8';

// The line above caps this thread's young generation at two semi-spaces of
// 4 MB, where V8 would grow them to 16 MB each while a large table is read:
// at 10x the bench the report's peak is about 35 MB lower, for about the
// same time (README, "Speed"). Only a command-line flag sets it: V8 sizes the heap
// before any script runs. `node bin/csc-metrics.js` runs without it.

// V8 moves an allocation site to the old generation once most of its objects
// outlive a young collection; the report then makes millions of short-lived
// rows at such sites, which only a full collection frees. Without it the
// peak at 4x and 10x is 10-20 % lower for the same time (README, "Speed").
setFlagsFromString('--no-allocation-site-pretenuring');
await import('../dist/cli/main.js');
