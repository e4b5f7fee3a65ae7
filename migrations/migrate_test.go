package migrations_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

func TestApplyIsIdempotent(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	done, err := migrations.Apply(ctx, db.SQL)
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 0 {
		t.Fatalf("second Apply applied %v, want nothing", done)
	}
	pending, err := migrations.Pending(ctx, db.SQL)
	if err != nil || len(pending) != 0 {
		t.Fatalf("Pending = %v, %v", pending, err)
	}
}

func TestArticleTextIsImmutable(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	var outlet, article int64
	if err := db.SQL.QueryRowContext(ctx, `INSERT INTO outlets (name) VALUES ('Sample Wire') RETURNING id`).Scan(&outlet); err != nil {
		t.Fatal(err)
	}
	err := db.SQL.QueryRowContext(ctx, `INSERT INTO articles (outlet_id, title, text, content_hash)
		VALUES ($1, 'A title', 'Some text.', sha256('Some text.')) RETURNING id`, outlet).Scan(&article)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `UPDATE articles SET title = 'Another title' WHERE id = $1`, article); err != nil {
		t.Fatalf("updating the title: %v", err)
	}
	_, err = db.SQL.ExecContext(ctx, `UPDATE articles SET text = 'Rewritten.' WHERE id = $1`, article)
	if err == nil || !strings.Contains(err.Error(), "immutable") {
		t.Fatalf("rewriting the text: err = %v, want the immutability error", err)
	}
}

func TestMigrationsAreOrderedAndNamed(t *testing.T) {
	all := migrations.All()
	if len(all) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range all {
		if i > 0 && m.Version <= all[i-1].Version {
			t.Errorf("%s is out of order after %s", m.Version, all[i-1].Version)
		}
		if strings.TrimSpace(m.SQL) == "" {
			t.Errorf("%s is empty", m.Version)
		}
	}
}
