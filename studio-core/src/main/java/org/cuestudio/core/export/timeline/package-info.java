/**
 * Editorial timelines for the exported media of a shot's takes: OpenTimelineIO ({@link OtioWriter}) and FCPXML
 * ({@link FcpxmlWriter}), with the shot's cues as markers at exact frame times and the takes' metadata.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.core.export.timeline;
