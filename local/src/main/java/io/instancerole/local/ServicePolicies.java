package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The permissions template.yml gives a service's role: the inline policy documents, and the names
 * of managed (system) policies, exactly as written there.
 */
final class ServicePolicies {
    private final List<ObjectNode> documents;
    private final List<String> systemPolicyNames;

    ServicePolicies(List<ObjectNode> documents, List<String> systemPolicyNames) {
        this.documents = List.copyOf(documents);
        this.systemPolicyNames = List.copyOf(systemPolicyNames);
    }

    /** The derivation: each object in the service's {@code Policies} is a document, each text a policy name. */
    static ServicePolicies of(ServiceDefinition service) {
        List<ObjectNode> documents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode policy : service.policies()) {
            if (policy.isObject()) {
                documents.add(((ObjectNode) policy).deepCopy());
            } else {
                names.add(policy.asText());
            }
        }
        return new ServicePolicies(documents, names);
    }

    static ServicePolicies of(Template template, String serviceName) {
        ServiceDefinition service = template.service(serviceName);
        if (service == null) {
            throw new StartupException("template.yml has no service '" + serviceName + "'");
        }
        return of(service);
    }

    List<ObjectNode> documents() {
        return documents;
    }

    List<String> systemPolicyNames() {
        return systemPolicyNames;
    }
}
