package claims

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// W3C Web Annotations let annotation tools (Hypothesis, Recogito, INCEpTION)
// show claims on the article's text. Each claim is an annotation whose
// target is its article, selected two ways: by quote with some context
// (robust when the page changes) and by code point position (exact on the
// stored text; the Web Annotation model counts code points too).

// annotationSQL is the claims selected by the filter with the text around
// their content. substr counts code points from 1, so the prefix is the
// (up to) 32 code points before content_start and the suffix the 32 after
// content_end.
const annotationSQL = `
SELECT c.id, c.article_id, a.url, c.kind, c.content_text, c.content_start, c.content_end,
       substr(a.text, greatest(c.content_start - 31, 1), c.content_start - greatest(c.content_start - 32, 0)),
       substr(a.text, c.content_end + 1, 32),
       sp.name, sp.role, c.status, c.created_at, c.updated_at
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers sp ON sp.id = c.speaker_id` + exportFilterSQL + `
ORDER BY c.id`

// Annotation is a W3C Web Annotation of one claim.
type Annotation struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation"`
	Created    string     `json:"created"`
	Modified   string     `json:"modified"`
	Body       []AnnoBody `json:"body"`
	Target     AnnoTarget `json:"target"`
}

// AnnoBody is a textual body: what the claim is and who said it.
type AnnoBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
}

// AnnoTarget is the span of the article the claim covers.
type AnnoTarget struct {
	Source   string         `json:"source"`
	Selector []AnnoSelector `json:"selector"`
}

// AnnoSelector is a TextQuoteSelector (Exact, Prefix, Suffix) or a
// TextPositionSelector (Start, End in code points).
type AnnoSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// ArticleIRI names an article: its URL, or a URN for pasted texts.
func ArticleIRI(id int64, url string) string {
	if url != "" {
		return url
	}
	return "urn:crosscheck:article:" + strconv.FormatInt(id, 10)
}

func writeAnnotations(ctx context.Context, tx pgx.Tx, w io.Writer, f ExportFilter, at time.Time) (int64, error) {
	rows, err := tx.Query(ctx, annotationSQL, f.args()...)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	head := `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:crosscheck:claims","type":"AnnotationCollection",` +
		`"label":"Attributed claims","generated":` + strconv.Quote(at.Format(time.RFC3339Nano)) +
		`,"first":{"type":"AnnotationPage","items":[`
	ld := newLDStream(w, head, "]}}\n")
	for rows.Next() {
		var (
			id, articleID                              int64
			url, kind, content, prefix, suffix, status string
			start, end                                 int
			spName, spRole                             *string
			created, updated                           time.Time
		)
		if err := rows.Scan(&id, &articleID, &url, &kind, &content, &start, &end, &prefix, &suffix,
			&spName, &spRole, &status, &created, &updated); err != nil {
			return ld.n, fmt.Errorf("export: %w", err)
		}
		desc := kind + " claim"
		if spName != nil {
			desc += " by " + *spName
			if spRole != nil && *spRole != "" {
				desc += " (" + *spRole + ")"
			}
		}
		desc += "; review: " + status
		a := Annotation{
			ID:         "urn:crosscheck:claim:" + i64(id),
			Type:       "Annotation",
			Motivation: "describing",
			Created:    created.UTC().Format(time.RFC3339),
			Modified:   updated.UTC().Format(time.RFC3339),
			Body: []AnnoBody{
				{Type: "TextualBody", Purpose: "describing", Value: desc, Format: "text/plain"},
				{Type: "TextualBody", Purpose: "tagging", Value: kind},
			},
			Target: AnnoTarget{
				Source: ArticleIRI(articleID, url),
				Selector: []AnnoSelector{
					{Type: "TextQuoteSelector", Exact: content, Prefix: prefix, Suffix: suffix},
					{Type: "TextPositionSelector", Start: &start, End: &end},
				},
			},
		}
		if err := ld.item(a); err != nil {
			return ld.n, err
		}
	}
	if err := rows.Err(); err != nil {
		return ld.n, fmt.Errorf("export: %w", err)
	}
	return ld.n, ld.close()
}
