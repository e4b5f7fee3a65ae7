package claims_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

// Fictional outlets and people throughout.
const (
	bridgeWire = `Harbour bridge to close for repairs

The Kessington harbour bridge will close for six weeks from March, city officials said on Monday.

"The cables are older than anyone expected, and we cannot wait another winter," said Marta Olsen, the city's chief engineer.

Olsen said that traffic would be diverted through the tunnel during the works.

“Naïve plans cost money — lots of it,” said Zoë Brandt, a spokeswoman for the Kessington Traders' Association.
`
	bridgeDaily = `Traders fear bridge closure

Shops near the Kessington harbour bridge expect a hard spring.

"The cables are older than anyone expected, and we cannot wait another winter," Marta Olsen told reporters.

"Most of our customers walk over that bridge," said Piet Varga, who runs a bakery on Quay Street.
`
)

// fixture is a small database: two outlets, two articles, evidence between
// them and a reviewed claim.
type fixture struct {
	db       *migrations.DB
	wire     claims.Ingested
	daily    claims.Ingested
	reviewed int64 // a confirmed claim with a reviewer
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	db := pgtest.New(t)
	pub := time.Date(2024, 2, 12, 9, 30, 0, 0, time.UTC)
	pub2 := pub.Add(26 * time.Hour)
	wire, err := claims.Ingest(ctx, db.Gorm, sources.Submission{Text: bridgeWire, Title: "Harbour bridge to close for repairs",
		Outlet: "Sample Wire", URL: "https://samplewire.example/2024/bridge", PublishedAt: &pub})
	if err != nil {
		t.Fatal(err)
	}
	daily, err := claims.Ingest(ctx, db.Gorm, sources.Submission{Text: bridgeDaily, Title: "Traders fear bridge closure",
		Outlet: "Daily Sample", PublishedAt: &pub2})
	if err != nil {
		t.Fatal(err)
	}
	if len(wire.Claims) < 4 || len(daily.Claims) < 2 {
		t.Fatalf("extractor found too few claims: %d and %d", len(wire.Claims), len(daily.Claims))
	}
	f := fixture{db: db, wire: wire, daily: daily}
	olsen := findClaim(t, wire.Claims, "The cables are older")
	olsenDaily := findClaim(t, daily.Claims, "The cables are older")
	varga := findClaim(t, daily.Claims, "Most of our customers")
	f.reviewed = olsen.ID
	exec := func(q string, args ...any) {
		t.Helper()
		if err := db.Gorm.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO users (email, name, role) VALUES ('ines@example.org', 'Inès Reviewer', 'reviewer')`)
	exec(`UPDATE claims SET status = 'confirmed', version = version + 1 WHERE id = ?`, olsen.ID)
	exec(`INSERT INTO audit_log (actor_id, action, entity, entity_id) SELECT id, 'update', 'claim', ? FROM users`, olsen.ID)
	exec(`INSERT INTO evidence (claim_id, article_id, passage_start, passage_end, passage_text, passage_claim_id, stance, suggested_stance, suggested_score)
	      VALUES (?, ?, ?, ?, ?, ?, 'corroborates', 'corroborates', 0.93)`,
		olsen.ID, daily.Article.ID, olsenDaily.ContentStart, olsenDaily.ContentEnd, olsenDaily.ContentText, olsenDaily.ID)
	exec(`INSERT INTO evidence (claim_id, article_id, passage_start, passage_end, passage_text, stance, note)
	      VALUES (?, ?, ?, ?, ?, 'context', 'a trader, not the city')`,
		olsen.ID, daily.Article.ID, varga.ContentStart, varga.ContentEnd, varga.ContentText)
	exec(`INSERT INTO evidence (claim_id, article_id, passage_start, passage_end, passage_text, stance)
	      VALUES (?, ?, 0, 5, 'Trade', 'conflicts')`, findClaim(t, wire.Claims, "Naïve").ID, daily.Article.ID)
	return f
}

func findClaim(t *testing.T, cs []claims.Claim, prefix string) claims.Claim {
	t.Helper()
	for _, c := range cs {
		if strings.Contains(c.ContentText, prefix) {
			return c
		}
	}
	t.Fatalf("no claim with %q", prefix)
	return claims.Claim{}
}

// expectedClaims reads the claim table from the database with gorm, apart
// from the export's SQL, as CSV-form strings keyed by column.
func expectedClaims(t *testing.T, db *migrations.DB, keep func(claims.Claim) bool) []map[string]string {
	t.Helper()
	ctx := context.Background()
	store := claims.NewStore(db.Gorm)
	list, err := store.List(ctx, claims.Filter{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	articles := sources.NewStore(db.Gorm)
	ts := func(tm time.Time) string { return tm.UTC().Format("2006-01-02T15:04:05.000000Z") }
	var out []map[string]string
	for _, c := range list {
		if keep != nil && !keep(c) {
			continue
		}
		a, err := articles.Get(ctx, c.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		var rows []struct {
			Stance string
			N      int
		}
		db.Gorm.Raw(`SELECT stance, count(*) AS n FROM evidence WHERE claim_id = ? GROUP BY stance`, c.ID).Scan(&rows)
		for _, r := range rows {
			counts[r.Stance] = r.N
		}
		m := map[string]string{
			"claim_id": fmt.Sprint(c.ID), "article_id": fmt.Sprint(c.ArticleID), "article_title": a.Title, "article_url": a.URL,
			"outlet": a.Outlet.Name, "published_at": "", "language": a.Language,
			"speaker_id": "", "speaker": "", "speaker_role": "", "speaker_organisation": "", "speaker_kind": "",
			"mention": c.MentionText, "kind": string(c.Kind), "cue": c.CueText, "content": c.ContentText,
			"content_start": fmt.Sprint(c.ContentStart), "content_end": fmt.Sprint(c.ContentEnd),
			"confidence": strconv.FormatFloat(float64(c.Confidence), 'g', -1, 32), "status": string(c.Status), "reviewer": "",
			"extractor_version":     c.ExtractorVersion,
			"evidence_corroborates": fmt.Sprint(counts["corroborates"]), "evidence_conflicts": fmt.Sprint(counts["conflicts"]),
			"evidence_context": fmt.Sprint(counts["context"]), "story_id": "", "story": "",
			"created_at": ts(c.CreatedAt), "updated_at": ts(c.UpdatedAt),
		}
		if a.PublishedAt != nil {
			m["published_at"] = ts(*a.PublishedAt)
		}
		var story []struct {
			ID    int64
			Title string
		}
		db.Gorm.Raw(`SELECT s.id, s.title FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.id = ?`, a.ID).Scan(&story)
		if len(story) == 1 {
			m["story_id"], m["story"] = fmt.Sprint(story[0].ID), story[0].Title
		}
		if c.Speaker != nil {
			m["speaker_id"], m["speaker"], m["speaker_role"] = fmt.Sprint(c.Speaker.ID), c.Speaker.Name, c.Speaker.Role
			m["speaker_organisation"], m["speaker_kind"] = c.Speaker.Organisation, string(c.Speaker.Kind)
		}
		if c.Status != claims.Unreviewed {
			var rev string
			db.Gorm.Raw(`SELECT u.name FROM audit_log l JOIN users u ON u.id = l.actor_id WHERE l.entity = 'claim' AND l.entity_id = ? ORDER BY l.at DESC LIMIT 1`, c.ID).Scan(&rev)
			m["reviewer"] = rev
		}
		// The text the offsets point at must be the content: offsets are
		// code points.
		runes := []rune(a.Text)
		if got := string(runes[c.ContentStart:c.ContentEnd]); got != c.ContentText {
			t.Fatalf("claim %d: offsets cover %q, content is %q", c.ID, got, c.ContentText)
		}
		out = append(out, m)
	}
	return out
}

func export(t *testing.T, db *migrations.DB, table claims.Table, format claims.Format, f claims.ExportFilter) ([]byte, claims.Snapshot) {
	t.Helper()
	var buf bytes.Buffer
	snap, err := claims.NewStore(db.Gorm).Export(context.Background(), &buf, table, format, f)
	if err != nil {
		t.Fatalf("export %s %s: %v", table, format, err)
	}
	return buf.Bytes(), snap
}

func columnNames(t claims.Table) []string {
	var out []string
	for _, c := range claims.Columns(t) {
		out = append(out, c.Name)
	}
	return out
}

func readCSV(t *testing.T, b []byte) (header []string, rows []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("read CSV back: %v", err)
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Error("CSV lines must end in CRLF (RFC 4180)")
	}
	header = recs[0]
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, v := range r {
			m[header[i]] = v
		}
		rows = append(rows, m)
	}
	return header, rows
}

func readJSONL(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	var out []map[string]string
	for i, line := range bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		m := map[string]string{}
		for k, v := range obj {
			switch v := v.(type) {
			case nil:
				m[k] = ""
			case string:
				if tm, err := time.Parse(time.RFC3339Nano, v); err == nil && strings.HasSuffix(k, "_at") {
					v = tm.UTC().Format("2006-01-02T15:04:05.000000Z")
				}
				m[k] = v
			case json.Number:
				m[k] = v.String()
			default:
				t.Fatalf("line %d: %s is %T", i+1, k, v)
			}
		}
		out = append(out, m)
	}
	return out
}

// readParquet reads a file with the library's untyped reader: column
// paths and leaf values, not the Go struct the writer used.
func readParquet(t *testing.T, b []byte) (names []string, rows []map[string]string) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("open parquet: %v", err)
	}
	cols := f.Schema().Columns()
	for _, p := range cols {
		names = append(names, p[0])
	}
	leaf := map[string]parquet.LeafColumn{}
	for _, p := range cols {
		lc, _ := f.Schema().Lookup(p...)
		leaf[p[0]] = lc
	}
	r := parquet.NewReader(f)
	defer r.Close()
	buf := make([]parquet.Row, 16)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			m := map[string]string{}
			for _, v := range row {
				name := names[v.Column()]
				lc := leaf[name]
				switch {
				case v.IsNull():
					m[name] = ""
				case isTimestamp(lc):
					m[name] = time.UnixMicro(v.Int64()).UTC().Format("2006-01-02T15:04:05.000000Z")
				case v.Kind() == parquet.ByteArray:
					m[name] = string(v.ByteArray())
				case v.Kind() == parquet.Int64 || v.Kind() == parquet.Int32:
					m[name] = strconv.FormatInt(v.Int64(), 10)
				case v.Kind() == parquet.Float:
					m[name] = strconv.FormatFloat(float64(v.Float()), 'g', -1, 32)
				case v.Kind() == parquet.Double:
					m[name] = strconv.FormatFloat(v.Double(), 'g', -1, 64)
				default:
					t.Fatalf("column %s has kind %v", name, v.Kind())
				}
			}
			rows = append(rows, m)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return names, rows
}

func compareRows(t *testing.T, format string, got, want []map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, database has %d", format, len(got), len(want))
	}
	for i := range want {
		for k, w := range want[i] {
			if g, ok := got[i][k]; !ok || g != w {
				t.Errorf("%s row %d (claim %s) %s = %q, database has %q", format, i+1, want[i]["claim_id"], k, g, w)
			}
		}
		if len(got[i]) != len(want[i]) {
			t.Errorf("%s row %d has %d columns, want %d", format, i+1, len(got[i]), len(want[i]))
		}
	}
}

func TestExportClaimsEveryFormatReadsBack(t *testing.T) {
	fx := newFixture(t)
	want := expectedClaims(t, fx.db, nil)
	if len(want) < 6 {
		t.Fatalf("only %d claims", len(want))
	}

	b, snap := export(t, fx.db, claims.ClaimTable, claims.CSV, claims.ExportFilter{})
	header, got := readCSV(t, b)
	if strings.Join(header, ",") != strings.Join(columnNames(claims.ClaimTable), ",") {
		t.Errorf("CSV header %v", header)
	}
	compareRows(t, "csv", got, want)
	if snap.Rows != int64(len(want)) || snap.Time.IsZero() || time.Since(snap.Time) > time.Minute {
		t.Errorf("snapshot %+v", snap)
	}

	b, _ = export(t, fx.db, claims.ClaimTable, claims.JSONLines, claims.ExportFilter{})
	compareRows(t, "jsonl", readJSONL(t, b), want)

	b, _ = export(t, fx.db, claims.ClaimTable, claims.Parquet, claims.ExportFilter{})
	names, got := readParquet(t, b)
	if strings.Join(names, ",") != strings.Join(columnNames(claims.ClaimTable), ",") {
		t.Errorf("parquet columns %v", names)
	}
	compareRows(t, "parquet", got, want)

	var reviewed map[string]string
	for _, r := range want {
		if r["claim_id"] == fmt.Sprint(fx.reviewed) {
			reviewed = r
		}
	}
	if reviewed["reviewer"] != "Inès Reviewer" || reviewed["evidence_corroborates"] != "1" || reviewed["evidence_context"] != "1" {
		t.Errorf("reviewed claim row: %v", reviewed)
	}
}

func TestExportParquetWithPyArrow(t *testing.T) {
	if exec.Command("python3", "-c", "import pyarrow").Run() != nil {
		t.Skip("pyarrow is not installed")
	}
	fx := newFixture(t)
	b, _ := export(t, fx.db, claims.ClaimTable, claims.Parquet, claims.ExportFilter{})
	path := filepath.Join(t.TempDir(), "claims.parquet")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("python3", "-c", `import pyarrow.parquet as pq, json, sys
t = pq.read_table(sys.argv[1])
print(json.dumps({"rows": t.num_rows, "columns": t.column_names, "content": t.column("content").to_pylist()}))`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pyarrow: %v: %s", err, out)
	}
	var res struct {
		Rows    int      `json:"rows"`
		Columns []string `json:"columns"`
		Content []string `json:"content"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	want := expectedClaims(t, fx.db, nil)
	if res.Rows != len(want) || strings.Join(res.Columns, ",") != strings.Join(columnNames(claims.ClaimTable), ",") {
		t.Fatalf("pyarrow read %d rows, columns %v", res.Rows, res.Columns)
	}
	for i, w := range want {
		if res.Content[i] != w["content"] {
			t.Errorf("row %d content %q, want %q", i, res.Content[i], w["content"])
		}
	}
}

func TestExportFilters(t *testing.T) {
	fx := newFixture(t)
	from := time.Date(2024, 2, 13, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		f    claims.ExportFilter
		keep func(claims.Claim) bool
	}{
		{"outlet by name", claims.ExportFilter{Outlet: "daily sample"}, func(c claims.Claim) bool { return c.ArticleID == fx.daily.Article.ID }},
		{"outlet by domain", claims.ExportFilter{Outlet: "samplewire.example"}, func(c claims.Claim) bool { return c.ArticleID == fx.wire.Article.ID }},
		{"speaker", claims.ExportFilter{Speaker: "marta olsen"}, func(c claims.Claim) bool { return c.Speaker != nil && c.Speaker.Name == "Marta Olsen" }},
		{"kind", claims.ExportFilter{Kind: claims.Direct}, func(c claims.Claim) bool { return c.Kind == claims.Direct }},
		{"status", claims.ExportFilter{Status: claims.Confirmed}, func(c claims.Claim) bool { return c.Status == claims.Confirmed }},
		{"from", claims.ExportFilter{From: &from}, func(c claims.Claim) bool { return c.ArticleID == fx.daily.Article.ID }},
		{"to", claims.ExportFilter{To: &from}, func(c claims.Claim) bool { return c.ArticleID == fx.wire.Article.ID }},
		{"nothing", claims.ExportFilter{Outlet: "No Such Outlet"}, func(claims.Claim) bool { return false }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := expectedClaims(t, fx.db, tc.keep)
			b, _ := export(t, fx.db, claims.ClaimTable, claims.CSV, tc.f)
			_, got := readCSV(t, b)
			compareRows(t, "csv", got, want)
		})
	}
	bad := []claims.ExportFilter{{Kind: "rumour"}, {Status: "maybe"}, {From: &from, To: &from}}
	for _, f := range bad {
		var buf bytes.Buffer
		if _, err := claims.NewStore(fx.db.Gorm).Export(context.Background(), &buf, claims.ClaimTable, claims.CSV, f); err == nil || buf.Len() > 0 {
			t.Errorf("filter %+v: err %v, wrote %d bytes", f, err, buf.Len())
		}
	}
}

