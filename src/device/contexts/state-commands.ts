/**
 * Executors of the context state commands: render and texture-stage states, transforms, z range,
 * material, lights, viewport, clip planes, scissor, render targets.
 *
 * Each command names its context; a bad id, index or enum is reported and that command (or, for
 * the multi-entry state commands, that entry) changes nothing.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import type { CommandBody } from '../../svga3d-decoder/index.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import type { ContextEnv } from './context-env.js';
import {
  CLIP_PLANE_COUNT,
  INVALID_ID,
  LIGHT_COUNT,
  LIGHT_WORDS,
  MATERIAL_WORDS,
  MAX_COLOR_TARGETS,
  MaterialFace,
  RENDER_TARGET_SLOTS,
  RenderTargetType,
  TRANSFORM_COUNT,
} from './context-state.js';
import { RENDER_STATE_COUNT, TEXTURE_STAGE_COUNT, TEXTURE_STATE_COUNT } from './state-defaults.js';

const BIND_TEXTURE = 1;
const FACE_FRONT = 2;
const FACE_BACK = 3;
const FACE_FRONT_BACK = 4;

/** SETRENDERSTATE: stores each entry; INVALID (0) entries are skipped silently, unknown names reported. */
export function executeSetRenderState(env: ContextEnv, body: CommandBody<'SETRENDERSTATE'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  for (const [i, { state, value }] of body.states.entries()) {
    // Guests reserve more entries than they fill; INVALID (0) entries are skipped silently.
    if (state === 0) continue;
    if (state >= RENDER_STATE_COUNT) {
      report(CTX_DIAGNOSTICS.E_RENDER_STATE, `entry ${i}: unknown render state ${state}`);
      continue;
    }
    context.renderStates[state] = value >>> 0;
  }
}

/** SETTEXTURESTATE: stores each (stage, name, value); BIND_TEXTURE must name a defined surface or SVGA3D_INVALID_ID. */
export function executeSetTextureState(env: ContextEnv, body: CommandBody<'SETTEXTURESTATE'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  for (const [i, { stage, name, value }] of body.states.entries()) {
    if (name === 0) continue;
    if (stage >= TEXTURE_STAGE_COUNT) {
      report(CTX_DIAGNOSTICS.E_TEXTURE_STAGE, `entry ${i}: texture stage ${stage} is not below ${TEXTURE_STAGE_COUNT}`);
      continue;
    }
    if (name >= TEXTURE_STATE_COUNT) {
      report(CTX_DIAGNOSTICS.E_TEXTURE_STATE, `entry ${i}: unknown texture state ${name}`);
      continue;
    }
    if (name === BIND_TEXTURE && value !== INVALID_ID && !env.surfaces.get(value)) {
      report(CTX_DIAGNOSTICS.E_TEXTURE_SURFACE, `entry ${i}: stage ${stage} binds undefined surface ${value}`);
      continue;
    }
    context.textureStates[stage * TEXTURE_STATE_COUNT + name] = value >>> 0;
  }
}

/** SETTRANSFORM: one of the 14 transform matrices (WORLD 1 … WORLD3 14). */
export function executeSetTransform(env: ContextEnv, body: CommandBody<'SETTRANSFORM'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  if (body.type < 1 || body.type >= TRANSFORM_COUNT) {
    report(CTX_DIAGNOSTICS.E_TRANSFORM_TYPE, `unknown transform type ${body.type}`);
    return;
  }
  context.transformsF32.set(body.matrix.slice(0, 16), body.type * 16);
}

/** SETZRANGE: the viewport depth range, kept as sent (the draw path clamps it). */
export function executeSetZRange(env: ContextEnv, body: CommandBody<'SETZRANGE'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  context.zRangeF32[0] = body.zRange.min;
  context.zRangeF32[1] = body.zRange.max;
}

/** SETMATERIAL: the FRONT, BACK or both materials. */
export function executeSetMaterial(env: ContextEnv, body: CommandBody<'SETMATERIAL'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const faces: number[] = [];
  if (body.face === FACE_FRONT || body.face === FACE_FRONT_BACK) faces.push(MaterialFace.FRONT);
  if (body.face === FACE_BACK || body.face === FACE_FRONT_BACK) faces.push(MaterialFace.BACK);
  if (faces.length === 0) {
    report(CTX_DIAGNOSTICS.E_MATERIAL_FACE, `material face ${body.face} is not FRONT, BACK or FRONT_BACK`);
    return;
  }
  const m = body.material;
  const words = [...m.diffuse, ...m.ambient, ...m.specular, ...m.emissive, m.shininess];
  for (const face of faces) context.materialsF32.set(words.slice(0, MATERIAL_WORDS), face * MATERIAL_WORDS);
}

