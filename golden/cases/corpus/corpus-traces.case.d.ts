/**
 * Corpus traces whose every checkpoint was looked at and matches what the corpus README says the
 * program shows. Traces whose frames need fixed-function geometry, or that were not checked, are
 * not here yet (see docs/oracle.md).
 *
 * The text overlay of these examples is drawn with fixed function, which the golden device does
 * not have yet (diagnostic 5002 for those draws). Its font texture is blank and it blends
 * SRCALPHA / INVSRCALPHA, so once it renders it leaves every pixel as it is: these expectations
 * stay valid.
 */
import type { GoldenCase } from '../../../src/golden/golden-case.js';
export declare const corpusCases: GoldenCase[];
//# sourceMappingURL=corpus-traces.case.d.ts.map