package claims

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// An export is a table of claims (or of evidence links) read in one
// consistent snapshot of the database and written as it is read: memory stays
// flat however many rows there are, and the first bytes leave at once.

// Table names what an export holds.
type Table string

const (
	ClaimTable    Table = "claims"   // one row per claim, with its article, outlet, speaker and evidence counts
	EvidenceTable Table = "evidence" // one row per evidence link between a claim and another report's passage
	HistoryTable  Table = "history"  // one row per recorded change to a claim or to one of its evidence links
)

// Tables lists the tables an export can hold.
func Tables() []Table { return []Table{ClaimTable, EvidenceTable, HistoryTable} }

// Valid reports whether t is one of Tables.
func (t Table) Valid() bool { return t == ClaimTable || t == EvidenceTable || t == HistoryTable }

// key is the column that identifies a row of the table.
func (t Table) key() string {
	switch t {
	case EvidenceTable:
		return "evidence_id"
	case HistoryTable:
		return "change_id"
	}
	return "claim_id"
}

// Format is how an export is encoded.
type Format string

const (
	CSV       Format = "csv"     // RFC 4180, UTF-8, header row, CRLF line ends
	JSONLines Format = "jsonl"   // one JSON object per line
	Parquet   Format = "parquet" // Apache Parquet, snappy-compressed, row groups of ParquetRowGroup rows
	// ClaimReviewLD is schema.org ClaimReview JSON-LD for reviewed claims.
	ClaimReviewLD Format = "claimreview.jsonld"
	// AnnotationsLD is claims as W3C Web Annotations (JSON-LD).
	AnnotationsLD Format = "annotations.jsonld"
)

// Tabular reports whether the format is a table a datapackage.json can
// describe.
func (f Format) Tabular() bool { return f == CSV || f == JSONLines || f == Parquet }

// MediaType is the format's IANA media type.
func (f Format) MediaType() string {
	switch f {
	case CSV:
		return "text/csv; charset=utf-8; header=present"
	case JSONLines:
		return "application/jsonl"
	case Parquet:
		return "application/vnd.apache.parquet"
	case ClaimReviewLD, AnnotationsLD:
		return "application/ld+json"
	}
	return "application/octet-stream"
}

// ParquetRowGroup is how many rows a Parquet row group holds: the writer
// buffers one group, so it bounds the export's memory (tens of MB).
const ParquetRowGroup = 64 * 1024

// flushEvery is how many rows may wait in the buffer before they are pushed
// to a client that can be flushed (an HTTP response), so a slow export still
// shows progress.
const flushEvery = 4096

// ExportFilter selects the claims an export holds; an evidence export holds
// the links of the selected claims. Zero fields do not filter.
type ExportFilter struct {
	OutletID  int64
	Outlet    string // outlet name or web domain, case-insensitive
	SpeakerID int64
	Speaker   string // speaker name, case-insensitive
	Kind      Kind
	Status    Status
	// From and To bound the article's published_at: From <= t < To.
	// Articles without a publication date fall outside any bound.
	From *time.Time `json:",omitempty"`
	To   *time.Time `json:",omitempty"`
	// StoryID keeps the claims of the articles of one story.
	StoryID int64 `json:",omitempty"`
}

// ErrInvalidFilter wraps what is wrong with an export filter or request.
var ErrInvalidFilter = errors.New("invalid export request")

// Validate checks the filter's values.
func (f ExportFilter) Validate() error {
	switch {
	case f.Kind != "" && !f.Kind.Valid():
		return fmt.Errorf("%w: kind must be one of direct, indirect, mixed, assertion, caption, headline", ErrInvalidFilter)
	case f.Status != "" && !f.Status.Valid():
		return fmt.Errorf("%w: status must be one of unreviewed, confirmed, edited, rejected", ErrInvalidFilter)
	case f.From != nil && f.To != nil && !f.From.Before(*f.To):
		return fmt.Errorf("%w: from must be before to", ErrInvalidFilter)
	case f.OutletID < 0 || f.SpeakerID < 0:
		return fmt.Errorf("%w: ids are positive", ErrInvalidFilter)
	}
	return nil
}

