package io.instancerole.domain.policy;

/** What the breadth checks need to know of one statement, after its syntax was checked. */
final class StatementFacts {
    final boolean allows;
    final boolean conditioned;
    final ElementValues actions;
    final ElementValues resources;

    StatementFacts(boolean allows, boolean conditioned, ElementValues actions, ElementValues resources) {
        this.allows = allows;
        this.conditioned = conditioned;
        this.actions = actions;
        this.resources = resources;
    }
}
