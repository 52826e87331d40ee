/** Live-mode adapters that need the desktop JDK: the microphone through Java Sound (docs/live-mode.md). */
@org.jspecify.annotations.NullMarked
package org.cuestudio.app.live;
