// Package migrations owns Crosscheck's database schema and how to reach the
// database.
//
// The schema is a sequence of forward-only SQL files in sql/, applied in name
// order by Apply and recorded in schema_migrations; a file is never edited
// once it has landed, a change is a new file. Find locates (or starts) a
// PostgreSQL server when none is configured, and Open connects gorm to a
// database.
package migrations
