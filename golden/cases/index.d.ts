/**
 * The golden suite's case registry: every scene script and every corpus trace that was checked
 * by eye. Order is the run order (cheap scripts first, corpus traces last).
 */
import type { GoldenCase } from '../../src/golden/golden-case.js';
/** Every case of the suite. */
export declare const GOLDEN_CASES: readonly GoldenCase[];
//# sourceMappingURL=index.d.ts.map