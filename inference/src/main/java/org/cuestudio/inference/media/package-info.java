/**
 * Audio decoding and video encoding through JavaCV and the GPL build of FFmpeg (libx264, AAC), offered to the
 * studio as a {@link org.cuestudio.core.export.MediaCodecProvider} service. See
 * {@code docs/decisions/0005-media-through-javacv-ffmpeg-gpl.md}.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.inference.media;
