package claims

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// ClaimReview JSON-LD (schema.org) is how fact-checks are published for
// search engines and aggregators. A Crosscheck review confirms who said what
// where (the attribution), and the evidence links say how other reports bear
// on it; the rating states exactly that and never a truth verdict the
// reviewers did not give.

// claimReviewSQL is the reviewed claims (confirmed or edited) selected by
// the filter, with the URLs of other reports that carry the same claim (an
// evidence passage that is itself a claim).
const claimReviewSQL = `
SELECT c.id, c.content_text, c.kind, c.status, c.updated_at,
       a.url, a.title, a.published_at, o.name,
       sp.name, sp.role, sp.organisation, sp.kind, ` + reviewerSQL + `,
       (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id AND e.stance = 'corroborates'),
       (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id AND e.stance = 'conflicts'),
       coalesce((SELECT array_agg(DISTINCT ea.url ORDER BY ea.url) FROM evidence e JOIN articles ea ON ea.id = e.article_id
                 WHERE e.claim_id = c.id AND e.passage_claim_id IS NOT NULL AND ea.url <> ''), '{}')
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers sp ON sp.id = c.speaker_id` + exportFilterSQL + `
  AND c.status IN ('confirmed', 'edited')
ORDER BY c.id`

// ClaimReview is a schema.org ClaimReview.
type ClaimReview struct {
	Type          string   `json:"@type"`
	ID            string   `json:"@id"`
	URL           string   `json:"url,omitempty"`
	ClaimReviewed string   `json:"claimReviewed"`
	DatePublished string   `json:"datePublished"`
	Author        LDAgent  `json:"author"`
	ItemReviewed  LDClaim  `json:"itemReviewed"`
	ReviewRating  LDRating `json:"reviewRating"`
	Reviewer      *LDAgent `json:"contributor,omitempty"`
}

// LDClaim is a schema.org Claim.
type LDClaim struct {
	Type          string         `json:"@type"`
	Author        *LDAgent       `json:"author,omitempty"`
	DatePublished string         `json:"datePublished,omitempty"`
	Appearance    []LDAppearance `json:"appearance"`
}

// LDAgent is a schema.org Person or Organization.
type LDAgent struct {
	Type        string   `json:"@type"`
	Name        string   `json:"name"`
	JobTitle    string   `json:"jobTitle,omitempty"`
	Affiliation *LDAgent `json:"affiliation,omitempty"`
}

// LDAppearance is a report a claim appears in.
type LDAppearance struct {
	Type      string   `json:"@type"`
	URL       string   `json:"url,omitempty"`
	Headline  string   `json:"headline,omitempty"`
	Publisher *LDAgent `json:"publisher,omitempty"`
}

// LDRating is a schema.org Rating.
type LDRating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
	AlternateName string `json:"alternateName"`
}

// reviewRating rates a reviewed claim by what other reports say about it:
// 1 contradicted, 2 disputed (both), 3 attribution confirmed only,
// 4 corroborated.
func reviewRating(corroborates, conflicts int64) LDRating {
	r := LDRating{Type: "Rating", BestRating: 4, WorstRating: 1}
	switch {
	case conflicts > 0 && corroborates == 0:
		r.RatingValue, r.AlternateName = 1, fmt.Sprintf("Attribution confirmed; contradicted by %d other report(s)", conflicts)
	case conflicts > 0:
		r.RatingValue, r.AlternateName = 2, fmt.Sprintf("Attribution confirmed; disputed: %d report(s) corroborate, %d contradict", corroborates, conflicts)
	case corroborates > 0:
		r.RatingValue, r.AlternateName = 4, fmt.Sprintf("Attribution confirmed; corroborated by %d other report(s)", corroborates)
	default:
		r.RatingValue, r.AlternateName = 3, "Attribution confirmed; not yet checked against other reports"
	}
	return r
}

func ldAgent(name, role, org, kind *string) *LDAgent {
	if name == nil {
		return nil
	}
	a := &LDAgent{Type: "Person", Name: *name, JobTitle: optStr(role)}
	if kind != nil && *kind != string(Person) {
		a = &LDAgent{Type: "Organization", Name: *name}
	}
	if org != nil && *org != "" {
		a.Affiliation = &LDAgent{Type: "Organization", Name: *org}
	}
	return a
}

func ldTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// writeClaimReviews writes the reviewed claims as one JSON-LD document
// whose @graph holds a ClaimReview per claim, streamed item by item.
func writeClaimReviews(ctx context.Context, tx pgx.Tx, w io.Writer, f ExportFilter, at time.Time) (int64, error) {
	rows, err := tx.Query(ctx, claimReviewSQL, f.args()...)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	ld := newLDStream(w, `{"@context":"https://schema.org","dateCreated":`+strconv.Quote(at.Format(time.RFC3339Nano))+`,"@graph":[`, "]}\n")
	for rows.Next() {
		var (
			id                                   int64
			content, kind, status, url, title, o string
			updated                              time.Time
			published                            *time.Time
			spName, spRole, spOrg, spKind, rev   *string
			corroborates, conflicts              int64
			carried                              []string
		)
		if err := rows.Scan(&id, &content, &kind, &status, &updated, &url, &title, &published, &o,
			&spName, &spRole, &spOrg, &spKind, &rev, &corroborates, &conflicts, &carried); err != nil {
			return ld.n, fmt.Errorf("export: %w", err)
		}
		publisher := &LDAgent{Type: "Organization", Name: o}
		apps := []LDAppearance{{Type: "NewsArticle", URL: url, Headline: title, Publisher: publisher}}
		for _, u := range carried {
			if u != url {
				apps = append(apps, LDAppearance{Type: "CreativeWork", URL: u})
			}
		}
		cr := ClaimReview{
			Type:          "ClaimReview",
			ID:            "urn:crosscheck:claim:" + i64(id) + ":review",
			ClaimReviewed: content,
			DatePublished: updated.UTC().Format(time.RFC3339),
			Author:        LDAgent{Type: "Organization", Name: "Crosscheck"},
			ItemReviewed:  LDClaim{Type: "Claim", Author: ldAgent(spName, spRole, spOrg, spKind), DatePublished: ldTime(published), Appearance: apps},
			ReviewRating:  reviewRating(corroborates, conflicts),
		}
		if rev != nil {
			cr.Reviewer = &LDAgent{Type: "Person", Name: *rev}
		}
		if err := ld.item(cr); err != nil {
			return ld.n, err
		}
	}
	if err := rows.Err(); err != nil {
		return ld.n, fmt.Errorf("export: %w", err)
	}
	return ld.n, ld.close()
}

// ldStream writes one JSON document holding an array of items, one item at
// a time.
type ldStream struct {
	w          io.Writer
	bw         *bufio.Writer
	head, tail string
	n          int64
	err        error
}

func newLDStream(w io.Writer, head, tail string) *ldStream {
	s := &ldStream{w: w, bw: bufio.NewWriterSize(w, 64<<10), head: head, tail: tail}
	s.bw.WriteString(head)
	s.err = flush(s.bw, w)
	return s
}

func (s *ldStream) item(v any) error {
	if s.err != nil {
		return s.err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if s.n > 0 {
		s.bw.WriteByte(',')
	}
	s.bw.WriteByte('\n')
	s.bw.Write(b)
	s.n++
	if s.n%flushEvery == 0 {
		s.err = flush(s.bw, s.w)
	}
	return s.err
}

func (s *ldStream) close() error {
	if s.err != nil {
		return s.err
	}
	s.bw.WriteString("\n" + s.tail)
	return flush(s.bw, s.w)
}
