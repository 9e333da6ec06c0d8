package io.instancerole.domain.guard;

/** A role or policy a caller may see, with the team that owns it; the owner is null where the guardrails cannot tell. */
public final class Owned<T> {
    private final T item;
    private final String owner;

    Owned(T item, String owner) {
        this.item = item;
        this.owner = owner;
    }

    public T item() { return item; }
    public String owner() { return owner; }
}
