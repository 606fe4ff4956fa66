/**
 * Draws through vs_2_0 / ps_2_0: a Gouraud triangle, primitive types, culling, scissor and a
 * pixel shader that computes its colour from constants.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const shaderDrawCases: GoldenCase[];
//# sourceMappingURL=shader-draws.case.d.ts.map