import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const dmaUploadCases: GoldenCase[];
//# sourceMappingURL=dma-upload.case.d.ts.map