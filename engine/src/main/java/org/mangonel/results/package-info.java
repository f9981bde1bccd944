/**
 * The results file, {@code results.json}: typed records, written and read by Jackson, the single
 * source of truth for everything rendered (pages, exports, comparisons, merges).
 *
 * <p>The schema is versioned: this package writes {@code mangonel-results/2}, described by the
 * JSON Schema {@code mangonel-results-2.schema.json} next to these classes, and reads
 * {@code mangonel-results/1} too (the published reports), since version 2 only adds to version 1.
 * The engine never validates against the schema; tests do, and only where a results file is read
 * through the end-to-end tests' helper {@code ResultsTree.read} (in the {@code cli} tests), which
 * most end-to-end tests use on each run's folder, shards and merges included. Results files that
 * other tests produce (the runs {@code CompareEndToEndTest} compares, files unit tests write or
 * read) are not checked against it. Names are snake_case in the file; a protocol's own figures
 * of a run (chat's {@code messages}, HTTP's per-URL figures) are kept as they come, next to the
 * common ones.
 *
 * <p>Plain data: no I/O here but {@link org.mangonel.results.ResultsJson}, which reads and
 * writes results files whole, and {@link org.mangonel.results.AtomicFiles}, which does that for
 * any file (a temporary file, then a rename); other packages use it for the pages and CSV too.
 */
package org.mangonel.results;
