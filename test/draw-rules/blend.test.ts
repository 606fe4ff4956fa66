/**
 * Blending end to end: every SVGA3dBlendOp factor ZERO … INVBLENDFACTOR as SRCBLEND and as
 * DSTBLEND, every SVGA3dBlendEquation, and separate alpha. The source colour comes from a pixel
 * shader constant loaded by SET_SHADER_CONST, the destination from the CLEAR colour; expected bytes
 * are D3D9's formulas evaluated here in plain arithmetic, round(clamp(x) × 255).
 */
import { describe, expect, it } from 'vitest';
import { SVGA3dBlendEquation as EQ, SVGA3dBlendOp as OP, SVGA3dRenderStateName as RS } from '../../src/svga3d-decoder/index.js';
import type { CommandWriter } from '../../src/svga3d-decoder/index.js';
import { expectedRows, hexRows, unorm8 } from '../support/draw-expect.js';
import { CID, bits, quad, renderScene, states } from '../support/draw-scene.js';

type Vec4 = readonly [number, number, number, number];

/** Source: ps constant c0. */
const SRC: Vec4 = [0.8, 0.4, 0.2, 0.6];
/** Destination: CLEAR colour 0xb3_40_80_c0 (A, R, G, B). */
const CLEAR = 0xb34080c0;
const DST: Vec4 = [0x40 / 255, 0x80 / 255, 0xc0 / 255, 0xb3 / 255];
/** BLENDCOLOR 0x33_cc_66_99 (A, R, G, B). */
const BLEND_COLOR = 0x33cc6699;
const CONSTANT: Vec4 = [0xcc / 255, 0x66 / 255, 0x99 / 255, 0x33 / 255];

/** D3D9's blend factor (per channel RGBA) for src s, dst d, constant k. */
function factor(op: number, s: Vec4, d: Vec4, k: Vec4): Vec4 {
  const all = (v: number): Vec4 => [v, v, v, v];
  const inv = (v: Vec4): Vec4 => [1 - v[0], 1 - v[1], 1 - v[2], 1 - v[3]];
  switch (op) {
    case OP.ZERO: return all(0);
    case OP.ONE: return all(1);
    case OP.SRCCOLOR: return s;
    case OP.INVSRCCOLOR: return inv(s);
    case OP.SRCALPHA: return all(s[3]);
    case OP.INVSRCALPHA: return all(1 - s[3]);
    case OP.DESTALPHA: return all(d[3]);
    case OP.INVDESTALPHA: return all(1 - d[3]);
    case OP.DESTCOLOR: return d;
    case OP.INVDESTCOLOR: return inv(d);
    case OP.SRCALPHASAT: {
      const f = Math.min(s[3], 1 - d[3]);
      return [f, f, f, 1];
    }
    case OP.BLENDFACTOR: return k;
    case OP.INVBLENDFACTOR: return inv(k);
    default: throw new Error(`no factor ${op}`);
  }
}

/** D3D9's blend equation on one channel: MIN and MAX ignore the factors. */
function equation(eq: number, s: number, sf: number, d: number, df: number): number {
  switch (eq) {
    case EQ.ADD: return s * sf + d * df;
    case EQ.SUBTRACT: return s * sf - d * df;
    case EQ.REVSUBTRACT: return d * df - s * sf;
    case EQ.MINIMUM: return Math.min(s, d);
    case EQ.MAXIMUM: return Math.max(s, d);
    default: throw new Error(`no equation ${eq}`);
  }
}

interface BlendCase {
  readonly src: number;
  readonly dst: number;
  readonly eq: number;
  /** Separate alpha: [SRCBLENDALPHA, DSTBLENDALPHA, BLENDEQUATIONALPHA]. */
  readonly alpha?: readonly [number, number, number];
  /** Alpha states written but SEPARATEALPHABLENDENABLE left off: they must not apply. */
  readonly alphaIgnored?: readonly [number, number, number];
}

/** The expected ARGB pixel as the `rrggbbaa` string of `hexRows`. */
function expected(k: BlendCase): string {
  const sf = factor(k.src, SRC, DST, CONSTANT);
  const df = factor(k.dst, SRC, DST, CONSTANT);
  const out = [0, 1, 2].map((i) => equation(k.eq, SRC[i]!, sf[i]!, DST[i]!, df[i]!));
  if (k.alpha) {
    const [as, ad, aeq] = k.alpha;
    out.push(equation(aeq, SRC[3], factor(as, SRC, DST, CONSTANT)[3], DST[3], factor(ad, SRC, DST, CONSTANT)[3]));
  } else {
    out.push(equation(k.eq, SRC[3], sf[3], DST[3], df[3]));
  }
  return out.map((v) => unorm8(v).toString(16).padStart(2, '0')).join('');
}

