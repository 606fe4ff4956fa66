/**
 * Corpus traces whose every checkpoint was looked at and matches what the corpus README says the
 * program shows. They must replay with no diagnostic at all (the one blit screen-render-test
 * expects to fail aside, were it listed). Traces not checked by eye are not here yet (see
 * docs/oracle.md).
 *
 * The text overlay of these examples is drawn with fixed function. Its font texture is blank and
 * it blends SRCALPHA / INVSRCALPHA, so it leaves every pixel as it is.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';

function corpus(name: string, description: string, needs: GoldenCase['needs'], tags: readonly string[]): GoldenCase {
  return {
    name: `corpus/${name}`,
    description,
    tags: ['corpus', ...tags],
    needs,
    source: { kind: 'corpus', file: `${name}.svgatrace.gz` },
  };
}

export const corpusCases: GoldenCase[] = [
  corpus('simple-blit', 'Three 800×600 frames filled by SURFACE_DMA with 0x000000, 0x010101 and 0x020202 (looked at: flat, as the README says)', ['dma', 'clear'], ['dma', 'present']),
  corpus('fence-stress', 'Three 640×480 frames cleared to black between 463 879 FENCE commands (looked at: black)', ['clear'], ['fence', 'present']),
  corpus('cube', 'The spinning cube, 800×600: frame-000 black (fixed-function power-on lighting, as the README says), frames 1–3 in vertex colours (looked at)', ['draw', 'fixed-function', 'depth', 'dma'], ['draw', 'fixed-function']),
  corpus('half-float-test', 'Four cubes, FLOAT3 and FLOAT16_4 positions through fixed function (top) and shaders (bottom): frame-000 top row black (power-on lighting), frames 1–3 all four alike, as the README says (looked at)', ['draw', 'fixed-function', 'shader', 'depth', 'dma'], ['draw', 'half-float']),
  corpus('screen-present-clip', 'Screen Object at (1000, 2000): the wireframe cube presented through stair-step and swapped-half rectangles, clip lists with a hole and two circles, GMRFB labels (looked at: matches the README)', ['draw', 'fixed-function', 'screen-object', 'gmrfb'], ['screen-object', 'clip', 'gmrfb']),
  corpus('present-readback', 'The spinning cube, 800×600, whose quadrants reach the screen three ways: PRESENT (top left), PRESENT_READBACK + UPDATE (bottom right), and read back after the render target was cleared to magenta (top right, bottom left); they join into one cube with no magenta, as the README says (looked at)', ['draw', 'fixed-function', 'depth', 'readback'], ['draw', 'readback', 'present']),
  corpus('gmr-test', 'The GMR conformance test: 24 status screens, the blue 0x000080 screen with its (blank) text, between GMR v1 DMA round trips (looked at: navy)', ['dma', 'clear'], ['gmr', 'dma', 'present']),
];
