/** Time for the core: a scheduler interface, its executor-backed default and a virtual-time one. */
package io.github.discordgateway.core.scheduling;