// args are the filter's values for exportFilterSQL's $1..$9, NULL where the
// field does not filter.
func (f ExportFilter) args() []any {
	str := func(s string) any {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return s
	}
	id := func(n int64) any {
		if n == 0 {
			return nil
		}
		return n
	}
	tm := func(t *time.Time) any {
		if t == nil {
			return nil
		}
		return *t
	}
	return []any{id(f.OutletID), str(f.Outlet), id(f.SpeakerID), str(f.Speaker), str(string(f.Kind)), str(string(f.Status)), tm(f.From), tm(f.To), id(f.StoryID)}
}

// Snapshot says which state of the database an export read, so that a
// result can be reproduced and compared.
type Snapshot struct {
	// Time is the start of the export's transaction: the data is exactly as
	// committed at that instant.
	Time  time.Time `json:"time"`
	Table Table     `json:"table"`
	Rows  int64     `json:"rows"`
}

// exportFilterSQL selects claims c of article a of outlet o said by speaker
// sp. Every condition is off when its parameter is NULL; pgx sends the
// parameters with the query, so PostgreSQL plans for the actual values and
// drops the conditions that are off.
const exportFilterSQL = `
WHERE ($1::bigint IS NULL OR o.id = $1)
  AND ($2::text IS NULL OR lower(o.name) = lower($2) OR o.domain = lower($2))
  AND ($3::bigint IS NULL OR c.speaker_id = $3)
  AND ($4::text IS NULL OR lower(sp.name) = lower($4))
  AND ($5::text IS NULL OR c.kind = $5)
  AND ($6::text IS NULL OR c.status = $6)
  AND ($7::timestamptz IS NULL OR a.published_at >= $7)
  AND ($8::timestamptz IS NULL OR a.published_at < $8)
  AND ($9::bigint IS NULL OR a.story_id = $9)`

// reviewerSQL is the name of whoever last changed a reviewed claim, from the
// audit log; the CASE keeps the lookup off the many unreviewed claims.
const reviewerSQL = `CASE WHEN c.status <> 'unreviewed' THEN (
    SELECT nullif(u.name, '') FROM audit_log l JOIN users u ON u.id = l.actor_id
    WHERE l.entity = 'claim' AND l.entity_id = c.id
    ORDER BY l.at DESC, l.id DESC LIMIT 1) END`

// claimExportSQL is the claim table.
const claimExportSQL = `
SELECT c.id, c.article_id, a.title, a.url, o.name, a.published_at, a.language,
       c.speaker_id, sp.name, sp.role, sp.organisation, sp.kind,
       c.mention_text, c.kind, c.cue_text, c.content_text, c.content_start, c.content_end,
       c.confidence, c.status, ` + reviewerSQL + `, c.extractor_version,
       coalesce(ev.corroborates, 0), coalesce(ev.conflicts, 0), coalesce(ev.context, 0),
       a.story_id, st.title, c.created_at, c.updated_at
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers sp ON sp.id = c.speaker_id
LEFT JOIN stories st ON st.id = a.story_id
LEFT JOIN (
    SELECT claim_id,
           count(*) FILTER (WHERE stance = 'corroborates') AS corroborates,
           count(*) FILTER (WHERE stance = 'conflicts') AS conflicts,
           count(*) FILTER (WHERE stance = 'context') AS context
    FROM evidence GROUP BY claim_id
) ev ON ev.claim_id = c.id` + exportFilterSQL + `
ORDER BY c.id`

