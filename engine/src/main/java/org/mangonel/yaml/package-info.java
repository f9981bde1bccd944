/**
 * The only user of SnakeYAML: a scenario file becomes {@code scenario} records, or a list of
 * located problems.
 *
 * <p>Data flow: bytes → SnakeYAML's composer (nodes with line and column marks; no Java object is
 * ever constructed from the document, so tags like {@code !!javax.script.ScriptEngineManager}
 * cannot run anything and are reported as errors) → {@link org.mangonel.yaml.MappingReader}s that
 * know every valid key of each mapping and read typed values, recording a
 * {@link org.mangonel.yaml.Problem} for each mistake instead of throwing → cross-checks (unique
 * names, known framework references) → an immutable {@link org.mangonel.scenario.Scenario}.
 *
 * <p>Every problem found is reported, not just the first, each as {@code FILE:LINE:COL: message}
 * followed by the offending line and a caret. An unknown key names the closest valid one.
 * Aliases are allowed (they are handy for sharing URL lists) but the expanded document is
 * bounded, so an alias bomb is refused quickly.
 */
package org.mangonel.yaml;
