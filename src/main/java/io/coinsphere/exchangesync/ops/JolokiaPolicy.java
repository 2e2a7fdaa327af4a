package io.coinsphere.exchangesync.ops;

import java.util.Set;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.stereotype.Component;

/**
 * SECURITY: what Jolokia (and so Hawtio) may do, even for an administrator: read the attributes of Camel's
 * contexts and routes, heap memory and threads, and nothing else. No operation runs (Camel's
 * {@code sendBody}/{@code requestBody} reach any endpoint URI, {@code HotSpotDiagnostic.dumpHeap} would write the
 * master keys to disk, diagnostic commands), no attribute is written, no other MBean is read or listed. With
 * neither operations nor writes, a GET cannot change anything either. Jolokia answers CORS for no origin: the
 * console is served by this service, so its calls are same-origin and need none (cross-site writes are refused
 * before they get here, see auth/SameOriginWrites). Jolokia's servlet takes the Restrictor bean.
 */
@Component
public final class JolokiaPolicy implements Restrictor {

    private static final String CAMEL = "org.apache.camel";
    private static final Set<String> CAMEL_TYPES = Set.of("context", "routes");
    private static final Set<String> JVM_TYPES = Set.of("Memory", "Threading");
    private static final Set<RequestType> TYPES = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION);

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return TYPES.contains(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return readable(name);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return false;
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return false;
    }

    /** Spring Security decides who gets here (role ADMIN); Jolokia's own address check adds nothing. */
    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    /**
     * {@code strict}: may a request carrying this Origin run at all; SameOriginWrites already refused cross-site
     * writes, and a cross-site read gets no CORS header so its page cannot see the answer. Not strict: should the
     * answer carry {@code Access-Control-Allow-Origin} for it; never, as the console needs no CORS.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean strict) {
        return strict;
    }

    /** Hidden MBeans do not show in list and search answers, so Hawtio's tree holds only what may be read. */
    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return !readable(name);
    }

    static boolean readable(ObjectName name) {
        if (name == null) {
            return false;
        }
        String type = name.getKeyProperty("type");
        if (CAMEL.equals(name.getDomain())) {
            return type != null && CAMEL_TYPES.contains(type);
        }
        return "java.lang".equals(name.getDomain()) && type != null && JVM_TYPES.contains(type)
                && name.getKeyPropertyList().size() == 1;
    }
}