// evidenceExportSQL is the evidence-link table of the selected claims.
const evidenceExportSQL = `
SELECT e.id, e.claim_id, c.content_text, e.article_id, ea.title, ea.url, eo.name, ea.published_at,
       e.passage_start, e.passage_end, e.passage_text, e.passage_claim_id,
       e.stance, e.suggested_stance, e.suggested_score, e.note, e.created_at, e.updated_at
FROM evidence e
JOIN claims c ON c.id = e.claim_id
JOIN articles a ON a.id = c.article_id
JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers sp ON sp.id = c.speaker_id
JOIN articles ea ON ea.id = e.article_id
JOIN outlets eo ON eo.id = ea.outlet_id` + exportFilterSQL + `
ORDER BY e.id`

// historyExportSQL is the audit trail of the selected claims: every change
// recorded to one of them or to one of their evidence links, oldest first,
// with who made it and the state before and after as JSON. Changes made in
// one transaction (a split touches two claims) share a txid.
const historyExportSQL = `
WITH selected AS (
    SELECT 'claim'::text AS entity, c.id AS entity_id, c.id AS claim_id
    FROM claims c
    JOIN articles a ON a.id = c.article_id
    JOIN outlets o ON o.id = a.outlet_id
    LEFT JOIN speakers sp ON sp.id = c.speaker_id` + exportFilterSQL + `
    UNION ALL
    SELECT 'evidence', e.id, c.id
    FROM evidence e
    JOIN claims c ON c.id = e.claim_id
    JOIN articles a ON a.id = c.article_id
    JOIN outlets o ON o.id = a.outlet_id
    LEFT JOIN speakers sp ON sp.id = c.speaker_id` + exportFilterSQL + `
)
SELECT l.id, l.at, l.txid, l.actor_id, nullif(u.name, ''), u.email, l.action, l.entity, l.entity_id, s.claim_id,
       l.before::text, l.after::text
FROM audit_log l
JOIN selected s ON s.entity = l.entity AND s.entity_id = l.entity_id
LEFT JOIN users u ON u.id = l.actor_id
ORDER BY l.id`

// Column describes one column of an exported table, as datapackage.json
// states it (Frictionless Table Schema types).
type Column struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // integer, number, string, datetime
	Description string `json:"description"`
	Nullable    bool   `json:"-"`
}

// Columns returns the columns of an exported table, in file order.
func Columns(t Table) []Column {
	switch t {
	case EvidenceTable:
		return evidenceColumns()
	case HistoryTable:
		return historyColumns()
	}
	return claimColumns()
}

func historyColumns() []Column {
	return []Column{
		{"change_id", "integer", "The change's id in the audit trail; ids grow with time.", false},
		{"at", "datetime", "When the change was made (UTC).", false},
		{"txid", "integer", "The database transaction that made it: changes of one action (a split, a merge) share it.", false},
		{"actor_id", "integer", "The id of the user who made the change; empty for changes made by Crosscheck itself (ingest, re-extraction).", true},
		{"actor", "string", "That user's name.", true},
		{"actor_email", "string", "That user's email address.", true},
		{"action", "string", "What was done: create, update, split, merge, undo, link and the like.", false},
		{"entity", "string", "What was changed: claim or evidence (a link of the claim).", false},
		{"entity_id", "integer", "The id of the claim or evidence link changed.", false},
		{"claim_id", "integer", "The claim the change concerns.", false},
		{"before", "string", "The changed record before the change, as JSON; empty when it was created.", true},
		{"after", "string", "The record after the change, as JSON.", true},
	}
}