func TestExportEvidence(t *testing.T) {
	fx := newFixture(t)
	var want []map[string]string
	var evs []struct {
		ID, ClaimID, ArticleID, PassageStart, PassageEnd int64
		PassageText, Stance, Note                        string
		PassageClaimID                                   *int64
		SuggestedStance                                  *string
		SuggestedScore                                   *float32
	}
	fx.db.Gorm.Raw(`SELECT * FROM evidence ORDER BY id`).Scan(&evs)
	for _, e := range evs {
		m := map[string]string{"evidence_id": fmt.Sprint(e.ID), "claim_id": fmt.Sprint(e.ClaimID), "article_id": fmt.Sprint(e.ArticleID),
			"passage_start": fmt.Sprint(e.PassageStart), "passage_end": fmt.Sprint(e.PassageEnd), "passage_text": e.PassageText,
			"stance": e.Stance, "note": e.Note, "outlet": "Daily Sample", "article_url": "", "passage_claim_id": "", "suggested_stance": "", "suggested_score": ""}
		if e.PassageClaimID != nil {
			m["passage_claim_id"] = fmt.Sprint(*e.PassageClaimID)
		}
		if e.SuggestedStance != nil {
			m["suggested_stance"] = *e.SuggestedStance
		}
		if e.SuggestedScore != nil {
			m["suggested_score"] = strconv.FormatFloat(float64(*e.SuggestedScore), 'g', -1, 32)
		}
		want = append(want, m)
	}
	if len(want) != 3 {
		t.Fatalf("%d evidence rows", len(want))
	}
	check := func(format string, got []map[string]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, want %d", format, len(got), len(want))
		}
		for i := range want {
			for k, w := range want[i] {
				if got[i][k] != w {
					t.Errorf("%s row %d %s = %q, want %q", format, i+1, k, got[i][k], w)
				}
			}
			if len(got[i]) != len(claims.Columns(claims.EvidenceTable)) {
				t.Errorf("%s row %d has %d columns", format, i+1, len(got[i]))
			}
		}
	}
	b, _ := export(t, fx.db, claims.EvidenceTable, claims.CSV, claims.ExportFilter{})
	header, got := readCSV(t, b)
	if strings.Join(header, ",") != strings.Join(columnNames(claims.EvidenceTable), ",") {
		t.Errorf("header %v", header)
	}
	check("csv", got)
	b, _ = export(t, fx.db, claims.EvidenceTable, claims.JSONLines, claims.ExportFilter{})
	check("jsonl", readJSONL(t, b))
	b, _ = export(t, fx.db, claims.EvidenceTable, claims.Parquet, claims.ExportFilter{})
	_, got = readParquet(t, b)
	check("parquet", got)

	// Filters apply to the claim the evidence bears on.
	b, _ = export(t, fx.db, claims.EvidenceTable, claims.CSV, claims.ExportFilter{Status: claims.Confirmed})
	if _, got := readCSV(t, b); len(got) != 2 {
		t.Errorf("evidence of confirmed claims: %d rows, want 2", len(got))
	}
}

