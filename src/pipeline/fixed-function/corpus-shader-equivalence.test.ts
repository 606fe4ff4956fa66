import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShader, runVertexShader } from '../../shader-vm/index.js';
import { SVGA3dRenderStateName as RS } from '../../svga3d-decoder/spec/enums-render-state.js';
import { SVGA3dDeclType as DT, SVGA3dDeclUsage as DU } from '../../svga3d-decoder/spec/enums.js';
import { buildFixedFunctionVertexProgram } from './fixed-function.js';
import { newContext, runVertex, setRs, setTransform } from './ff-test-support.js';

// cubemark, half-float-test and rt-gamma-test draw the same cube through fixed function and
// through fxc's vs_2_0 (view in c0–c3, projection in c4–c7, colour passed on): with WORLD the
// identity the two must agree bit for bit.
const bytes = readFileSync(new URL('../../../corpus/vmware-svga-sdk/shaders/cubemark_vs.bin', import.meta.url));
const decoded = decodeShader(new Uint8Array(bytes));

describe('fixed function against the corpus vertex shader', () => {
  it('gives the same oPos and oD0 bits for random matrices and vertices', () => {
    if (!decoded.ok) throw new Error('corpus shader does not decode');
    const shader = decoded.program;
    const f32 = fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(f32, { minLength: 16, maxLength: 16 }), fc.array(f32, { minLength: 16, maxLength: 16 }), fc.array(f32, { minLength: 3, maxLength: 3 }), fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (view, proj, pos, color) => {
        const ctx = newContext();
        setRs(ctx, RS.LIGHTINGENABLE, 0);
        setTransform(ctx, 2, view);
        setTransform(ctx, 3, proj);
        const ff = buildFixedFunctionVertexProgram(ctx, { elements: [{ type: DT.FLOAT3, usage: DU.POSITION, usageIndex: 0 }, { type: DT.D3DCOLOR, usage: DU.COLOR, usageIndex: 0 }] });
        const ffOut = runVertex(ff.program, ff.constants, { position: pos, color0: color });
        // fxc's column-major matrices: register j holds column j of the D3D matrix.
        const c = new Float32Array(1024);
        for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) {
          c[j * 4 + i] = view[i * 4 + j]!;
          c[(4 + j) * 4 + i] = proj[i * 4 + j]!;
        }
        const inputs = new Float32Array(64);
        inputs.set([pos[0]!, pos[1]!, pos[2]!, 1], 0);
        inputs.set(color, 4);
        const r = runVertexShader(shader, { inputs, constants: { float: c } });
        const out = Object.fromEntries(r.outputs.map((o) => [o.register, Array.from(o.value)]));
        expect(ffOut.oPos).toEqual(out.oPos);
        expect(ffOut.oD0).toEqual(out.oD0);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