/** SETLIGHTDATA: light `index` (0–31) data, words kept as sent. */
export function executeSetLightData(env: ContextEnv, body: CommandBody<'SETLIGHTDATA'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  if (body.index >= LIGHT_COUNT) {
    report(CTX_DIAGNOSTICS.E_LIGHT_INDEX, `light index ${body.index} is not below ${LIGHT_COUNT}`);
    return;
  }
  const d = body.data;
  const base = body.index * LIGHT_WORDS;
  const floats = [
    ...d.diffuse, ...d.specular, ...d.ambient, ...d.position, ...d.direction,
    d.range, d.falloff, d.attenuation0, d.attenuation1, d.attenuation2, d.theta, d.phi,
  ];
  context.lights[base] = d.type >>> 0;
  context.lights[base + 1] = d.inWorldSpace >>> 0;
  context.lightsF32.set(floats.slice(0, LIGHT_WORDS - 2), base + 2);
}

/** SETLIGHTENABLED: turns light `index` (0–31) on or off. */
export function executeSetLightEnabled(env: ContextEnv, body: CommandBody<'SETLIGHTENABLED'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  if (body.index >= LIGHT_COUNT) {
    report(CTX_DIAGNOSTICS.E_LIGHT_INDEX, `light index ${body.index} is not below ${LIGHT_COUNT}`);
    return;
  }
  context.lightEnabled[body.index] = body.enabled !== 0 ? 1 : 0;
}

/** SETVIEWPORT: the viewport rectangle, clipped to the render target where used. */
export function executeSetViewport(env: ContextEnv, body: CommandBody<'SETVIEWPORT'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const { x, y, w, h } = body.rect;
  context.viewport = { x, y, w, h };
}

/** SETSCISSORRECT: the scissor rectangle (used by the draw path when SCISSORTESTENABLE is on). */
export function executeSetScissorRect(env: ContextEnv, body: CommandBody<'SETSCISSORRECT'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const { x, y, w, h } = body.rect;
  context.scissor = { x, y, w, h };
}

/** SETCLIPPLANE: user clip plane `index` (0–5). */
export function executeSetClipPlane(env: ContextEnv, body: CommandBody<'SETCLIPPLANE'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  if (body.index >= CLIP_PLANE_COUNT) {
    report(CTX_DIAGNOSTICS.E_CLIP_PLANE, `clip plane ${body.index} is not below ${CLIP_PLANE_COUNT}`);
    return;
  }
  context.clipPlanesF32.set(body.plane.slice(0, 4), body.index * 4);
}

/** SETRENDERTARGET: binds (sid, face, mip) to DEPTH, STENCIL or COLOR0–3; SVGA3D_INVALID_ID unbinds. */
export function executeSetRenderTarget(env: ContextEnv, body: CommandBody<'SETRENDERTARGET'>, report: ReportFn): void {
  const context = env.contexts.get(body.cid, report);
  if (!context) return;
  const slot = body.type;
  if (slot >= RENDER_TARGET_SLOTS || slot >= RenderTargetType.COLOR0 + MAX_COLOR_TARGETS) {
    report(
      CTX_DIAGNOSTICS.E_RENDER_TARGET_TYPE,
      `render target type ${slot} is not DEPTH, STENCIL or COLOR0-COLOR${MAX_COLOR_TARGETS - 1}`,
    );
    return;
  }
  const { sid, face, mipmap } = body.target;
  if (sid === INVALID_ID) {
    context.renderTargets[slot] = undefined;
    return;
  }
  const surface = env.surfaces.get(sid);
  if (!surface) {
    report(CTX_DIAGNOSTICS.E_RENDER_TARGET_SURFACE, `surface ${sid} is not defined`);
    return;
  }
  if (face >= surface.faceCount || mipmap >= surface.mipLevels || !surface.image(face, mipmap)) {
    report(
      CTX_DIAGNOSTICS.E_RENDER_TARGET_SURFACE,
      `surface ${sid} has no face ${face} mip ${mipmap} (${surface.faceCount} faces, ${surface.mipLevels} mips)`,
    );
    return;
  }
  context.renderTargets[slot] = { sid, face, mip: mipmap };
}