func claimColumns() []Column {
	return []Column{
		{"claim_id", "integer", "The claim's id.", false},
		{"article_id", "integer", "The id of the article (report) the claim was found in.", false},
		{"article_title", "string", "The article's title.", false},
		{"article_url", "string", "The article's URL; empty for pasted texts.", false},
		{"outlet", "string", "The outlet that published the article.", false},
		{"published_at", "datetime", "When the article was published (UTC); empty when unknown.", true},
		{"language", "string", "The article's language, a BCP 47 tag.", false},
		{"speaker_id", "integer", "The id of the canonical speaker the claim is attributed to; empty when none.", true},
		{"speaker", "string", "The speaker's canonical name; empty when none.", true},
		{"speaker_role", "string", "The speaker's role or title as reported (\"Lieutenant-General\").", true},
		{"speaker_organisation", "string", "The organisation the speaker speaks for.", true},
		{"speaker_kind", "string", "person, organisation, anonymous or outlet (the outlet's own statement).", true},
		{"mention", "string", "The words of the article that attribute the claim (\"he\", \"the minister\").", false},
		{"kind", "string", "How the claim is carried: direct, indirect, mixed, assertion, caption or headline.", false},
		{"cue", "string", "The reporting verb or phrase (\"said\", \"according to\"); empty when none.", false},
		{"content", "string", "The claim's text, exactly as in the article.", false},
		{"content_start", "integer", "Where the content starts in the article's text, in Unicode code points from 0.", false},
		{"content_end", "integer", "Where the content ends in the article's text, in code points, exclusive.", false},
		{"confidence", "number", "The extractor's confidence, 0 to 1, that kind, content and speaker are right.", false},
		{"status", "string", "Review status: unreviewed, confirmed, edited (confirmed after correction) or rejected.", false},
		{"reviewer", "string", "The name of who last reviewed the claim; empty when unreviewed or unknown.", true},
		{"extractor_version", "string", "The extraction rules that produced the claim.", false},
		{"evidence_corroborates", "integer", "How many passages of other reports corroborate the claim.", false},
		{"evidence_conflicts", "integer", "How many passages of other reports conflict with the claim.", false},
		{"evidence_context", "integer", "How many passages of other reports give context to the claim.", false},
		{"story_id", "integer", "The id of the story (one event as several outlets report it) the article belongs to; empty when not grouped.", true},
		{"story", "string", "The story's title; empty when the article is not grouped.", true},
		{"created_at", "datetime", "When the claim was stored (UTC).", false},
		{"updated_at", "datetime", "When the claim last changed (UTC).", false},
	}
}

func evidenceColumns() []Column {
	return []Column{
		{"evidence_id", "integer", "The evidence link's id.", false},
		{"claim_id", "integer", "The claim the passage bears on.", false},
		{"claim_content", "string", "The claim's text.", false},
		{"article_id", "integer", "The id of the other report holding the passage.", false},
		{"article_title", "string", "That report's title.", false},
		{"article_url", "string", "That report's URL; empty for pasted texts.", false},
		{"outlet", "string", "The outlet that published that report.", false},
		{"published_at", "datetime", "When that report was published (UTC); empty when unknown.", true},
		{"passage_start", "integer", "Where the passage starts in that report's text, in Unicode code points from 0.", false},
		{"passage_end", "integer", "Where the passage ends, in code points, exclusive.", false},
		{"passage_text", "string", "The passage, exactly as in that report.", false},
		{"passage_claim_id", "integer", "The claim of that report the passage is, when it is one.", true},
		{"stance", "string", "The reviewer's decision: corroborates, conflicts or context.", false},
		{"suggested_stance", "string", "The machine's suggestion, kept to measure it; empty when none.", true},
		{"suggested_score", "number", "The score of the machine's suggestion; empty when none.", true},
		{"note", "string", "The reviewer's note.", false},
		{"created_at", "datetime", "When the link was made (UTC).", false},
		{"updated_at", "datetime", "When the link last changed (UTC).", false},
	}
}

