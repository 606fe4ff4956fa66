/**
 * Corpus traces whose every checkpoint was looked at and matches what the corpus README says the
 * program shows. Traces whose frames need fixed-function geometry, or that were not checked, are
 * not here yet (see docs/oracle.md).
 *
 * The text overlay of these examples is drawn with fixed function. Its font texture is blank and
 * it blends SRCALPHA / INVSRCALPHA, so it leaves every pixel as it is; these expectations were
 * first made while the overlay was not rendered at all (diagnostic 5002, still allowed) and held
 * unchanged once fixed function landed.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';

/** PipelineDiag: a draw needs fixed function, which is not available. */
const FIXED_FUNCTION_UNAVAILABLE = 5002;

function corpus(name: string, description: string, needs: GoldenCase['needs'], tags: readonly string[]): GoldenCase {
  return {
    name: `corpus/${name}`,
    description,
    tags: ['corpus', ...tags],
    needs,
    source: { kind: 'corpus', file: `${name}.svgatrace.gz` },
    expectDiagnostics: [FIXED_FUNCTION_UNAVAILABLE],
  };
}

export const corpusCases: GoldenCase[] = [
  corpus('simple-blit', 'Three 800×600 frames filled by SURFACE_DMA with 0x000000, 0x010101 and 0x020202 (looked at: flat, as the README says)', ['dma', 'clear'], ['dma', 'present']),
  corpus('fence-stress', 'Three 640×480 frames cleared to black between 463 879 FENCE commands (looked at: black)', ['clear'], ['fence', 'present']),
  corpus('gmr-test', 'The GMR conformance test: 24 status screens, the blue 0x000080 screen with its (blank) text, between GMR v1 DMA round trips (looked at: navy)', ['dma', 'clear'], ['gmr', 'dma', 'present']),
];
