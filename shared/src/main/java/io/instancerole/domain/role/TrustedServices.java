package io.instancerole.domain.role;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.policy.PolicyDocuments;
import io.instancerole.domain.service.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The cloud services a role's trust policy lets assume the role, for the role's description. */
public final class TrustedServices {
    private TrustedServices() {}

    /**
     * Every service principal named in the document that {@link PolicyDocuments#trustsService}
     * confirms, so whether a service is trusted is decided in one place.
     */
    public static List<String> of(String trustPolicyDocument) {
        Set<String> named = new LinkedHashSet<>();
        Json.parse(trustPolicyDocument).ifPresent(root -> {
            for (JsonNode statement : Json.items(root.get("Statement"))) {
                JsonNode principal = statement.get("Principal");
                if (principal == null || !principal.isObject()) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> field : principal.properties()) {
                    if (field.getKey().toLowerCase(Locale.ROOT).equals("service")) {
                        for (JsonNode service : Json.items(field.getValue())) {
                            if (service.isTextual()) {
                                named.add(service.asText());
                            }
                        }
                    }
                }
            }
        });
        List<String> trusted = new ArrayList<>();
        for (String service : named) {
            if (PolicyDocuments.trustsService(trustPolicyDocument, service)) {
                trusted.add(service);
            }
        }
        return trusted;
    }
}
