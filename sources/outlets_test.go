package sources_test

import (
	"context"
	"errors"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

func ptr(s string) *string { return &s }

func TestOutletStore(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	s := sources.NewStore(db.Gorm)
	o, err := s.CreateOutlet(ctx, sources.OutletChange{Name: ptr("Sample Wire"), Domain: ptr("www.sample.example")})
	if err != nil {
		t.Fatal(err)
	}
	if o.Domain == nil || *o.Domain != "sample.example" {
		t.Errorf("domain = %v", o.Domain)
	}
	// OutletFor finds it by domain as ingest does.
	found, err := s.OutletFor(ctx, "sample.example", "sample.example")
	if err != nil || found.ID != o.ID {
		t.Errorf("OutletFor = %+v, %v; want outlet %d", found, err, o.ID)
	}
	u, err := s.UpdateOutlet(ctx, o.ID, sources.OutletChange{Country: ptr("fr"), Domain: ptr("")})
	if err != nil {
		t.Fatal(err)
	}
	if u.Country != "FR" || u.Domain != nil || u.Name != "Sample Wire" {
		t.Errorf("updated = %+v", u)
	}
	if _, err := s.CreateOutlet(ctx, sources.OutletChange{Name: ptr("SAMPLE WIRE")}); !errors.Is(err, sources.ErrDuplicate) {
		t.Errorf("duplicate name: err = %v", err)
	}
	if _, err := s.UpdateOutlet(ctx, 424242, sources.OutletChange{}); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("missing outlet: err = %v", err)
	}
	list, err := s.Outlets(ctx)
	if err != nil || len(list) != 1 || list[0].ID != o.ID {
		t.Errorf("Outlets = %+v, %v", list, err)
	}
}
