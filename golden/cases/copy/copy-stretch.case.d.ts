import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const copyStretchCases: GoldenCase[];
//# sourceMappingURL=copy-stretch.case.d.ts.map