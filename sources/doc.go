// Package sources owns outlets and the reports (articles) they publish: how
// an article's text arrives (pasted, from a file, fetched from a URL), how it
// is checked and hashed, and how it is stored.
//
// An outlet is a publisher ("Press TV", "Sample Wire"), known by name and,
// when it has one, by its web domain. An article (a report) is one outlet's
// text about something; its text is kept exactly as ingested and never
// rewritten, because claims point into it by offset. Two submissions of the
// same text are the same article: the SHA-256 of the text identifies it.
package sources
