/**
 * The in-memory engine's state: Zeebe's key-value store ({@code ZeebeDb}) kept in the JVM, with
 * every read and range walk costing what it touches, not what the store holds. Only {@link
 * org.interlend.workflows.engine.state.LocalState} is public.
 */
package org.interlend.workflows.engine.state;
