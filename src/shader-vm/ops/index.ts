/**
 * The shader ops: one definition of what every D3D9 instruction computes on float32 values, used by
 * the reference interpreter and meant to be called by any compiled path, so both agree bit for bit.
 */

export * from './scalar.js';
export * from './modifiers.js';
export * from './vector-ops.js';
export * from './op-table.js';
