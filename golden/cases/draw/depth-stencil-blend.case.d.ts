import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const outputMergerCases: GoldenCase[];
//# sourceMappingURL=depth-stencil-blend.case.d.ts.map