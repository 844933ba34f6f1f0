package dev.docket.ports.usecase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that needs a store without users (bootstrap): the fixture then leaves {@code admin},
 * {@code submitter} and {@code worker} null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface EmptyStore {}
