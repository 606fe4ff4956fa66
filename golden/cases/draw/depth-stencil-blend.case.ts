/**
 * Output-merger cases: depth functions on D24S8 and D16, stencil write then test, and blending
 * (SRCALPHA / INVSRCALPHA, ONE / ONE, REVSUBTRACT, colour write mask).
 */
import { SVGA3dSurfaceFormat as F } from '../../../src/formats/surface-formats.js';
import type { GoldenCase } from '../../../src/golden/golden-case.js';
import { SVGA3dBlendEquation as EQ, SVGA3dBlendOp as B, SVGA3dCmpFunc as CMP, SVGA3dPrimitiveType as P, SVGA3dStencilOp as SOP } from '../../../src/svga3d-decoder/index.js';
import { scriptCase } from '../scene-kit.js';
import { DEPTH_SID, DrawScene, RS, quad } from './draw-kit.js';

const GREY = 0xff40_4040;

/** Three overlapping quads at depths 0.5 (red), 0.7 (green) and 0.3 (blue) over depth cleared to 0.5. */
function depthFunc(name: string, func: number, format: number): () => Uint8Array {
  return () => {
    const s = new DrawScene(name, 32, 32, GREY, { depthFormat: format, depth: 0.5 });
    s.states([[RS.ZENABLE, 1], [RS.ZWRITEENABLE, 1], [RS.ZFUNC, func]]);
    s.draw(P.TRIANGLELIST, 2, quad(-0.9, -0.9, 0.3, 0.3, 0.5, 0xffff_0000));
    s.draw(P.TRIANGLELIST, 2, quad(-0.5, -0.5, 0.7, 0.7, 0.7, 0xff00_ff00));
    s.draw(P.TRIANGLELIST, 2, quad(-0.1, -0.1, 0.9, 0.9, 0.3, 0xff00_00ff));
    return s.finish((t) => t.checkpointSurface('depth', DEPTH_SID));
  };
}

/** A triangle writes stencil 1 with colour writes off; a full quad is then drawn where stencil = 1. */
function stencil(): Uint8Array {
  const s = new DrawScene('draw/stencil-replace-equal', 32, 32, GREY, { depthFormat: F.Z_D24S8 });
  s.states([
    [RS.ZENABLE, 0],
    [RS.STENCILENABLE, 1],
    [RS.STENCILFUNC, CMP.ALWAYS],
    [RS.STENCILPASS, SOP.REPLACE],
    [RS.STENCILFAIL, SOP.KEEP],
    [RS.STENCILZFAIL, SOP.KEEP],
    [RS.STENCILREF, 1],
    [RS.STENCILMASK, 0xff],
    [RS.STENCILWRITEMASK, 0xff],
    [RS.COLORWRITEENABLE, 0],
  ]);
  s.draw(P.TRIANGLELIST, 1, [
    { x: -0.8, y: -0.8, z: 0.5, color: 0xffff_ffff },
    { x: 0, y: 0.8, z: 0.5, color: 0xffff_ffff },
    { x: 0.8, y: -0.8, z: 0.5, color: 0xffff_ffff },
  ]);
  s.states([[RS.COLORWRITEENABLE, 0xf], [RS.STENCILFUNC, CMP.EQUAL], [RS.STENCILPASS, SOP.KEEP]]);
  s.draw(P.TRIANGLELIST, 2, quad(-1, -1, 1, 1, 0.5, 0xffff_8000));
  return s.finish();
}

/** A background of two halves, then a quad blended with `src`/`dst`/`eq`. */
function blend(name: string, src: number, dst: number, eq: number, color: number, writeMask = 0xf): () => Uint8Array {
  return () => {
    const s = new DrawScene(name, 32, 32, 0xff00_0000, { colorFormat: F.A8R8G8B8 });
    s.draw(P.TRIANGLELIST, 2, quad(-1, -1, 0, 1, 0.5, 0xff20_60c0));
    s.draw(P.TRIANGLELIST, 2, quad(0, -1, 1, 1, 0.5, 0x80c0_4020));
    s.states([[RS.BLENDENABLE, 1], [RS.SRCBLEND, src], [RS.DSTBLEND, dst], [RS.BLENDEQUATION, eq], [RS.COLORWRITEENABLE, writeMask]]);
    s.draw(P.TRIANGLELIST, 2, quad(-0.6, -0.6, 0.6, 0.6, 0.5, color));
    return s.finish();
  };
}

export const outputMergerCases: GoldenCase[] = [
  scriptCase('depth/lessequal-d24s8', 'ZFUNC LESSEQUAL on D24S8 cleared to 0.5: the quad at 0.5 passes, the one at 0.7 fails everywhere, 0.3 passes', ['depth', 'D24S8'], ['draw', 'shader', 'depth'], depthFunc('depth/lessequal-d24s8', CMP.LESSEQUAL, F.Z_D24S8)),
  scriptCase('depth/less-d24s8', 'ZFUNC LESS on D24S8 cleared to 0.5: the quad at 0.5 fails', ['depth', 'D24S8'], ['draw', 'shader', 'depth'], depthFunc('depth/less-d24s8', CMP.LESS, F.Z_D24S8)),
  scriptCase('depth/greater-d16', 'ZFUNC GREATER on D16 cleared to 0.5: only the quad at 0.7 passes', ['depth', 'D16'], ['draw', 'shader', 'depth'], depthFunc('depth/greater-d16', CMP.GREATER, F.Z_D16)),
  scriptCase('depth/always-d32', 'ZFUNC ALWAYS on D32: painter\'s order, depth written by every quad', ['depth', 'D32'], ['draw', 'shader', 'depth'], depthFunc('depth/always-d32', CMP.ALWAYS, F.Z_D32)),
  scriptCase('stencil/replace-equal', 'Stencil REPLACE under a triangle with colour writes off, then a quad drawn only where stencil EQUAL 1', ['stencil', 'D24S8'], ['draw', 'shader', 'stencil'], stencil),
  scriptCase('blend/srcalpha-invsrcalpha', 'Blend SRCALPHA / INVSRCALPHA ADD of a half-transparent white quad over two backgrounds', ['blend'], ['draw', 'shader', 'blend'], blend('blend/srcalpha-invsrcalpha', B.SRCALPHA, B.INVSRCALPHA, EQ.ADD, 0x80ff_ffff)),
  scriptCase('blend/one-one', 'Blend ONE / ONE ADD (saturating) of a dark-blue quad', ['blend'], ['draw', 'shader', 'blend'], blend('blend/one-one', B.ONE, B.ONE, EQ.ADD, 0xff40_40a0)),
  scriptCase('blend/revsubtract', 'Blend ONE / ONE REVSUBTRACT: destination minus source, clamped at 0', ['blend'], ['draw', 'shader', 'blend'], blend('blend/revsubtract', B.ONE, B.ONE, EQ.REVSUBTRACT, 0xff30_3030)),
  scriptCase('blend/write-mask-red', 'COLORWRITEENABLE red only: the quad changes only the red channel', ['blend', 'write-mask'], ['draw', 'shader', 'blend'], blend('blend/write-mask-red', B.ONE, B.ZERO, EQ.ADD, 0xffff_ffff, 0x1)),
];
