package io.instancerole.domain.policy;

/** The four levels of RAM's own policy check (and of AWS Access Analyzer), most severe first. */
public enum FindingLevel { ERROR, SECURITY_WARNING, WARNING, SUGGESTION }
