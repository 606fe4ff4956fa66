/**
 * Corpus traces whose every checkpoint was looked at and matches what the corpus README says the
 * program shows. They must replay with no diagnostic at all, except the one blit that
 * screen-render-test expects to fail. Traces not checked by eye, or too slow to render twice in
 * `npm test` (bunnies, simple-shaders), are not here (see
 * docs/corpus-review.md).
 *
 * The text overlay of these examples is drawn with fixed function. Its font texture is blank and
 * it blends SRCALPHA / INVSRCALPHA, so it leaves every pixel as it is.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';

function corpus(
  name: string,
  description: string,
  needs: GoldenCase['needs'],
  tags: readonly string[],
  expectDiagnostics?: readonly number[],
): GoldenCase {
  return {
    name: `corpus/${name}`,
    description,
    tags: ['corpus', ...tags],
    needs,
    source: { kind: 'corpus', file: `${name}.svgatrace.gz` },
    ...(expectDiagnostics ? { expectDiagnostics } : {}),
  };
}

/**
 * E_SCREEN_SOURCE (src/device/screens/screen-diagnostics.ts): screen-render-test's third
 * screen → GMRFB copy reads (319, 309)-(481, 431) of the 799×405 screen 0, across its bottom
 * edge; the program expects it to fail ("Gray, no cube").
 */
const E_SCREEN_SOURCE = 3623;

export const corpusCases: GoldenCase[] = [
  corpus('simple-blit', 'Three 800×600 frames filled by SURFACE_DMA with 0x000000, 0x010101 and 0x020202 (looked at: flat, as the README says)', ['dma', 'clear'], ['dma', 'present']),
  corpus('fence-stress', 'Three 640×480 frames cleared to black between 463 879 FENCE commands (looked at: black)', ['clear'], ['fence', 'present']),
  corpus('cube', 'The spinning cube, 800×600: frame-000 black (fixed-function power-on lighting, as the README says), frames 1–3 in vertex colours (looked at)', ['draw', 'fixed-function', 'depth', 'dma'], ['draw', 'fixed-function']),
  corpus('half-float-test', 'Four cubes, FLOAT3 and FLOAT16_4 positions through fixed function (top) and shaders (bottom): frame-000 top row black (power-on lighting), frames 1–3 all four alike, as the README says (looked at)', ['draw', 'fixed-function', 'shader', 'depth', 'dma'], ['draw', 'half-float']),
  corpus('screen-present-clip', 'Screen Object at (1000, 2000): the wireframe cube presented through stair-step and swapped-half rectangles, clip lists with a hole and two circles, GMRFB labels (looked at: matches the README)', ['draw', 'fixed-function', 'screen-object', 'gmrfb'], ['screen-object', 'clip', 'gmrfb']),
  corpus('present-readback', 'The spinning cube, 800×600, whose quadrants reach the screen three ways: PRESENT (top left), PRESENT_READBACK + UPDATE (bottom right), and read back after the render target was cleared to magenta (top right, bottom left); they join into one cube with no magenta, as the README says (looked at)', ['draw', 'fixed-function', 'depth', 'readback'], ['draw', 'readback', 'present']),
  corpus('rt-gamma-test', 'A 5×5 grid of black-to-white cubes through vs_2_0/ps_2_0, OUTPUTGAMMA 0.0 to 2.4 by 0.1 row by row: the grey faces get darker from 0.1 on and lighter as gamma grows (0.0 is linear); the cubes look like open boxes because the SDK mesh gives opposite faces the same winding, so CULLMODE FRONT (D3DCULL_CW) culls both ±z faces (or both of another pair) and depth shows the inside walls (looked at; worked out in docs/corpus-review.md)', ['draw', 'shader', 'depth', 'dma'], ['draw', 'shader', 'cull', 'gamma']),
  corpus('blit-cube', 'The 1024×768 textured cube: frame-000 black (texture never written), then each frame shows the previous frame, flipped vertically on the near (−z) face and in the lower-right copy; the lower-left 1-pixel checkerboard joins with no seam at y = 640 between its SURFACE_COPY and SURFACE_STRETCHBLT halves (looked at; pixels checked)', ['draw', 'fixed-function', 'texture', 'depth', 'copy', 'stretch', 'dma'], ['draw', 'texture', 'stretch', 'copy']),
  corpus('cubemark', 'The 36×21 grid of small cubes, 800×600: frame-000 shows only the shader columns (the fixed-function ones are black on black, power-on lighting), frames 1–3 all 756 cubes with fixed-function and shader columns alike (looked at)', ['draw', 'fixed-function', 'shader', 'depth', 'dma'], ['draw', 'shader', 'fixed-function']),
  corpus('dynamic-vertex', 'Three CPU-animated 128×128 meshes (green, red, blue), 800×600: frame-000 black shapes (power-on lighting), frames 1–2 in vertex colours with no torn or stale rows (looked at)', ['draw', 'fixed-function', 'depth', 'dma'], ['draw', 'dma', 'fence']),
  corpus('dynamic-vertex-stress', 'One 256×256 green mesh, 800×600, uploaded row by row with a partial-box DMA before each strip is drawn: frame-000 a black shape (power-on lighting), frames 1–2 the whole mesh in vertex colours, no missing, zero or stale strips (looked at)', ['draw', 'fixed-function', 'depth', 'dma'], ['draw', 'dma', 'fence']),
  corpus('screen-render-test', 'Two Screen Objects: screen 0 with the Red/Green/Blue cube blits, the Cyan/Pink/Gray GMRFB round trips (lower halves the flat inverse 0xBD of the 0x42 fill), screen 1 with the lower part of the video test card and its label; everything the program draws across the screens\' borders or at negative y on screen 1 (Black box, orange cube, "Frame & Text" labels, the card\'s upper part) is clipped away, as docs/corpus-review.md lists region by region (looked at against expected-results.png)', ['draw', 'fixed-function', 'depth', 'dma', 'clear', 'screen-object', 'gmrfb'], ['screen-object', 'gmrfb', 'video'], [E_SCREEN_SOURCE]),
  corpus('gmr-test', 'The GMR conformance test: 24 status screens, the blue 0x000080 screen with its (blank) text, between GMR v1 DMA round trips (looked at: navy)', ['dma', 'clear'], ['gmr', 'dma', 'present']),
];
