package claims

import (
	"context"
	"errors"
	"testing"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

func addPerson(t *testing.T, db *gorm.DB, email, name, role string) int64 {
	t.Helper()
	var id int64
	if err := db.Raw(`INSERT INTO users (email, name, role) VALUES (?, ?, ?) RETURNING id`, email, name, role).Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	return id
}

// queueOrder walks the whole queue as reviewer me, skipping each claim.
func queueOrder(t *testing.T, st *Store, f QueueFilter) []int64 {
	t.Helper()
	var ids []int64
	for {
		c, _, err := st.Next(context.Background(), f)
		if errors.Is(err, ErrNotFound) {
			return ids
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
		if len(ids) > 100 {
			t.Fatalf("the queue does not end: %v", ids)
		}
		f.After = c.ID
	}
}

func claimIDs(cs ...[]Claim) []int64 {
	var out []int64
	for _, list := range cs {
		for _, c := range list {
			out = append(out, c.ID)
		}
	}
	return out
}

func TestAssignmentsOrderTheQueue(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	st := NewStore(db)
	a1, c1 := seedReport(t, db, "Press TV", "2016-09-28", "First report opens.", "It goes on.")
	a2, c2 := seedReport(t, db, "Sample Wire", "2016-09-29", "Second report opens.", "It goes on too.")
	a3, c3 := seedReport(t, db, "Example Gazette", "2016-09-29", "Third report opens.", "It also goes on.", "And ends.")
	ines := addPerson(t, db, "ines@example.org", "Inès", "reviewer")
	olsen := addPerson(t, db, "olsen@example.org", "", "admin")
	reader := addPerson(t, db, "reader@example.org", "Reader", "researcher")

	// Nothing assigned: article and text order, for anyone.
	if got, want := queueOrder(t, st, QueueFilter{Me: ines}), claimIDs(c1, c2, c3); !equalIDs(got, want) {
		t.Fatalf("unassigned queue %v, want %v", got, want)
	}

	as, err := st.Assign(ctx, a3.ID, ines, &olsen)
	if err != nil {
		t.Fatal(err)
	}
	if as.Assignee.ID != ines || as.Assignee.Name != "Inès" || as.AssignedBy == nil || *as.AssignedBy != olsen || as.ArticleID != a3.ID {
		t.Fatalf("assignment %+v", as)
	}
	if _, err := st.Assign(ctx, a1.ID, olsen, &olsen); err != nil {
		t.Fatal(err)
	}

	// Ines: her article first, then nobody's, then Olsen's.
	if got, want := queueOrder(t, st, QueueFilter{Me: ines}), claimIDs(c3, c2, c1); !equalIDs(got, want) {
		t.Fatalf("Ines's queue %v, want %v", got, want)
	}
	// Olsen: his, then nobody's, then Ines's.
	if got, want := queueOrder(t, st, QueueFilter{Me: olsen}), claimIDs(c1, c2, c3); !equalIDs(got, want) {
		t.Fatalf("Olsen's queue %v, want %v", got, want)
	}
	// No one signed in: nobody's articles first.
	if got, want := queueOrder(t, st, QueueFilter{}), claimIDs(c2, c1, c3); !equalIDs(got, want) {
		t.Fatalf("anonymous queue %v, want %v", got, want)
	}

	// Progress counts her part.
	confirmed := Confirmed
	if _, err := st.Update(ctx, c3[0].ID, Change{Version: 1, Status: &confirmed}, &ines); err != nil {
		t.Fatal(err)
	}
	next, p, err := st.Next(ctx, QueueFilter{Me: ines})
	if err != nil || next.ID != c3[1].ID {
		t.Fatalf("next after confirming: %d %v", next.ID, err)
	}
	if p.Reviewed != 1 || p.Total != 7 || p.Mine == nil || p.Mine.Reviewed != 1 || p.Mine.Total != 3 {
		t.Fatalf("progress %+v mine %+v", p, p.Mine)
	}
	if _, p, _ := st.Next(ctx, QueueFilter{}); p.Mine != nil {
		t.Fatalf("progress without a reviewer has mine: %+v", p.Mine)
	}
	// Filters still apply: Sample Wire only.
	if got, want := queueOrder(t, st, QueueFilter{Me: ines, OutletID: a2.Outlet.ID}), claimIDs(c2); !equalIDs(got, want) {
		t.Fatalf("filtered queue %v, want %v", got, want)
	}

	// Only reviewers and admins take work; articles must exist.
	var invalid sources.InvalidError
	if _, err := st.Assign(ctx, a2.ID, reader, &olsen); !errors.As(err, &invalid) || invalid[0].Field != "user_id" {
		t.Fatalf("assigning a researcher: %v", err)
	}
	if _, err := st.Assign(ctx, a2.ID, 999999, &olsen); !errors.As(err, &invalid) {
		t.Fatalf("assigning no one: %v", err)
	}
	if _, err := st.Assign(ctx, 999999, ines, &olsen); !errors.Is(err, ErrNotFound) {
		t.Fatalf("assigning a missing article: %v", err)
	}

	// Reassigning replaces; the same assignee again changes nothing.
	if _, err := st.Assign(ctx, a3.ID, olsen, &ines); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Assign(ctx, a3.ID, olsen, &ines); err != nil {
		t.Fatal(err)
	}
	list, err := st.Assignments(ctx, AssignmentFilter{UserID: olsen}, 10)
	if err != nil || len(list) != 2 || list[0].ArticleID != a3.ID || list[0].Assignee.Name != "olsen@example.org" {
		t.Fatalf("Olsen's assignments %+v %v", list, err)
	}
	list, err = st.Assignments(ctx, AssignmentFilter{ArticleIDs: []int64{a2.ID, a3.ID}}, 10)
	if err != nil || len(list) != 1 || list[0].ArticleID != a3.ID {
		t.Fatalf("assignments of two articles %+v %v", list, err)
	}

	if err := st.Unassign(ctx, a3.ID, &ines); err != nil {
		t.Fatal(err)
	}
	if err := st.Unassign(ctx, a3.ID, &ines); err != nil {
		t.Fatalf("unassigning twice: %v", err)
	}
	if a, err := st.AssignmentOf(ctx, a3.ID); err != nil || a != nil {
		t.Fatalf("after unassigning: %+v %v", a, err)
	}
	var actions []string
	db.Raw(`SELECT action FROM audit_log WHERE entity = 'article' AND entity_id = ? ORDER BY id`, a3.ID).Scan(&actions)
	if !equalStrings(actions, []string{"assign", "assign", "unassign"}) {
		t.Fatalf("audit trail %v", actions)
	}

	people, err := st.Assignees(ctx)
	if err != nil || len(people) != 2 || people[0].ID != ines || people[1].Name != "olsen@example.org" {
		t.Fatalf("assignees %+v %v", people, err)
	}
}

func TestQueueStoryFilter(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	st := NewStore(db)
	_, c1 := seedReport(t, db, "Press TV", "2016-09-28", "First report opens.", "It goes on.")
	a2, c2 := seedReport(t, db, "Sample Wire", "2016-09-29", "Second report opens.", "It goes on too.")
	var story int64
	if err := db.Raw(`INSERT INTO stories (title) VALUES ('Second') RETURNING id`).Scan(&story).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`UPDATE articles SET story_id = ? WHERE id = ?`, story, a2.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got, want := queueOrder(t, st, QueueFilter{StoryID: story}), claimIDs(c2); !equalIDs(got, want) {
		t.Fatalf("story queue %v, want %v", got, want)
	}
	_, p, err := st.Next(ctx, QueueFilter{StoryID: story})
	if err != nil || p.Total != len(c2) {
		t.Fatalf("story progress %+v %v", p, err)
	}
	if got := queueOrder(t, st, QueueFilter{}); len(got) != len(c1)+len(c2) {
		t.Fatalf("whole queue %v", got)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
