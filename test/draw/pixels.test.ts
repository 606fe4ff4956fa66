/**
 * End-to-end pixels through SvgaDevice: a vs_2_0 / ps_2_0 triangle checked against hand-computed
 * coverage (D3D9 integer pixel centres, top-left rule) and colour, depth and stencil scenes,
 * scissor, culling per winding and two render targets.
 *
 * Every scene draws on an 8×8 target: clip (x, y) maps to window ((x + 1)·4, (1 − y)·4), so
 * clip −1 / 0 / 1 are window 0 / 4 / 8 and pixel (i, j) is covered when its centre (i, j) is.
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import type { Rgba8Image } from '../../src/common/image.js';
import { expectedRows, rgbRows } from '../support/draw-expect.js';
import { FORMAT, bits, clipQuad, renderScene, states, type Scene } from '../support/draw-scene.js';

/**
 * This file's scenes draw into X8R8G8B8 targets (alpha reads 255, so only `#rrggbb` is compared)
 * and place vertices in clip coordinates; `mrt` adds COLOR1.
 */
function drawScene(s: Omit<Scene, 'colorTargets'> & { readonly mrt?: boolean }): { color: Rgba8Image; color1?: Rgba8Image; diagnostics: string[] } {
  const { mrt, ...scene } = s;
  const { colors, diagnostics } = renderScene({ colorFormat: FORMAT.X8R8G8B8, ...scene, colorTargets: mrt ? 2 : 1 });
  return { color: colors[0]!, ...(colors[1] ? { color1: colors[1] } : {}), diagnostics };
}

const RED = [1, 0, 0, 1];
const GREEN = [0, 1, 0, 1];
const BLUE = [0, 0, 1, 1];
const BLACK = '#000000';

describe('a vs_2_0 / ps_2_0 triangle', () => {
  it('covers the pixel centres inside it by the top-left rule, in its colour', () => {
    // Window (0, 0), (8, 0), (0, 8): clockwise on screen. Centres with i + j < 8 are inside; those
    // on the hypotenuse (i + j = 8) lie on a right edge and are left out, those on x = 0 (left)
    // and y = 0 (top) edges are in.
    const { color, diagnostics } = drawScene({
      vertices: [[-1, 1, 0.5, 1, ...RED], [1, 1, 0.5, 1, ...RED], [-1, -1, 0.5, 1, ...RED]],
      draw: (_c, drawRange) => drawRange(0, 1),
    });
    expect(diagnostics).toEqual([]);
    expect(rgbRows(color)).toEqual(expectedRows((x, y) => (x + y < 8 ? '#ff0000' : BLACK)));
  });

  it('interpolates colour between its vertices', () => {
    // Barycentrics at (i, j): v1 = i/8, v2 = j/8, v0 = the rest; 0.75·255 = 191.25 → 191,
    // 0.25·255 = 63.75 → 64, 0.125·255 = 31.875 → 32.
    const { color } = drawScene({
      vertices: [[-1, 1, 0.5, 1, ...RED], [1, 1, 0.5, 1, ...GREEN], [-1, -1, 0.5, 1, ...BLUE]],
      draw: (_c, drawRange) => drawRange(0, 1),
    });
    const rows = rgbRows(color);
    expect([rows[0]![0], rows[0]![2], rows[2]![0], rows[1]![1], rows[0]![4], rows[4]![4]]).toEqual([
      '#ff0000', '#bf4000', '#bf0040', '#bf2020', '#808000', BLACK,
    ]);
  });
});

describe('determinism', () => {
  it('the same scene gives the same bytes on every run', () => {
    const scene = () =>
      drawScene({
        depthFormat: FORMAT.Z_D24S8,
        vertices: [[-1, 1, 0.1, 1, ...RED], [1, 0.5, 0.9, 1, ...GREEN], [-0.5, -1, 0.4, 1, ...BLUE], ...clipQuad(-0.6, -0.7, 0.8, 0.9, 0.5, [0.3, 0.6, 0.9, 1])],
        draw: (_c, drawRange) => {
          drawRange(0, 1);
          drawRange(3, 2);
        },
      }).color.data;
    const first = scene();
    expect(Array.from(scene())).toEqual(Array.from(first));
    expect(new Set(first).size).toBeGreaterThan(8);
  });
});

