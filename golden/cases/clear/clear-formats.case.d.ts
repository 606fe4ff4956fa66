import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const clearFormatCases: GoldenCase[];
//# sourceMappingURL=clear-formats.case.d.ts.map