/**
 * Direction notes: a short text per shot ("nervous, avoids eye contact, then relaxes and smiles at the end",
 * "(sighs)") read by a transparent, rule-based parser into ordinary cues the user can then edit. The vocabulary
 * and the rules are in {@code docs/direction-notes.md}.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.core.direction;
