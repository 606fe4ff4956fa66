import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const screenObjectCases: GoldenCase[];
//# sourceMappingURL=screen-objects.case.d.ts.map