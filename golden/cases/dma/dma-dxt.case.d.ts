import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const dmaDxtCases: GoldenCase[];
//# sourceMappingURL=dma-dxt.case.d.ts.map