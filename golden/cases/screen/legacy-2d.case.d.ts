/**
 * The legacy framebuffer's 2D commands: UPDATE of guest-written pixels at 32 and 16 bpp, and
 * RECT_FILL / RECT_COPY drawing into the framebuffer. A 64×48 mode keeps the images small.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const legacy2dCases: GoldenCase[];
//# sourceMappingURL=legacy-2d.case.d.ts.map