/**
 * GMRFB: DEFINE_GMRFB over VRAM in each format (32/24, 24/24, 16/16 R5G6B5, 16/15 X1R5G5B5) and
 * BLIT_GMRFB_TO_SCREEN onto a Screen Object; a screen → GMRFB → screen round trip; and
 * ANNOTATION_FILL before a blit.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const gmrfbCases: GoldenCase[];
//# sourceMappingURL=gmrfb.case.d.ts.map