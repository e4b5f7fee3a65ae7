package sources_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

func ptr(s string) *string { return &s }

func TestOutletStore(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	s := sources.NewStore(db.Gorm)
	o, err := s.CreateOutlet(ctx, sources.OutletChange{Name: ptr("Sample Wire"), Domain: ptr("www.sample.example")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.Version != 1 {
		t.Errorf("new outlet's version = %d, want 1", o.Version)
	}
	if o.Domain == nil || *o.Domain != "sample.example" {
		t.Errorf("domain = %v", o.Domain)
	}
	// OutletFor finds it by domain as ingest does.
	found, err := s.OutletFor(ctx, "sample.example", "sample.example")
	if err != nil || found.ID != o.ID {
		t.Errorf("OutletFor = %+v, %v; want outlet %d", found, err, o.ID)
	}
	u, err := s.UpdateOutlet(ctx, o.ID, sources.OutletChange{Country: ptr("fr"), Domain: ptr(""), Version: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Country != "FR" || u.Domain != nil || u.Name != "Sample Wire" || u.Version != 2 {
		t.Errorf("updated = %+v", u)
	}
	// A change made against the old version is refused with the outlet as
	// it is now, and changes nothing.
	_, err = s.UpdateOutlet(ctx, o.ID, sources.OutletChange{Notes: ptr("stale"), Version: 1}, nil)
	var ce *sources.ConflictError
	if !errors.As(err, &ce) || ce.Current.Version != 2 || ce.Current.Country != "FR" {
		t.Errorf("stale change: err = %v", err)
	}
	if _, err := s.CreateOutlet(ctx, sources.OutletChange{Name: ptr("SAMPLE WIRE")}, nil); !errors.Is(err, sources.ErrDuplicate) {
		t.Errorf("duplicate name: err = %v", err)
	}
	if _, err := s.UpdateOutlet(ctx, 424242, sources.OutletChange{Version: 1}, nil); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("missing outlet: err = %v", err)
	}
	list, err := s.Outlets(ctx)
	if err != nil || len(list) != 1 || list[0].ID != o.ID {
		t.Errorf("Outlets = %+v, %v", list, err)
	}
	// The creation and the one change that went through are in the audit
	// trail, with the outlet before and after.
	var audit []struct {
		Action        string
		Before, After *string
	}
	if err := db.Gorm.Raw(`SELECT action, before::text, after::text FROM audit_log WHERE entity = 'outlet' AND entity_id = ? ORDER BY id`, o.ID).Scan(&audit).Error; err != nil {
		t.Fatal(err)
	}
	if len(audit) != 2 || audit[0].Action != "create" || audit[0].Before != nil || audit[1].Action != "update" ||
		audit[1].Before == nil || !strings.Contains(*audit[1].After, `"country": "FR"`) {
		t.Errorf("audit = %+v", audit)
	}
}
