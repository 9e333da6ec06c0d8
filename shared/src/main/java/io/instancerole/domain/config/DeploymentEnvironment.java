package io.instancerole.domain.config;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Qualifies the {@code Map<String, String>} of environment variables the deployment is configured from. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface DeploymentEnvironment {}