// ClaimRow is one row of the claim table. Its JSON and Parquet names are the
// column names of Columns(ClaimTable).
type ClaimRow struct {
	ClaimID             int64      `json:"claim_id" parquet:"claim_id"`
	ArticleID           int64      `json:"article_id" parquet:"article_id"`
	ArticleTitle        string     `json:"article_title" parquet:"article_title"`
	ArticleURL          string     `json:"article_url" parquet:"article_url"`
	Outlet              string     `json:"outlet" parquet:"outlet,dict"`
	PublishedAt         *time.Time `json:"published_at" parquet:"published_at,optional,timestamp(microsecond)"`
	Language            string     `json:"language" parquet:"language,dict"`
	SpeakerID           *int64     `json:"speaker_id" parquet:"speaker_id,optional"`
	Speaker             *string    `json:"speaker" parquet:"speaker,optional"`
	SpeakerRole         *string    `json:"speaker_role" parquet:"speaker_role,optional"`
	SpeakerOrganisation *string    `json:"speaker_organisation" parquet:"speaker_organisation,optional"`
	SpeakerKind         *string    `json:"speaker_kind" parquet:"speaker_kind,optional,dict"`
	Mention             string     `json:"mention" parquet:"mention"`
	Kind                string     `json:"kind" parquet:"kind,dict"`
	Cue                 string     `json:"cue" parquet:"cue,dict"`
	Content             string     `json:"content" parquet:"content"`
	ContentStart        int64      `json:"content_start" parquet:"content_start"`
	ContentEnd          int64      `json:"content_end" parquet:"content_end"`
	Confidence          float32    `json:"confidence" parquet:"confidence"`
	Status              string     `json:"status" parquet:"status,dict"`
	Reviewer            *string    `json:"reviewer" parquet:"reviewer,optional"`
	ExtractorVersion    string     `json:"extractor_version" parquet:"extractor_version,dict"`
	Corroborates        int64      `json:"evidence_corroborates" parquet:"evidence_corroborates"`
	Conflicts           int64      `json:"evidence_conflicts" parquet:"evidence_conflicts"`
	Context             int64      `json:"evidence_context" parquet:"evidence_context"`
	StoryID             *int64     `json:"story_id" parquet:"story_id,optional"`
	Story               *string    `json:"story" parquet:"story,optional"`
	CreatedAt           time.Time  `json:"created_at" parquet:"created_at,timestamp(microsecond)"`
	UpdatedAt           time.Time  `json:"updated_at" parquet:"updated_at,timestamp(microsecond)"`
}

func (r *ClaimRow) scan(rows pgx.Rows) error {
	return rows.Scan(&r.ClaimID, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.Outlet, &r.PublishedAt, &r.Language,
		&r.SpeakerID, &r.Speaker, &r.SpeakerRole, &r.SpeakerOrganisation, &r.SpeakerKind,
		&r.Mention, &r.Kind, &r.Cue, &r.Content, &r.ContentStart, &r.ContentEnd,
		&r.Confidence, &r.Status, &r.Reviewer, &r.ExtractorVersion,
		&r.Corroborates, &r.Conflicts, &r.Context, &r.StoryID, &r.Story, &r.CreatedAt, &r.UpdatedAt)
}

func (r *ClaimRow) record(rec []string) []string {
	return append(rec[:0],
		i64(r.ClaimID), i64(r.ArticleID), r.ArticleTitle, r.ArticleURL, r.Outlet, optTime(r.PublishedAt), r.Language,
		optI64(r.SpeakerID), optStr(r.Speaker), optStr(r.SpeakerRole), optStr(r.SpeakerOrganisation), optStr(r.SpeakerKind),
		r.Mention, r.Kind, r.Cue, r.Content, i64(r.ContentStart), i64(r.ContentEnd),
		strconv.FormatFloat(float64(r.Confidence), 'g', -1, 32), r.Status, optStr(r.Reviewer), r.ExtractorVersion,
		i64(r.Corroborates), i64(r.Conflicts), i64(r.Context), optI64(r.StoryID), optStr(r.Story), csvTime(r.CreatedAt), csvTime(r.UpdatedAt))
}

