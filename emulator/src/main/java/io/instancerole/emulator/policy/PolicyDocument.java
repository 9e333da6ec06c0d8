package io.instancerole.emulator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A policy document read leniently: its document-level problems and its statements, each read on its own. */
final class PolicyDocument {
    private final List<String> problems;
    private final List<PolicyStatement> statements;

    private PolicyDocument(List<String> problems, List<PolicyStatement> statements) {
        this.problems = List.copyOf(problems);
        this.statements = List.copyOf(statements);
    }

    static PolicyDocument read(JsonNode root, PolicyKind kind) {
        if (root == null || !root.isObject()) {
            return new PolicyDocument(
                    List.of("the policy document must be a JSON object, got " + PolicyJson.describe(root)), List.of());
        }
        List<String> problems = new ArrayList<>();
        JsonNode version = root.get("Version");
        if (version == null) {
            problems.add("Version is missing; it must be \"1\"");
        } else if (!version.isTextual() || !version.textValue().equals("1")) {
            problems.add("Version must be \"1\", got " + PolicyJson.describe(version));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("Version") && !name.equals("Statement")) {
                problems.add("unknown top-level element " + PolicyJson.quote(name)
                        + "; a policy has only Version and Statement");
            }
        }
        List<PolicyStatement> statements = new ArrayList<>();
        JsonNode statement = root.get("Statement");
        if (statement == null) {
            problems.add("Statement is missing");
        } else if (statement.isObject()) {
            // a single statement written without the list is statement 0
            statements.add(PolicyStatement.read(statement, 0, kind));
        } else if (!statement.isArray()) {
            problems.add("Statement must be a list of statements, got " + PolicyJson.describe(statement));
        } else if (statement.isEmpty()) {
            problems.add("Statement must not be an empty list");
        } else {
            for (int i = 0; i < statement.size(); i++) {
                statements.add(PolicyStatement.read(statement.get(i), i, kind));
            }
        }
        return new PolicyDocument(problems, statements);
    }

    /** Problems of the document as a whole (Version, Statement, top-level elements); statements carry their own. */
    List<String> problems() {
        return problems;
    }

    List<PolicyStatement> statements() {
        return statements;
    }
}
