/**
 * The built-in demo scene: a small trace, made with TraceWriter + CommandWriter, that shows what
 * the device renders today without drawing a single triangle.
 *
 * 320×240 legacy mode. A 64×64 A8R8G8B8 gradient is uploaded by SURFACE_DMA from VRAM; a back
 * buffer is CLEARed, gets the gradient by SURFACE_COPY and twice by SURFACE_STRETCHBLT (POINT 2×,
 * LINEAR 2×), and is PRESENTed to the screen; then a 2D UPDATE shows stripes the guest wrote into
 * the legacy framebuffer. Three more surfaces are CLEARed in other formats (R5G6B5, A4R4G4B4,
 * Z_D16) and taken as surface checkpoints. Every value below is chosen so the expected pixels can
 * be worked out by hand (see `test/demo-scene.test.ts`).
 */
import { SVGA_GMR_FRAMEBUFFER } from '../device/guest-ptr-memory.js';
import { SVGA3dSurfaceFormat } from '../formats/surface-formats.js';
import {
  CommandWriter,
  SVGA3dClearFlag,
  SVGA3dRenderTargetType,
  SVGA3dStretchBltMode,
  SVGA3dTransferType,
} from '../svga3d-decoder/index.js';
import { TraceWriter } from '../trace/trace-writer.js';

/** Name of the scene's output directory and trace file. */
export const DEMO_SCENE_NAME = 'demo';

/** Fixed facts of the scene, shared with its tests and the README. */
export const DemoScene = {
  width: 320,
  height: 240,
  /** Legacy framebuffer: VRAM offset 0, 4 bytes per pixel, rows of width × 4 bytes. */
  bytesPerLine: 320 * 4,
  /** Where the gradient's DMA source sits in VRAM, after the framebuffer. */
  dmaOffset: 0x10_0000,
  gradientSize: 64,
  /** The back buffer's CLEAR colour, 0xAARRGGBB. */
  background: 0xff20_4060,
  /** Where SURFACE_COPY puts the gradient on the back buffer. */
  copyAt: { x: 16, y: 16 },
  /** POINT stretch of the whole gradient to 128×128 at this position. */
  pointAt: { x: 176, y: 16 },
  /** LINEAR stretch of the whole gradient to 128×128 at this position. */
  linearAt: { x: 16, y: 96 },
  /** The 2D UPDATE rectangle and the two stripe colours (BGRX in memory) of the framebuffer. */
  update: { x: 240, y: 160, width: 64, height: 64 },
  stripes: [0x00ff_ffff, 0x0000_0000] as const,
  /** The CLEAR colours of the three small surfaces, and the depth clear. */
  clearR5G6B5: 0xff00_ffff,
  clearA4R4G4B4: 0xffff_00ff,
  clearDepth: 1.0,
  /** Surface ids. */
  sid: { back: 1, gradient: 2, r5g6b5: 3, a4r4g4b4: 4, depth: 5 },
  cid: 1,
} as const;

/** Gradient texel (x, y) as R, G, B, A: red falls, blue rises with x; green rises with y. */
export function gradientRgba(x: number, y: number): [number, number, number, number] {
  return [255 - 4 * x, 4 * y, 4 * x, 255];
}

/** Stripe colour of framebuffer row `y` inside the UPDATE rectangle, as R, G, B (8-row bands). */
export function stripeRgb(y: number): [number, number, number] {
  const bgrx = DemoScene.stripes[(y >> 3) & 1] ?? 0;
  return [(bgrx >>> 16) & 0xff, (bgrx >>> 8) & 0xff, bgrx & 0xff];
}

function gradientBytes(): Uint8Array {
  const n = DemoScene.gradientSize;
  const out = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const [r, g, b, a] = gradientRgba(x, y);
      // A8R8G8B8 in memory: B, G, R, A.
      out.set([b, g, r, a], (y * n + x) * 4);
    }
  }
  return out;
}

function stripeRows(): Uint8Array[] {
  const u = DemoScene.update;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < u.height; y++) {
    const row = new Uint8Array(u.width * 4);
    const [r, g, b] = stripeRgb(y);
    for (let x = 0; x < u.width; x++) row.set([b, g, r, 0], x * 4);
    rows.push(row);
  }
  return rows;
}

function surface(w: CommandWriter, sid: number, format: number, width: number, height: number): void {
  w.surfaceDefine({
    sid,
    surfaceFlags: 0,
    format,
    face: [{ numMipLevels: 1 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }, { numMipLevels: 0 }],
    sizes: [{ width, height, depth: 1 }],
  });
}

function image(sid: number): { sid: number; face: number; mipmap: number } {
  return { sid, face: 0, mipmap: 0 };
}

