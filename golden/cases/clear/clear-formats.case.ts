/**
 * CLEAR of every colour and depth format the device can clear, read back as a surface
 * checkpoint: one case per format, so a packing bug names its format. Colour 0x80FF4020 is
 * chosen so every channel has a distinct, non-trivial value (R 0xFF, G 0x40, B 0x20, A 0x80) and
 * the conversion to each format's precision is visible; depth 0.5 and stencil 0x5A.
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { ClearFlag, CommandWriter, RenderTarget, clearTarget, contextDefine, defineSurface, newTrace, scriptCase } from '../scene-kit.js';

const SIZE = 8;
const COLOR = 0x80ff_4020;

const COLOR_FORMATS = [
  'X8R8G8B8', 'A8R8G8B8', 'R5G6B5', 'X1R5G5B5', 'A1R5G5B5', 'A4R4G4B4', 'A2R10G10B10',
  'LUMINANCE8', 'LUMINANCE16', 'LUMINANCE4_ALPHA4', 'LUMINANCE8_ALPHA8', 'ALPHA8',
  'G16R16', 'A16B16G16R16', 'ARGB_S10E5', 'ARGB_S23E8', 'R_S10E5', 'R_S23E8', 'RG_S10E5', 'RG_S23E8',
] as const;

const DEPTH_FORMATS = ['Z_D16', 'Z_D32', 'Z_D24S8', 'Z_D24X8', 'Z_D15S1', 'Z_DF16', 'Z_DF24', 'Z_D24S8_INT'] as const;

function colorClear(format: (typeof COLOR_FORMATS)[number]): () => Uint8Array {
  return () => {
    const t = newTrace(`clear/${format}`);
    const c = new CommandWriter();
    defineSurface(c, 1, F[format], SIZE, SIZE);
    contextDefine(c);
    clearTarget(c, RenderTarget.COLOR0, 1, SIZE, SIZE, ClearFlag.COLOR, COLOR);
    t.fifo(c.fence(1));
    return t.checkpointSurface('surface', 1).finish();
  };
}

function depthClear(format: (typeof DEPTH_FORMATS)[number]): () => Uint8Array {
  return () => {
    const t = newTrace(`clear/${format}`);
    const c = new CommandWriter();
    defineSurface(c, 1, F[format], SIZE, SIZE);
    contextDefine(c);
    const stencil = format.includes('S') && !format.endsWith('X8') ? ClearFlag.STENCIL : 0;
    clearTarget(c, RenderTarget.DEPTH, 1, SIZE, SIZE, ClearFlag.DEPTH | stencil, 0, 0.5, 0x5a);
    t.fifo(c.fence(1));
    return t.checkpointSurface('surface', 1).finish();
  };
}

export const clearFormatCases: GoldenCase[] = [
  ...COLOR_FORMATS.map((f) =>
    scriptCase(`clear/${f.toLowerCase()}`, `CLEAR of an ${SIZE}×${SIZE} ${f} surface to 0x${COLOR.toString(16)}, read back as RGBA8`, ['clear', 'color', f], ['clear'], colorClear(f)),
  ),
  ...DEPTH_FORMATS.map((f) =>
    scriptCase(`clear/${f.toLowerCase()}`, `CLEAR of an ${SIZE}×${SIZE} ${f} surface to depth 0.5 (grey), read back as RGBA8`, ['clear', 'depth', f], ['clear', 'depth'], depthClear(f)),
  ),
];
