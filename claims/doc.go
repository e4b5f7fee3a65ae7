// Package claims owns what Crosscheck checks: the claims an article makes or
// reports, who they are attributed to, and how they are stored, reviewed
// and set against evidence.
//
// The words, as used throughout the package:
//
//   - A claim is a statement carried by an article: a quotation, a reported
//     statement, or the outlet's own assertion. Its content is the exact
//     span of text that states it (quote marks included for quotations),
//     possibly in pieces when a frame interrupts it ("A," he said, "B.").
//   - A speaker is who a claim is attributed to: a person ("Viktor
//     Poznikhir"), an organisation ("Russian Defense Ministry"), an
//     anonymous source ("officials"), or the outlet itself.
//   - A mention is one place where the text names a speaker: "Lieutenant-
//     General Viktor Poznikhir of the Russian army's general staff", later
//     "Poznikhir", "he" or "the general". Mentions resolve to one canonical
//     speaker with a name, a role and an organisation.
//   - A cue is the word or phrase that marks an attribution: "said",
//     "warned", "according to", "believes", or the colon of a headline
//     ("Reyes: ...").
//   - A draft is a claim as Extract finds it, with byte spans into the text
//     and a confidence, before it is stored. Extract is pure: text in,
//     drafts out, in text order.
//   - A report is an article as a source of claims: the text the drafts
//     point into, stored with its outlet and metadata.
//   - Evidence is material that bears on whether a claim is true: other
//     reports, documents, data, each with a stance towards the claim.
//
// Offsets inside the process are bytes (Span); offsets that leave it are
// Unicode code points, converted in one place, Positions.
package claims
