package org.mangonel.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.mangonel.results.AtomicFiles;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;

/**
 * Renders a results tree through FreeMarker templates. Templates come from a user's directory
 * ({@code --templates DIR}, falling back to the defaults for what it lacks) or, by default, from
 * the copies the build packs into the jar. Each protocol adds a fragment,
 * {@code protocols/NAME.md.ftl} and {@code protocols/NAME.html.ftl}, which the pages import.
 * Templates named {@code *.html.ftl} escape everything they print as HTML. One instance per
 * rendering job; not shared between threads.
 */
public final class ReportRenderer {
    /** The default templates and the file each produces. */
    public static final Map<String, String> DEFAULT_OUTPUTS = Map.of(
            "report.md.ftl", "report.md",
            "report.html.ftl", "report.html");

    private final Configuration config;

    /** @param templatesDir a directory of templates, or null for the built-in ones */
    public ReportRenderer(Path templatesDir) throws IOException {
        config = new Configuration(Configuration.VERSION_2_3_34);
        ClassTemplateLoader defaults = new ClassTemplateLoader(ReportRenderer.class, "/templates");
        if (templatesDir == null) {
            config.setTemplateLoader(defaults);
        } else {
            // A user's folder first; what it lacks (e.g. the protocols/ fragments) comes from the defaults.
            config.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new FileTemplateLoader(templatesDir.toFile()), defaults}));
        }
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setBooleanFormat("c");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        // Sandbox: no ?new on arbitrary classes, no ?api, only plain data and our functions.
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        html.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        config.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(
                new FileNameGlobMatcher("*.html.ftl"), html));
    }

    /** Renders the default pages of a results file into {@code dir}. */
    public List<Path> renderDefaults(ResultsFile results, Path dir) throws IOException, TemplateException {
        return renderDefaults(ResultsJson.tree(results), dir);
    }

    /** Renders one template with the results tree as its data model ({@code results}). */
    public String render(String templateName, Map<String, Object> results) throws IOException, TemplateException {
        return renderModel(templateName, Map.of("results", results));
    }

    /** Renders one template with these top-level variables (and the formatting functions). */
    public String renderModel(String templateName, Map<String, Object> variables) throws IOException,
            TemplateException {
        Template template = config.getTemplate(templateName);
        Map<String, Object> model = new HashMap<>(Formats.functions());
        model.putAll(variables);
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }

    /**
     * Renders the default templates into {@code dir}, each file written atomically.
     *
     * @return the files written
     */
    public List<Path> renderDefaults(Map<String, Object> results, Path dir) throws IOException, TemplateException {
        List<Path> written = new ArrayList<>();
        for (String name : List.of("report.md.ftl", "report.html.ftl")) {
            Path target = dir.resolve(DEFAULT_OUTPUTS.get(name));
            AtomicFiles.write(target, render(name, results));
            written.add(target);
        }
        return written;
    }

    /** The output name for a template file: {@code custom.md.ftl} → {@code custom.md}. */
    public static String outputName(String templateFile) {
        String name = Path.of(templateFile).getFileName().toString();
        return name.endsWith(".ftl") ? name.substring(0, name.length() - 4) : name + ".out";
    }

    /** Reads a results file (any version) into the tree templates see. */
    public static Map<String, Object> readResults(Path file) throws IOException {
        return ResultsJson.tree(ResultsJson.read(file));
    }
}
