/**
 * Time for the core: a scheduler interface and its executor-backed default (tests drive a
 * virtual-time one, {@code ManualScheduler}, from gateway-core's test fixtures).
 */
package io.github.discordgateway.core.scheduling;
