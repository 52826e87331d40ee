/**
 * Live mode: audio from a microphone or a file paced in real time, lip-synced as it arrives, planned frame by frame
 * with the shot's direction, the character's personality and live triggers, rendered at preview size, and
 * recorded as a take (docs/live-mode.md).
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.core.live;