// EvidenceRow is one row of the evidence-link table.
type EvidenceRow struct {
	EvidenceID      int64      `json:"evidence_id" parquet:"evidence_id"`
	ClaimID         int64      `json:"claim_id" parquet:"claim_id"`
	ClaimContent    string     `json:"claim_content" parquet:"claim_content"`
	ArticleID       int64      `json:"article_id" parquet:"article_id"`
	ArticleTitle    string     `json:"article_title" parquet:"article_title"`
	ArticleURL      string     `json:"article_url" parquet:"article_url"`
	Outlet          string     `json:"outlet" parquet:"outlet,dict"`
	PublishedAt     *time.Time `json:"published_at" parquet:"published_at,optional,timestamp(microsecond)"`
	PassageStart    int64      `json:"passage_start" parquet:"passage_start"`
	PassageEnd      int64      `json:"passage_end" parquet:"passage_end"`
	PassageText     string     `json:"passage_text" parquet:"passage_text"`
	PassageClaimID  *int64     `json:"passage_claim_id" parquet:"passage_claim_id,optional"`
	Stance          string     `json:"stance" parquet:"stance,dict"`
	SuggestedStance *string    `json:"suggested_stance" parquet:"suggested_stance,optional,dict"`
	SuggestedScore  *float32   `json:"suggested_score" parquet:"suggested_score,optional"`
	Note            string     `json:"note" parquet:"note"`
	CreatedAt       time.Time  `json:"created_at" parquet:"created_at,timestamp(microsecond)"`
	UpdatedAt       time.Time  `json:"updated_at" parquet:"updated_at,timestamp(microsecond)"`
}

func (r *EvidenceRow) scan(rows pgx.Rows) error {
	return rows.Scan(&r.EvidenceID, &r.ClaimID, &r.ClaimContent, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.Outlet, &r.PublishedAt,
		&r.PassageStart, &r.PassageEnd, &r.PassageText, &r.PassageClaimID,
		&r.Stance, &r.SuggestedStance, &r.SuggestedScore, &r.Note, &r.CreatedAt, &r.UpdatedAt)
}

func (r *EvidenceRow) record(rec []string) []string {
	score := ""
	if r.SuggestedScore != nil {
		score = strconv.FormatFloat(float64(*r.SuggestedScore), 'g', -1, 32)
	}
	return append(rec[:0],
		i64(r.EvidenceID), i64(r.ClaimID), r.ClaimContent, i64(r.ArticleID), r.ArticleTitle, r.ArticleURL, r.Outlet, optTime(r.PublishedAt),
		i64(r.PassageStart), i64(r.PassageEnd), r.PassageText, optI64(r.PassageClaimID),
		r.Stance, optStr(r.SuggestedStance), score, r.Note, csvTime(r.CreatedAt), csvTime(r.UpdatedAt))
}

// HistoryRow is one row of the history table: one recorded change.
type HistoryRow struct {
	ChangeID   int64     `json:"change_id" parquet:"change_id"`
	At         time.Time `json:"at" parquet:"at,timestamp(microsecond)"`
	TxID       int64     `json:"txid" parquet:"txid"`
	ActorID    *int64    `json:"actor_id" parquet:"actor_id,optional"`
	Actor      *string   `json:"actor" parquet:"actor,optional,dict"`
	ActorEmail *string   `json:"actor_email" parquet:"actor_email,optional,dict"`
	Action     string    `json:"action" parquet:"action,dict"`
	Entity     string    `json:"entity" parquet:"entity,dict"`
	EntityID   int64     `json:"entity_id" parquet:"entity_id"`
	ClaimID    int64     `json:"claim_id" parquet:"claim_id"`
	Before     *string   `json:"before" parquet:"before,optional"`
	After      *string   `json:"after" parquet:"after,optional"`
}

func (r *HistoryRow) scan(rows pgx.Rows) error {
	return rows.Scan(&r.ChangeID, &r.At, &r.TxID, &r.ActorID, &r.Actor, &r.ActorEmail, &r.Action, &r.Entity, &r.EntityID, &r.ClaimID,
		&r.Before, &r.After)
}

