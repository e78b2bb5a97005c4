/**
 * The engine side: the in-memory engine for local runs and tests, user tasks wherever the engine
 * runs ({@link org.interlend.workflows.engine.UserTasks}), and what the deployed models say.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.interlend.workflows.engine;