function render(k: BlendCase): { rows: string[][]; diagnostics: string[] } {
  const { colors, diagnostics } = renderScene({
    clearColor: CLEAR,
    ps: 'ps_2_0\nmov oC0, c0',
    vertices: quad(0, 0, 8, 8, 0.5, [0, 0, 0, 1]),
    draw: (c: CommandWriter, d) => {
      c.setShaderConst({ cid: CID, reg: 0, type: 2, ctype: 0, values: [SRC.map(bits) as [number, number, number, number]] });
      states(c, { [RS.BLENDENABLE]: 1, [RS.SRCBLEND]: k.src, [RS.DSTBLEND]: k.dst, [RS.BLENDEQUATION]: k.eq, [RS.BLENDCOLOR]: BLEND_COLOR });
      const a = k.alpha ?? k.alphaIgnored;
      if (a) states(c, { [RS.SEPARATEALPHABLENDENABLE]: k.alpha ? 1 : 0, [RS.SRCBLENDALPHA]: a[0], [RS.DSTBLENDALPHA]: a[1], [RS.BLENDEQUATIONALPHA]: a[2] });
      d(0, 2);
    },
  });
  return { rows: hexRows(colors[0]!), diagnostics };
}

const FACTORS = (Object.entries(OP) as [string, number][]).filter(([, v]) => v >= OP.ZERO && v <= OP.INVBLENDFACTOR);

describe.each(FACTORS)('blend factor %s', (_name, op) => {
  it('as SRCBLEND (DSTBLEND ZERO, ADD)', () => {
    const k = { src: op, dst: OP.ZERO, eq: EQ.ADD };
    const { rows, diagnostics } = render(k);
    expect(diagnostics).toEqual([]);
    expect(rows).toEqual(expectedRows(() => expected(k)));
  });

  it('as DSTBLEND (SRCBLEND ZERO, ADD)', () => {
    const k = { src: OP.ZERO, dst: op, eq: EQ.ADD };
    const { rows } = render(k);
    expect(rows).toEqual(expectedRows(() => expected(k)));
  });
});

const EQUATIONS = (Object.entries(EQ) as [string, number][]).filter(([, v]) => v !== EQ.INVALID);

describe.each(EQUATIONS)('blend equation %s', (_name, eq) => {
  it('with SRCALPHA / INVSRCALPHA', () => {
    const k = { src: OP.SRCALPHA, dst: OP.INVSRCALPHA, eq };
    expect(render(k).rows).toEqual(expectedRows(() => expected(k)));
  });

  it('with DESTCOLOR / ONE (saturating where the sum passes 1)', () => {
    const k = { src: OP.DESTCOLOR, dst: OP.ONE, eq };
    expect(render(k).rows).toEqual(expectedRows(() => expected(k)));
  });
});

const SEPARATE: { name: string; k: BlendCase }[] = [
  { name: 'alpha ZERO / ONE ADD keeps the destination alpha', k: { src: OP.ONE, dst: OP.ONE, eq: EQ.ADD, alpha: [OP.ZERO, OP.ONE, EQ.ADD] } },
  { name: 'alpha ONE / ONE REVSUBTRACT', k: { src: OP.SRCALPHA, dst: OP.INVSRCALPHA, eq: EQ.ADD, alpha: [OP.ONE, OP.ONE, EQ.REVSUBTRACT] } },
  { name: 'alpha DESTALPHA / BLENDFACTOR MAXIMUM beside colour SRCCOLOR / ZERO', k: { src: OP.SRCCOLOR, dst: OP.ZERO, eq: EQ.ADD, alpha: [OP.DESTALPHA, OP.BLENDFACTOR, EQ.MAXIMUM] } },
  { name: 'alpha SRCALPHASAT / INVDESTCOLOR SUBTRACT', k: { src: OP.ZERO, dst: OP.DESTCOLOR, eq: EQ.ADD, alpha: [OP.SRCALPHASAT, OP.INVDESTCOLOR, EQ.SUBTRACT] } },
  { name: 'alpha states without SEPARATEALPHABLENDENABLE do nothing', k: { src: OP.SRCALPHA, dst: OP.INVSRCALPHA, eq: EQ.ADD, alphaIgnored: [OP.ZERO, OP.ZERO, EQ.ADD] } },
];

describe('separate alpha blending', () => {
  it.each(SEPARATE)('$name', ({ k }) => {
    expect(render(k).rows).toEqual(expectedRows(() => expected(k)));
  });
});
