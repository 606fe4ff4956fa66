/**
 * The golden suite's case registry: every scene script and every corpus trace that was checked
 * by eye. Order is the run order (cheap scripts first, corpus traces last).
 */
import type { GoldenCase } from '../../src/golden/golden-case.js';
import { clearFormatCases } from './clear/clear-formats.case.js';
import { clearPresentCases } from './clear/clear-present.case.js';
import { corpusCases } from './corpus/corpus-traces.case.js';
import { copyStretchCases } from './copy/copy-stretch.case.js';
import { mipmapCases } from './copy/generate-mipmaps.case.js';
import { dmaDxtCases } from './dma/dma-dxt.case.js';
import { dmaUploadCases } from './dma/dma-upload.case.js';
import { fillModeCases } from './draw/fill-modes.case.js';
import { fixedFunctionCases } from './draw/fixed-function.case.js';
import { outputMergerCases } from './draw/depth-stencil-blend.case.js';
import { shaderDrawCases } from './draw/shader-draws.case.js';
import { textureDrawCases } from './draw/texture-draws.case.js';
import { twoSidedMaterialCases } from './draw/two-sided-material.case.js';
import { gmrfbCases } from './screen/gmrfb.case.js';
import { legacy2dCases } from './screen/legacy-2d.case.js';
import { readbackCases } from './screen/present-readback.case.js';
import { screenObjectCases } from './screen/screen-objects.case.js';

/** Every case of the suite. */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  ...clearFormatCases,
  ...clearPresentCases,
  ...dmaUploadCases,
  ...dmaDxtCases,
  ...copyStretchCases,
  ...mipmapCases,
  ...legacy2dCases,
  ...screenObjectCases,
  ...gmrfbCases,
  ...readbackCases,
  ...shaderDrawCases,
  ...fillModeCases,
  ...outputMergerCases,
  ...textureDrawCases,
  ...fixedFunctionCases,
  ...twoSidedMaterialCases,
  ...corpusCases,
];
