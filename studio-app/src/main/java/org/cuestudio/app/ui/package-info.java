/**
 * The studio window: {@link org.cuestudio.app.ui.StudioViewModel} holds the state and commands with no controls in
 * it; the {@code *View} classes only show it and forward gestures; {@link org.cuestudio.app.ui.StudioPorts} is all
 * they need from the rest of the studio.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.app.ui;