func (r *HistoryRow) record(rec []string) []string {
	return append(rec[:0],
		i64(r.ChangeID), csvTime(r.At), i64(r.TxID), optI64(r.ActorID), optStr(r.Actor), optStr(r.ActorEmail), r.Action, r.Entity,
		i64(r.EntityID), i64(r.ClaimID), optStr(r.Before), optStr(r.After))
}

func i64(n int64) string { return strconv.FormatInt(n, 10) }

func optI64(n *int64) string {
	if n == nil {
		return ""
	}
	return i64(*n)
}

func optStr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// csvTime writes times in UTC as RFC 3339 with microseconds (PostgreSQL's
// precision), which pandas, R and spreadsheets all parse.
func csvTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000Z07:00") }

func optTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return csvTime(*t)
}

// row is what a table's rows can do: be read from the database and be
// written as a CSV record.
type row[T any] interface {
	*T
	scan(pgx.Rows) error
	record([]string) []string
}

// Export writes the table's rows selected by f to w in the format, reading
// them in one REPEATABLE READ, READ ONLY transaction so the file is one
// consistent state of the database, the state at the returned snapshot's
// time. Nothing is written to w before that transaction has begun, so a
// failure to start leaves w untouched.
func (s *Store) Export(ctx context.Context, w io.Writer, t Table, format Format, f ExportFilter) (Snapshot, error) {
	if err := f.Validate(); err != nil {
		return Snapshot{}, err
	}
	snap := Snapshot{Table: t}
	err := s.inSnapshot(ctx, func(tx pgx.Tx, at time.Time) error {
		snap.Time = at
		var err error
		switch {
		case format == ClaimReviewLD:
			snap.Table = ClaimTable
			snap.Rows, err = writeClaimReviews(ctx, tx, w, f, at)
		case format == AnnotationsLD:
			snap.Table = ClaimTable
			snap.Rows, err = writeAnnotations(ctx, tx, w, f, at)
		case t == ClaimTable:
			snap.Rows, err = exportRows[ClaimRow](ctx, tx, w, format, claimExportSQL, f.args())
		case t == EvidenceTable:
			snap.Rows, err = exportRows[EvidenceRow](ctx, tx, w, format, evidenceExportSQL, f.args())
		case t == HistoryTable:
			snap.Rows, err = exportRows[HistoryRow](ctx, tx, w, format, historyExportSQL, f.args())
		default:
			err = fmt.Errorf("%w: table must be claims, evidence or history", ErrInvalidFilter)
		}
		return err
	})
	return snap, err
}

