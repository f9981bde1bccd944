/**
 * The results file, {@code results.json}: typed records, written and read by Jackson, the single
 * source of truth for everything rendered (pages, exports, comparisons, merges).
 *
 * <p>The schema is versioned: this package writes {@code mangonel-results/2}, described by the
 * JSON Schema {@code mangonel-results-2.schema.json} next to these classes (a test checks every
 * results file a test produces against it), and reads {@code mangonel-results/1} too (the
 * published reports), since version 2 only adds to version 1. Names are snake_case in the file;
 * a protocol's own figures of a run (chat's {@code messages}, HTTP's per-URL figures) are kept
 * as they come, next to the common ones.
 *
 * <p>Plain data: no I/O here but {@link org.mangonel.results.ResultsJson}, which reads and
 * writes files whole (a temporary file, then a rename).
 */
package org.mangonel.results;
