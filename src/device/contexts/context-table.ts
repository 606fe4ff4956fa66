/**
 * The live contexts, by id, and the device-wide budgets that span contexts (shader bytecode).
 *
 * Context ids are below 256 (`SVGA3D_MAX_CONTEXT_IDS`); defining a live id resets it to the
 * power-on state, destroying it frees its shaders.
 */
import type { ReportFn } from '../../common/diagnostics.js';
import { CTX_DIAGNOSTICS } from '../device-diagnostics.js';
import { ContextState } from './context-state.js';

/** Limits of the context table. */
export interface ContextLimits {
  /** Context ids are `0 .. maxContextIds - 1` (MAX_CONTEXT_IDS devcap). */
  readonly maxContextIds: number;
  /** Live contexts at once. */
  readonly maxContexts: number;
  /** Shader ids per context and type are `0 .. maxShaderIds - 1`. */
  readonly maxShaderIds: number;
  /** Defined shaders per context, both types together. */
  readonly maxShadersPerContext: number;
  /** Bytes of one shader's bytecode. */
  readonly maxShaderBytes: number;
  /** Bytes of bytecode in all contexts together (`SVGA3D_MAX_SHADER_MEMORY_BYTES`). */
  readonly maxTotalShaderBytes: number;
}

/** Defaults: the SVGA headers' limits (svga3d_limits.h, security.md §3.3). */
export const DEFAULT_CONTEXT_LIMITS: ContextLimits = {
  maxContextIds: 256,
  maxContexts: 256,
  maxShaderIds: 5000,
  maxShadersPerContext: 5000,
  maxShaderBytes: 256 * 1024,
  maxTotalShaderBytes: 8 * 1024 * 1024,
};

/** The contexts of one device. */
export class ContextTable {
  private readonly contexts = new Map<number, ContextState>();
  private shaderBytesInUse = 0;
  readonly limits: ContextLimits;

  constructor(limits: ContextLimits = DEFAULT_CONTEXT_LIMITS) {
    this.limits = limits;
  }

  /** Bytes of shader bytecode held by all contexts. */
  get shaderBytes(): number {
    return this.shaderBytesInUse;
  }

  /** Number of live contexts. */
  get size(): number {
    return this.contexts.size;
  }

  /** Live contexts in id order (deterministic iteration for unbinding and inspection). */
  all(): ContextState[] {
    return [...this.contexts.values()].sort((a, b) => a.cid - b.cid);
  }

  /** The context `cid` without reporting anything, or undefined. */
  peek(cid: number): ContextState | undefined {
    return this.contexts.get(cid);
  }

  /** The context `cid`, or undefined after reporting a bad or undefined id. */
  get(cid: number, report: ReportFn): ContextState | undefined {
    if (!this.validId(cid, report)) return undefined;
    const context = this.contexts.get(cid);
    if (!context) report(CTX_DIAGNOSTICS.E_CONTEXT_UNDEFINED, `context ${cid} is not defined`);
    return context;
  }

  /** CONTEXT_DEFINE: a fresh context (a live id is reset). */
  define(cid: number, report: ReportFn): ContextState | undefined {
    if (!this.validId(cid, report)) return undefined;
    const old = this.contexts.get(cid);
    if (!old && this.contexts.size >= this.limits.maxContexts) {
      report(CTX_DIAGNOSTICS.E_CONTEXT_BUDGET, `context ${cid}: already ${this.contexts.size} contexts (limit)`);
      return undefined;
    }
    if (old) this.release(old);
    const context = new ContextState(cid);
    this.contexts.set(cid, context);
    return context;
  }

  /** CONTEXT_DESTROY. */
  destroy(cid: number, report: ReportFn): void {
    const context = this.get(cid, report);
    if (!context) return;
    this.release(context);
    this.contexts.delete(cid);
  }

  /** Whether `bytes` more bytecode fits the device-wide budget once `freed` bytes are returned. */
  shaderBytesFit(bytes: number, freed: number): boolean {
    return this.shaderBytesInUse - freed + bytes <= this.limits.maxTotalShaderBytes;
  }

  /** Accounts a change of shader bytecode held (positive when defining, negative when freeing). */
  accountShaderBytes(delta: number): void {
    this.shaderBytesInUse += delta;
  }

  /** Drops surface `sid` from the bindings of every context. */
  unbindSurface(sid: number): void {
    for (const context of this.contexts.values()) context.unbindSurface(sid);
  }

  /** Destroys every context (device reset). */
  clear(): void {
    for (const context of this.contexts.values()) this.release(context);
    this.contexts.clear();
  }

  private validId(cid: number, report: ReportFn): boolean {
    if (Number.isInteger(cid) && cid >= 0 && cid < this.limits.maxContextIds) return true;
    report(CTX_DIAGNOSTICS.E_CONTEXT_ID, `context id ${cid} is not below ${this.limits.maxContextIds}`);
    return false;
  }

  private release(context: ContextState): void {
    for (const shaders of context.shaders) {
      for (const shader of shaders.values()) this.shaderBytesInUse -= shader.bytecode.byteLength;
    }
  }
}