/** Clears surface `sid` (bound as `type`) over its whole `size`×`size` area. */
function clearTarget(w: CommandWriter, type: number, sid: number, size: { w: number; h: number }, flag: number, color: number, depth: number): void {
  const cid = DemoScene.cid;
  w.setRenderTarget({ cid, type, target: image(sid) });
  w.setViewport({ cid, rect: { x: 0, y: 0, ...size } });
  w.clear({ cid, clearFlag: flag, color, depth, stencil: 0, rects: [{ x: 0, y: 0, ...size }] });
}

/** The demo trace (uncompressed). */
export function buildDemoScene(): Uint8Array {
  const s = DemoScene;
  const t = new TraceWriter().config(16 * 1024 * 1024).comment('svga3d demo scene (src/replay/demo-scene.ts)');
  t.setMode(s.width, s.height, 32);
  t.vramWrite(s.dmaOffset, gradientBytes());

  const n = s.gradientSize;
  const c = new CommandWriter();
  surface(c, s.sid.back, SVGA3dSurfaceFormat.X8R8G8B8, s.width, s.height);
  surface(c, s.sid.gradient, SVGA3dSurfaceFormat.A8R8G8B8, n, n);
  surface(c, s.sid.r5g6b5, SVGA3dSurfaceFormat.R5G6B5, n, n);
  surface(c, s.sid.a4r4g4b4, SVGA3dSurfaceFormat.A4R4G4B4, n, n);
  surface(c, s.sid.depth, SVGA3dSurfaceFormat.Z_D16, n, n);
  c.surfaceDma({
    guest: { ptr: { gmrId: SVGA_GMR_FRAMEBUFFER, offset: s.dmaOffset }, pitch: n * 4 },
    host: image(s.sid.gradient),
    transfer: SVGA3dTransferType.WRITE_HOST_VRAM,
    boxes: [{ x: 0, y: 0, z: 0, w: n, h: n, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
  c.contextDefine({ cid: s.cid });
  const small = { w: n, h: n };
  clearTarget(c, SVGA3dRenderTargetType.COLOR0, s.sid.r5g6b5, small, SVGA3dClearFlag.COLOR, s.clearR5G6B5, 0);
  clearTarget(c, SVGA3dRenderTargetType.COLOR0, s.sid.a4r4g4b4, small, SVGA3dClearFlag.COLOR, s.clearA4R4G4B4, 0);
  clearTarget(c, SVGA3dRenderTargetType.DEPTH, s.sid.depth, small, SVGA3dClearFlag.DEPTH, 0, s.clearDepth);
  c.setRenderTarget({ cid: s.cid, type: SVGA3dRenderTargetType.DEPTH, target: { sid: 0xffff_ffff, face: 0, mipmap: 0 } });
  clearTarget(c, SVGA3dRenderTargetType.COLOR0, s.sid.back, { w: s.width, h: s.height }, SVGA3dClearFlag.COLOR, s.background, 0);

  c.surfaceCopy({
    src: image(s.sid.gradient),
    dest: image(s.sid.back),
    boxes: [{ x: s.copyAt.x, y: s.copyAt.y, z: 0, w: n, h: n, d: 1, srcx: 0, srcy: 0, srcz: 0 }],
  });
  for (const [at, mode] of [
    [s.pointAt, SVGA3dStretchBltMode.POINT],
    [s.linearAt, SVGA3dStretchBltMode.LINEAR],
  ] as const) {
    c.surfaceStretchBlt({
      src: image(s.sid.gradient),
      dest: image(s.sid.back),
      boxSrc: { x: 0, y: 0, z: 0, w: n, h: n, d: 1 },
      boxDest: { x: at.x, y: at.y, z: 0, w: 2 * n, h: 2 * n, d: 1 },
      mode,
    });
  }
  c.present({ sid: s.sid.back, rects: [{ x: 0, y: 0, w: s.width, h: s.height, srcx: 0, srcy: 0 }] });
  c.fence(1);
  t.fifo(c);
  t.checkpointScreen('present');

  // The guest draws into the legacy framebuffer and tells the device which rectangle changed.
  const u = s.update;
  stripeRows().forEach((row, y) => t.vramWrite((u.y + y) * s.bytesPerLine + u.x * 4, row));
  t.fifo(new CommandWriter().update(u).fence(2));
  t.checkpointScreen('update');

  t.checkpointSurface('gradient', s.sid.gradient);
  t.checkpointSurface('clear-r5g6b5', s.sid.r5g6b5);
  t.checkpointSurface('clear-a4r4g4b4', s.sid.a4r4g4b4);
  t.checkpointSurface('clear-depth', s.sid.depth);
  return t.finish();
}