func TestExportBundle(t *testing.T) {
	fx := newFixture(t)
	for _, format := range []claims.Format{claims.CSV, claims.Parquet} {
		var buf bytes.Buffer
		snap, err := claims.NewStore(fx.db.Gorm).ExportBundle(context.Background(), &buf, claims.ClaimTable, format, claims.ExportFilter{Kind: claims.Direct})
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatalf("%s bundle is not a zip: %v", format, err)
		}
		files := map[string][]byte{}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			files[f.Name], _ = io.ReadAll(rc)
			rc.Close()
		}
		data := files["claims."+string(format)]
		var pkg struct {
			Profile   string `json:"profile"`
			Created   time.Time
			Resources []struct {
				Path   string `json:"path"`
				Format string `json:"format"`
				Schema struct {
					Fields []struct{ Name, Type, Description string } `json:"fields"`
				} `json:"schema"`
			} `json:"resources"`
			Crosscheck struct {
				Snapshot claims.Snapshot     `json:"snapshot"`
				Filter   claims.ExportFilter `json:"filter"`
			} `json:"crosscheck"`
		}
		if err := json.Unmarshal(files["datapackage.json"], &pkg); err != nil {
			t.Fatalf("datapackage.json: %v", err)
		}
		if len(data) == 0 || len(pkg.Resources) != 1 || pkg.Resources[0].Path != "claims."+string(format) || pkg.Profile != "tabular-data-package" {
			t.Fatalf("%s bundle: files %d, package %+v", format, len(files), pkg)
		}
		if !pkg.Created.Equal(snap.Time) || !pkg.Crosscheck.Snapshot.Time.Equal(snap.Time) || pkg.Crosscheck.Snapshot.Rows != snap.Rows || pkg.Crosscheck.Filter.Kind != claims.Direct {
			t.Errorf("package snapshot %+v / filter %+v, export snapshot %+v", pkg.Crosscheck.Snapshot, pkg.Crosscheck.Filter, snap)
		}
		cols := claims.Columns(claims.ClaimTable)
		if len(pkg.Resources[0].Schema.Fields) != len(cols) {
			t.Fatalf("schema has %d fields", len(pkg.Resources[0].Schema.Fields))
		}
		for i, fd := range pkg.Resources[0].Schema.Fields {
			if fd.Name != cols[i].Name || fd.Type == "" || fd.Description == "" {
				t.Errorf("field %d: %+v", i, fd)
			}
		}
		want := expectedClaims(t, fx.db, func(c claims.Claim) bool { return c.Kind == claims.Direct })
		var got []map[string]string
		if format == claims.CSV {
			_, got = readCSV(t, data)
		} else {
			_, got = readParquet(t, data)
		}
		compareRows(t, string(format), got, want)
	}
}