describe('output merger state from render states', () => {
  it('depth: LESSEQUAL keeps the nearer of overlapping quads whatever the draw order', () => {
    const { color, diagnostics } = drawScene({
      depthFormat: FORMAT.Z_D16,
      vertices: [...clipQuad(-1, -1, 1, 1, 0.5, RED), ...clipQuad(-1, -1, 1, 1, 0.75, GREEN), ...clipQuad(-1, -1, 0, 1, 0.25, BLUE)],
      draw: (_c, drawRange) => {
        drawRange(0, 2);
        drawRange(6, 2);
        drawRange(12, 2);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(rgbRows(color)).toEqual(expectedRows((x) => (x < 4 ? '#0000ff' : '#ff0000')));
  });

  it('stencil: a left-half quad writes ref 1 with colour writes off, then EQUAL 1 lets green through there only', () => {
    const { color, diagnostics } = drawScene({
      depthFormat: FORMAT.Z_D24S8,
      vertices: [...clipQuad(-1, -1, 0, 1, 0.5, RED), ...clipQuad(-1, -1, 1, 1, 0.5, GREEN)],
      draw: (c, drawRange) => {
        states(c, {
          [RS.ZENABLE]: 0,
          [RS.STENCILENABLE]: 1,
          [RS.STENCILFUNC]: 8,
          [RS.STENCILPASS]: 3,
          [RS.STENCILREF]: 1,
          [RS.COLORWRITEENABLE]: 0,
        });
        drawRange(0, 2);
        states(c, { [RS.STENCILFUNC]: 3, [RS.STENCILPASS]: 1, [RS.COLORWRITEENABLE]: 0xf });
        drawRange(6, 2);
      },
    });
    expect(diagnostics).toEqual([]);
    expect(rgbRows(color)).toEqual(expectedRows((x) => (x < 4 ? '#00ff00' : BLACK)));
  });

  it('scissor: SETSCISSORRECT (2, 3, 3×2) with SCISSORTESTENABLE clips a full-target quad', () => {
    const { color } = drawScene({
      vertices: clipQuad(-1, -1, 1, 1, 0.5, RED),
      draw: (c, drawRange) => {
        c.setScissorRect({ cid: 1, rect: { x: 2, y: 3, w: 3, h: 2 } });
        states(c, { [RS.SCISSORTESTENABLE]: 1 });
        drawRange(0, 2);
      },
    });
    expect(rgbRows(color)).toEqual(expectedRows((x, y) => (x >= 2 && x < 5 && y >= 3 && y < 5 ? '#ff0000' : BLACK)));
  });

  it('culling: CULLMODE BACK with FRONTWINDING CW drops the counter-clockwise triangle', () => {
    const { color } = drawScene({
      // Clockwise on screen: (0, 0), (8, 0), (0, 8). Counter-clockwise: (8, 8), (0, 8), (8, 0).
      vertices: [[-1, 1, 0.5, 1, ...RED], [1, 1, 0.5, 1, ...RED], [-1, -1, 0.5, 1, ...RED], [1, -1, 0.5, 1, ...GREEN], [1, 1, 0.5, 1, ...GREEN], [-1, -1, 0.5, 1, ...GREEN]],
      draw: (c, drawRange) => {
        states(c, { [RS.CULLMODE]: 3, [RS.FRONTWINDING]: 1 });
        drawRange(0, 2);
      },
    });
    expect(rgbRows(color)).toEqual(expectedRows((x, y) => (x + y < 8 ? '#ff0000' : BLACK)));
  });

  it('two render targets: oC0 and oC1 land in COLOR0 and COLOR1', () => {
    const { color, color1, diagnostics } = drawScene({
      mrt: true,
      ps: 'ps_2_0\ndef c0, 0, 0, 1, 1\ndcl v0\nmov oC0, v0\nmov oC1, c0',
      vertices: clipQuad(-1, -1, 1, 1, 0.5, RED),
      draw: (_c, drawRange) => drawRange(0, 2),
    });
    expect(diagnostics).toEqual([]);
    expect(rgbRows(color)).toEqual(expectedRows(() => '#ff0000'));
    expect(rgbRows(color1!)).toEqual(expectedRows(() => '#0000ff'));
  });

  it('OUTPUTGAMMA 2 takes the square root of the shader colour', () => {
    // 0.25 → 0.5 → 127.5: the packer rounds to nearest, 128.
    const { color } = drawScene({
      vertices: clipQuad(-1, -1, 1, 1, 0.5, [0.25, 0.25, 0.25, 1]),
      draw: (c, drawRange) => {
        states(c, { [RS.OUTPUTGAMMA]: bits(2) });
        drawRange(0, 2);
      },
    });
    expect(rgbRows(color)[3]![3]).toBe('#808080');
  });
});

describe('textures through the raster texture unit', () => {
  it('texld of a 2×2 point-sampled texture bound to stage 0: one texel per 4×4 block', () => {
    // u = i/8, v = j/8 at pixel centre (i, j); NEAREST picks texel floor(2u), floor(2v).
    const v = (x: number, y: number, u: number, w: number) => [x, y, 0.5, 1, u, w, 0, 1];
    const { color, diagnostics } = drawScene({
      secondUsage: 5,
      vs: 'vs_2_0\ndcl_position v0\ndcl_texcoord v1\nmov oPos, v0\nmov oT0, v1',
      ps: 'ps_2_0\ndcl t0\ndcl_2d s0\ntexld r0, t0, s0\nmov oC0, r0',
      texture: { width: 2, height: 2, bgra: [0, 0, 255, 255, 0, 255, 0, 255, 255, 0, 0, 255, 255, 255, 255, 255] },
      vertices: [v(-1, 1, 0, 0), v(1, 1, 1, 0), v(-1, -1, 0, 1), v(1, 1, 1, 0), v(1, -1, 1, 1), v(-1, -1, 0, 1)],
      draw: (_c, drawRange) => drawRange(0, 2),
    });
    expect(diagnostics).toEqual([]);
    const texel = ['#ff0000', '#00ff00', '#0000ff', '#ffffff'];
    expect(rgbRows(color)).toEqual(expectedRows((x, y) => texel[(x >> 2) + 2 * (y >> 2)]!));
  });
});

describe('points and lines', () => {
  it('a 4-pixel point sprite: pixels 2..5 around centre (4, 4), texture coordinates from the sprite', () => {
    // POINTSIZE 4 at window (4, 4): the square [2, 6) × [2, 6). With POINTSPRITEENABLE, t0 is
    // (s, t) of the square, (0, 0) at its top-left corner; D3D9 pixel centres are the integer
    // points, so pixel x has s = (x − 2) / 4: 0, 0.25, 0.5, 0.75 → 0, 64, 128, 191.
    const { color, diagnostics } = drawScene({
      ps: 'ps_2_0\ndcl t0\nmov oC0, t0',
      vertices: [[0, 0, 0.5, 1, ...RED]],
      draw: (c, drawRange) => {
        states(c, { [RS.POINTSIZE]: bits(4), [RS.POINTSPRITEENABLE]: 1 });
        drawRange(0, 1, 2);
      },
    });
    expect(diagnostics).toEqual([]);
    const level = ['00', '40', '80', 'bf'];
    expect(rgbRows(color)).toEqual(
      expectedRows((x, y) => (x >= 2 && x < 6 && y >= 2 && y < 6 ? `#${level[x - 2]}${level[y - 2]}00` : BLACK)),
    );
  });

  it('a line strip with LASTPIXEL off leaves out its final pixel', () => {
    // Window (1, 2) → (6, 2): x-major, pixels 1..5 of row 2 without the last one.
    const { color } = drawScene({
      vertices: [[-0.75, 0.5, 0.5, 1, ...GREEN], [0.5, 0.5, 0.5, 1, ...GREEN]],
      draw: (c, drawRange) => {
        states(c, { [RS.LASTPIXEL]: 0 });
        drawRange(0, 1, 4);
      },
    });
    expect(rgbRows(color)).toEqual(expectedRows((x, y) => (y === 2 && x >= 1 && x < 6 ? '#00ff00' : BLACK)));
  });
});

describe('shader model 3', () => {
  const VS3 = 'vs_3_0\ndcl_position v0\ndcl_color v1\ndcl_position o0\ndcl_color o3\nmov o0, v0\nmov o3, v1';

  it('vs_3_0 o# reaches ps_3_0 v# by DCL semantic', () => {
    const { color, diagnostics } = drawScene({
      vs: VS3,
      ps: 'ps_3_0\ndcl_color v5\nmov oC0, v5',
      vertices: clipQuad(-1, -1, 1, 1, 0.5, [0, 1, 1, 1]),
      draw: (_c, drawRange) => drawRange(0, 2),
    });
    expect(diagnostics).toEqual([]);
    expect(rgbRows(color)).toEqual(expectedRows(() => '#00ffff'));
  });

  it('vPos is the integer pixel position, vFace the sign of the screen winding against FRONTWINDING', () => {
    // Red = x/8, green = y/8 (x = 3 → 0.375·255 = 95.6 → 96), blue = 1 on front faces, 0 on back
    // faces: the left half is a clockwise quad (front), the right half a counter-clockwise one.
    const ccw = (x0: number, y0: number, x1: number, y1: number) => {
      const v = (x: number, y: number) => [x, y, 0.5, 1, 0, 0, 0, 1];
      return [v(x0, y1), v(x0, y0), v(x1, y1), v(x1, y1), v(x0, y0), v(x1, y0)];
    };
    const { color, diagnostics } = drawScene({
      vs: VS3,
      ps: 'ps_3_0\ndef c0, 0.125, 0, 1, 0\ndcl vPos.xy\ndcl vFace\nmul r0.xy, vPos, c0.x\ncmp r0.z, vFace, c0.z, c0.y\nmov r0.w, c0.z\nmov oC0, r0',
      vertices: [...clipQuad(-1, -1, 0, 1, 0.5, RED), ...ccw(0, -1, 1, 1)],
      draw: (_c, drawRange) => drawRange(0, 4),
    });
    expect(diagnostics).toEqual([]);
    const hex = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
    expect(rgbRows(color)).toEqual(expectedRows((x, y) => `#${hex(x / 8)}${hex(y / 8)}${x < 4 ? 'ff' : '00'}`));
  });
});

