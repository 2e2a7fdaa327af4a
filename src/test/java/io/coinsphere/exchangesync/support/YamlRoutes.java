package io.coinsphere.exchangesync.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * A plain CamelContext (no Spring) with some of the product's route files from {@code src/main/resources/routes/},
 * for route tests that need only a few beans: bind them, then {@link #load} the files before starting.
 */
public final class YamlRoutes {

    private YamlRoutes() {
    }

    /** A context whose property placeholders resolve from {@code properties}. */
    public static DefaultCamelContext context(Properties properties) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    /** Loads {@code routes/<name>.camel.yaml} for every name. */
    public static void load(CamelContext context, String... names) throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (String name : names) {
            resources.add(PluginHelper.getResourceLoader(context).resolveResource("classpath:routes/" + name + ".camel.yaml"));
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    }
}