// TestExportSnapshotIsConsistent changes the database while an export is
// between rows: the export must show the state at its start.
func TestExportSnapshotIsConsistent(t *testing.T) {
	fx := newFixture(t)
	want := expectedClaims(t, fx.db, nil)
	changed := false
	w := writerFunc(func(p []byte) (int, error) {
		if !changed {
			changed = true
			// The header has left; the rows have not been read yet.
			if err := fx.db.Gorm.Exec(`UPDATE claims SET content_text = 'changed', status = 'rejected'`).Error; err != nil {
				return 0, err
			}
			if err := fx.db.Gorm.Exec(`DELETE FROM evidence`).Error; err != nil {
				return 0, err
			}
		}
		return len(p), nil
	})
	var buf bytes.Buffer
	if _, err := claims.NewStore(fx.db.Gorm).Export(context.Background(), io.MultiWriter(&buf, w), claims.ClaimTable, claims.CSV, claims.ExportFilter{}); err != nil {
		t.Fatal(err)
	}
	if !changed {
		t.Fatal("the export wrote nothing before its rows")
	}
	_, got := readCSV(t, buf.Bytes())
	compareRows(t, "csv", got, want)
}

func TestExportClaimReviewAndAnnotations(t *testing.T) {
	fx := newFixture(t)
	b, _ := export(t, fx.db, claims.ClaimTable, claims.ClaimReviewLD, claims.ExportFilter{})
	var doc struct {
		Context string               `json:"@context"`
		Graph   []claims.ClaimReview `json:"@graph"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("ClaimReview JSON-LD: %v\n%s", err, b)
	}
	if doc.Context != "https://schema.org" || len(doc.Graph) != 1 {
		t.Fatalf("want one ClaimReview, got %d: %s", len(doc.Graph), b)
	}
	cr := doc.Graph[0]
	olsen := findClaim(t, fx.wire.Claims, "The cables are older")
	it := cr.ItemReviewed
	if cr.Type != "ClaimReview" || cr.ClaimReviewed != olsen.ContentText || it.Type != "Claim" || it.Author == nil ||
		it.Author.Type != "Person" || it.Author.Name != "Marta Olsen" || it.Author.JobTitle != "city's chief engineer" {
		t.Errorf("ClaimReview %+v, author %+v", cr, it.Author)
	}
	if len(it.Appearance) != 1 || it.Appearance[0].URL != "https://samplewire.example/2024/bridge" || it.Appearance[0].Publisher.Name != "Sample Wire" {
		t.Errorf("appearances %+v", it.Appearance)
	}
	if cr.ReviewRating.RatingValue != 4 || !strings.Contains(cr.ReviewRating.AlternateName, "corroborated by 1") || cr.Reviewer == nil || cr.Reviewer.Name != "Inès Reviewer" {
		t.Errorf("rating %+v, reviewer %+v", cr.ReviewRating, cr.Reviewer)
	}

	b, _ = export(t, fx.db, claims.ClaimTable, claims.AnnotationsLD, claims.ExportFilter{Outlet: "Sample Wire"})
	var coll struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		First   struct {
			Items []claims.Annotation `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(b, &coll); err != nil {
		t.Fatalf("annotations: %v\n%s", err, b)
	}
	if coll.Context != "http://www.w3.org/ns/anno.jsonld" || coll.Type != "AnnotationCollection" || len(coll.First.Items) != len(fx.wire.Claims) {
		t.Fatalf("collection %s with %d items, want %d", coll.Type, len(coll.First.Items), len(fx.wire.Claims))
	}
	// An annotation tool finds the quote in the text by its selectors: check
	// both against the stored text, in code points.
	text := []rune(bridgeWire)
	for _, a := range coll.First.Items {
		q, p := a.Target.Selector[0], a.Target.Selector[1]
		if q.Type != "TextQuoteSelector" || p.Type != "TextPositionSelector" || a.Target.Source != "https://samplewire.example/2024/bridge" {
			t.Fatalf("annotation %+v", a)
		}
		if got := string(text[*p.Start:*p.End]); got != q.Exact {
			t.Errorf("%s: position selects %q, quote is %q", a.ID, got, q.Exact)
		}
		if want := string(text[max(*p.Start-32, 0):*p.Start]); q.Prefix != want {
			t.Errorf("%s: prefix %q, want %q", a.ID, q.Prefix, want)
		}
		if want := string(text[*p.End:min(*p.End+32, len(text))]); q.Suffix != want {
			t.Errorf("%s: suffix %q, want %q", a.ID, q.Suffix, want)
		}
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func isTimestamp(lc parquet.LeafColumn) bool {
	lt := lc.Node.Type().LogicalType()
	return lt != nil && strings.HasPrefix(strings.ToUpper(lt.String()), "TIMESTAMP")
}

// The history table is the audit trail of the selected claims and their
// evidence links, as the reviewers' actions recorded it.
func TestExportHistory(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	s := claims.NewStore(fx.db.Gorm)
	var ines int64
	fx.db.Gorm.Raw(`SELECT id FROM users WHERE email = 'ines@example.org'`).Scan(&ines)
	// A reviewer rejects a claim of the daily and links one of the wire's
	// claims to a passage of the daily.
	rejected := findClaim(t, fx.daily.Claims, "Most of our customers")
	st := claims.Rejected
	if _, err := s.Update(ctx, rejected.ID, claims.Change{Version: rejected.Version, Status: &st}, &ines); err != nil {
		t.Fatal(err)
	}
	linked := findClaim(t, fx.wire.Claims, "Naïve")
	if _, _, err := s.LinkEvidence(ctx, &ines, claims.Link{ClaimID: linked.ID, ArticleID: fx.daily.Article.ID,
		PassageClaimID: &rejected.ID, Stance: claims.Conflicts, Note: "the trader disagrees"}); err != nil {
		t.Fatal(err)
	}

	type change struct{ id, entityID, claimID, actor, action, entity, before, after string }
	var want []change
	rows, err := fx.db.SQL.Query(`
		SELECT l.id, l.entity_id, coalesce(e.claim_id, l.entity_id), coalesce(u.name, ''), l.action, l.entity,
		       coalesce(l.before::text, ''), coalesce(l.after::text, '')
		FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
		LEFT JOIN evidence e ON l.entity = 'evidence' AND e.id = l.entity_id
		WHERE l.entity IN ('claim', 'evidence') ORDER BY l.id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.id, &c.entityID, &c.claimID, &c.actor, &c.action, &c.entity, &c.before, &c.after); err != nil {
			t.Fatal(err)
		}
		want = append(want, c)
	}
	rows.Close()
	if len(want) < 3 {
		t.Fatalf("%d changes recorded, want at least 3", len(want))
	}
	check := func(format string, got []map[string]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, want %d", format, len(got), len(want))
		}
		for i, w := range want {
			g := got[i]
			if g["change_id"] != w.id || g["entity_id"] != w.entityID || g["claim_id"] != w.claimID || g["actor"] != w.actor ||
				g["action"] != w.action || g["entity"] != w.entity {
				t.Errorf("%s row %d = %v, want %+v", format, i+1, g, w)
			}
			// The JSON states read back as the same values as stored.
			for _, col := range []struct{ got, want string }{{g["before"], w.before}, {g["after"], w.after}} {
				if (col.got == "") != (col.want == "") {
					t.Errorf("%s row %d: %q, want %q", format, i+1, col.got, col.want)
				} else if col.got != "" && !sameJSON(col.got, col.want) {
					t.Errorf("%s row %d: JSON %s, want %s", format, i+1, col.got, col.want)
				}
			}
		}
	}
	b, _ := export(t, fx.db, claims.HistoryTable, claims.CSV, claims.ExportFilter{})
	header, got := readCSV(t, b)
	if strings.Join(header, ",") != strings.Join(columnNames(claims.HistoryTable), ",") {
		t.Errorf("header %v", header)
	}
	check("csv", got)
	b, _ = export(t, fx.db, claims.HistoryTable, claims.JSONLines, claims.ExportFilter{})
	check("jsonl", readJSONL(t, b))
	b, _ = export(t, fx.db, claims.HistoryTable, claims.Parquet, claims.ExportFilter{})
	_, got = readParquet(t, b)
	check("parquet", got)

	// Filters select the claims whose history is exported: the rejected
	// claim's change, and nothing of the wire's.
	b, _ = export(t, fx.db, claims.HistoryTable, claims.CSV, claims.ExportFilter{Status: claims.Rejected})
	_, got = readCSV(t, b)
	if len(got) != 1 || got[0]["claim_id"] != fmt.Sprint(rejected.ID) || got[0]["actor"] != "Inès Reviewer" || got[0]["actor_email"] != "ines@example.org" {
		t.Errorf("history of rejected claims = %v", got)
	}
}

func sameJSON(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