// inSnapshot runs fn in a REPEATABLE READ, READ ONLY transaction on a pgx
// connection borrowed from the store's pool: exports read millions of rows
// and pgx's own row reading is several times cheaper than database/sql's.
// at is the transaction's start, the instant the snapshot shows.
func (s *Store) inSnapshot(ctx context.Context, fn func(tx pgx.Tx, at time.Time) error) error {
	sqlDB, err := s.db.WithContext(ctx).DB()
	if err != nil {
		return fmt.Errorf("export needs its own connection: %w", err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		pc, ok := driverConn.(interface{ Conn() *pgx.Conn })
		if !ok {
			return fmt.Errorf("export needs the pgx driver, not %T", driverConn)
		}
		tx, err := pc.Conn().BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			return fmt.Errorf("export: begin: %w", err)
		}
		defer tx.Rollback(context.WithoutCancel(ctx))
		// The first statement fixes the snapshot; now() is the
		// transaction's start, which is what the snapshot shows.
		var at time.Time
		if err := tx.QueryRow(ctx, `SELECT now()`).Scan(&at); err != nil {
			return fmt.Errorf("export: snapshot: %w", err)
		}
		if err := fn(tx, at.UTC()); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
}

// exportRows streams the rows of query in the format.
func exportRows[T any, P row[T]](ctx context.Context, tx pgx.Tx, w io.Writer, format Format, query string, args []any) (int64, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	var n int64
	var r T
	next := func() (bool, error) {
		if !rows.Next() {
			return false, rows.Err()
		}
		r = *new(T)
		if err := P(&r).scan(rows); err != nil {
			return false, fmt.Errorf("export: row %d: %w", n+1, err)
		}
		n++
		return true, nil
	}
	switch format {
	case CSV, JSONLines:
		bw := bufio.NewWriterSize(w, 64<<10)
		var write func() error
		if format == CSV {
			// csv.NewWriter keeps bw, already buffered, as it is.
			cw := csv.NewWriter(bw)
			cw.UseCRLF = true
			var cols []string
			for _, c := range Columns(tableOf[T]()) {
				cols = append(cols, c.Name)
			}
			if err := cw.Write(cols); err != nil {
				return 0, err
			}
			rec := make([]string, 0, len(cols))
			write = func() error {
				rec = P(&r).record(rec)
				return cw.Write(rec)
			}
		} else {
			enc := json.NewEncoder(bw)
			enc.SetEscapeHTML(false)
			write = func() error { return enc.Encode(&r) }
		}
		// The header (or nothing) leaves at once: the client sees the
		// export has started even if the first row takes a while.
		if err := flush(bw, w); err != nil {
			return 0, err
		}
		for {
			ok, err := next()
			if err != nil {
				return n, err
			}
			if !ok {
				break
			}
			if err := write(); err != nil {
				return n, err
			}
			if n%flushEvery == 0 {
				if err := flush(bw, w); err != nil {
					return n, err
				}
			}
		}
		return n, flush(bw, w)
	case Parquet:
		pw := parquet.NewGenericWriter[T](w,
			parquet.MaxRowsPerRowGroup(ParquetRowGroup),
			parquet.Compression(&snappy.Codec{}),
			parquet.CreatedBy("crosscheck", ExtractorVersion, ""),
		)
		batch := make([]T, 0, 1024)
		for {
			ok, err := next()
			if err != nil {
				return n, err
			}
			if ok {
				batch = append(batch, r)
			}
			if len(batch) == cap(batch) || (!ok && len(batch) > 0) {
				if _, err := pw.Write(batch); err != nil {
					return n, fmt.Errorf("export: parquet: %w", err)
				}
				batch = batch[:0]
				if n%ParquetRowGroup == 0 {
					if fl, ok := w.(interface{ Flush() }); ok {
						fl.Flush()
					}
				}
			}
			if !ok {
				break
			}
		}
		if err := pw.Close(); err != nil {
			return n, fmt.Errorf("export: parquet: %w", err)
		}
		return n, nil
	}
	return 0, fmt.Errorf("%w: format must be csv, jsonl or parquet", ErrInvalidFilter)
}

func tableOf[T any]() Table {
	switch any(new(T)).(type) {
	case *EvidenceRow:
		return EvidenceTable
	case *HistoryRow:
		return HistoryTable
	}
	return ClaimTable
}

// flush pushes buffered bytes to w and, when w is an HTTP response (or
// anything else that buffers and can be flushed), on to the client.
func flush(bw *bufio.Writer, w io.Writer) error {
	if err := bw.Flush(); err != nil {
		return err
	}
	switch fl := w.(type) {
	case interface{ Flush() error }:
		return fl.Flush()
	case interface{ Flush() }:
		fl.Flush()
	}
	return nil
}

// CopySQL is the unfiltered export query of a table with its parameters
// spelled as NULL, for PostgreSQL's own COPY (which takes no parameters):
// the bench compares Export with COPY over exactly the same rows.
func CopySQL(t Table) string {
	q := claimExportSQL
	switch t {
	case EvidenceTable:
		q = evidenceExportSQL
	case HistoryTable:
		q = historyExportSQL
	}
	for i := 9; i >= 1; i-- {
		q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), "NULL")
	}
	return q
}
