package claims

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// A bundle is a zip of the data file and a datapackage.json (a Frictionless
// Tabular Data Package) that describes every column and records the
// snapshot and filter, so that whoever holds the file can tell what it is
// and reproduce it.

// FileName is the name an export's data file goes by.
func FileName(t Table, f Format) string {
	if f == ClaimReviewLD || f == AnnotationsLD {
		return "claims." + string(f)
	}
	return string(t) + "." + string(f)
}

// DataPackage is a Frictionless Data Package descriptor.
type DataPackage struct {
	Profile     string         `json:"profile"`
	Name        string         `json:"name"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Created     time.Time      `json:"created"`
	Resources   []DataResource `json:"resources"`
	// Crosscheck is how the data was made: snapshot and filter.
	Crosscheck BundleSource `json:"crosscheck"`
}

// BundleSource records where a bundle's data came from.
type BundleSource struct {
	Snapshot         Snapshot     `json:"snapshot"`
	Filter           ExportFilter `json:"filter"`
	ExtractorVersion string       `json:"extractor_version"`
	Note             string       `json:"note"`
}

// DataResource is one file of a data package.
type DataResource struct {
	Profile   string      `json:"profile"`
	Name      string      `json:"name"`
	Path      string      `json:"path"`
	Format    string      `json:"format"`
	MediaType string      `json:"mediatype"`
	Encoding  string      `json:"encoding,omitempty"`
	Dialect   *CSVDialect `json:"dialect,omitempty"`
	Schema    TableSchema `json:"schema"`
}

// CSVDialect is the Frictionless CSV Dialect of our CSV files.
type CSVDialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

// TableSchema is a Frictionless Table Schema.
type TableSchema struct {
	Fields        []SchemaField `json:"fields"`
	PrimaryKey    string        `json:"primaryKey"`
	MissingValues []string      `json:"missingValues"`
}

// SchemaField is one column of a Table Schema.
type SchemaField struct {
	Name        string            `json:"name"`
	Type        string            `json:"type"`
	Format      string            `json:"format,omitempty"`
	Description string            `json:"description"`
	Constraints *FieldConstraints `json:"constraints,omitempty"`
}

// FieldConstraints says a field must have a value.
type FieldConstraints struct {
	Required bool `json:"required"`
}

// Describe returns the datapackage.json descriptor of an export.
func Describe(t Table, f Format, filter ExportFilter, snap Snapshot) DataPackage {
	fields := []SchemaField{}
	for _, c := range Columns(t) {
		sf := SchemaField{Name: c.Name, Type: c.Type, Description: c.Description}
		if !c.Nullable {
			sf.Constraints = &FieldConstraints{Required: true}
		}
		fields = append(fields, sf)
	}
	key := t.key()
	res := DataResource{
		Profile:   "tabular-data-resource",
		Name:      string(t),
		Path:      FileName(t, f),
		Format:    string(f),
		MediaType: f.MediaType(),
		Schema:    TableSchema{Fields: fields, PrimaryKey: key, MissingValues: []string{""}},
	}
	if f == CSV || f == JSONLines {
		res.Encoding = "utf-8"
	}
	if f == CSV {
		res.MediaType = "text/csv"
		res.Dialect = &CSVDialect{Delimiter: ",", LineTerminator: "\r\n", QuoteChar: "\"", DoubleQuote: true, Header: true}
	}
	return DataPackage{
		Profile: "tabular-data-package",
		Name:    "crosscheck-" + string(t),
		Title:   "Crosscheck " + string(t) + " table",
		Description: "Attributed claims extracted from news reports, as stored by Crosscheck. " +
			"Offsets are Unicode code points into the article's text, end exclusive. " +
			"Every row was read in one consistent snapshot of the database, taken at crosscheck.snapshot.time.",
		Created:   snap.Time,
		Resources: []DataResource{res},
		Crosscheck: BundleSource{
			Snapshot:         snap,
			Filter:           filter,
			ExtractorVersion: ExtractorVersion,
			Note:             "The same filter on a database in the state of the snapshot time gives the same rows in the same order.",
		},
	}
}

// ExportBundle writes a zip holding the export's data file and its
// datapackage.json. The zip is written as it goes: the data file streams
// first, the descriptor (which needs the row count) follows it.
func (s *Store) ExportBundle(ctx context.Context, w io.Writer, t Table, f Format, filter ExportFilter) (Snapshot, error) {
	if !f.Tabular() {
		return Snapshot{}, fmt.Errorf("%w: a bundle holds csv, jsonl or parquet", ErrInvalidFilter)
	}
	if err := filter.Validate(); err != nil {
		return Snapshot{}, err
	}
	zw := zip.NewWriter(w)
	// Parquet is compressed already; deflating it again wastes time.
	method := zip.Deflate
	if f == Parquet {
		method = zip.Store
	}
	// The entry is made at the first byte, so that an export that fails to
	// start leaves w untouched and the caller can still report the error.
	var entry io.Writer
	open := func() (err error) {
		if entry == nil {
			entry, err = zw.CreateHeader(&zip.FileHeader{Name: FileName(t, f), Method: method, Modified: time.Now().UTC()})
		}
		return err
	}
	snap, err := s.Export(ctx, writerFunc(func(p []byte) (int, error) {
		if err := open(); err != nil {
			return 0, err
		}
		return entry.Write(p)
	}), t, f, filter)
	if err == nil {
		err = open()
	}
	if err != nil {
		return snap, err
	}
	desc, err := json.MarshalIndent(Describe(t, f, filter, snap), "", "  ")
	if err != nil {
		return snap, err
	}
	dw, err := zw.CreateHeader(&zip.FileHeader{Name: "datapackage.json", Method: zip.Deflate, Modified: snap.Time})
	if err != nil {
		return snap, err
	}
	if _, err := dw.Write(append(desc, '\n')); err != nil {
		return snap, err
	}
	if err := zw.Close(); err != nil {
		return snap, err
	}
	if fl, ok := w.(interface{ Flush() }); ok {
		fl.Flush()
	}
	return snap, nil
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
