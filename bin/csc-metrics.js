#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 moves an allocation site to the old generation once most of its objects
// outlive a young collection; the report then makes millions of short-lived
// rows at such sites, which only a full collection frees. Without it the
// peak at 4x and 10x is 10-20 % lower for the same time (README, "Speed").
setFlagsFromString('--no-allocation-site-pretenuring');
await import('../dist/cli/main.js');
