package org.mangonel.load;

import org.yaml.snakeyaml.Yaml;

/** Breaks two package rules on purpose (load touches no YAML; only yaml uses SnakeYAML). */
final class ArchSampleLoadUsingYaml {
    Yaml yaml;
}
