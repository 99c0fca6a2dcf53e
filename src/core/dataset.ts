import type { ExtractKind } from './extracts/definitions.js';
import type { ExtractData } from './extracts/extractParser.js';

/** The validated extracts of one run; a kind is absent when its file was not given. */
export type Dataset = { readonly [K in ExtractKind]?: ExtractData<K> };
