/**
 * The draw scene helpers now live in `test/support/` (`draw-scene.ts` builds and replays scenes,
 * `draw-expect.ts` reads and predicts pixels), shared with `test/draw`. This re-export serves
 * importers of the old path until they are updated.
 */
export * from '../support/draw-scene.js';
export * from '../support/draw-expect.js';
