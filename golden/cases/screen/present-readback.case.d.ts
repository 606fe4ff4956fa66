import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const readbackCases: GoldenCase[];
//# sourceMappingURL=present-readback.case.d.ts.map