package api_test

import (
	"fmt"
	"testing"

	"github.com/crosscheck-news/crosscheck/api"
)

type assignmentDoc struct {
	ArticleID int64 `json:"article_id"`
	Assignee  *struct {
		ID          int64
		Name, Email string
	} `json:"assignee"`
	AssignedBy *int64 `json:"assigned_by"`
}

type queueDoc struct {
	Claim *struct {
		ID        int64 `json:"id"`
		ArticleID int64 `json:"article_id"`
		Version   int   `json:"version"`
	}
	Article *struct {
		ID       int64
		Assignee *struct {
			ID   int64
			Name string
		}
	}
	Progress struct {
		Reviewed, Total int
		Mine            *struct{ Reviewed, Total int }
	}
}

func TestAssignArticlesAndQueue(t *testing.T) {
	s := newAuthServer(t, api.Options{})
	admin := s.addUser("admin@example.org", api.RoleAdmin)
	ines := s.addUser("ines@example.org", api.RoleReviewer)
	s.addUser("reader@example.org", api.RoleResearcher)
	adminC := s.signIn("admin@example.org")
	inesC := s.signIn("ines@example.org")
	readerC := s.signIn("reader@example.org")

	var ids []int64
	for _, title := range []string{"Bridge one", "Bridge two", "Bridge three"} {
		r := s.call(adminC, "POST", "/api/v1/articles", articleBody(title))
		if r.status != 201 {
			t.Fatalf("ingest %s: %d %s", title, r.status, r.body)
		}
		var a struct{ ID int64 }
		r.json(t, &a)
		ids = append(ids, a.ID)
	}
	last := ids[2]

	// Before any assignment the queue starts with the first article.
	var q queueDoc
	s.call(inesC, "GET", "/api/v1/review/next", "").json(t, &q)
	if q.Claim == nil || q.Claim.ArticleID != ids[0] || q.Progress.Mine == nil || q.Progress.Mine.Total != 0 {
		t.Fatalf("queue before assigning: %+v", q)
	}

	// The admin gives Ines the last article.
	path := fmt.Sprintf("/api/v1/articles/%d/assignee", last)
	r := s.call(adminC, "PUT", path, fmt.Sprintf(`{"user_id":%d}`, ines.ID))
	var as assignmentDoc
	r.json(t, &as)
	if r.status != 200 || as.ArticleID != last || as.Assignee == nil || as.Assignee.ID != ines.ID || as.AssignedBy == nil || *as.AssignedBy != admin.ID {
		t.Fatalf("assign: %d %s", r.status, r.body)
	}

	// Her queue now starts there, says whose it is, and counts her part.
	q = queueDoc{}
	s.call(inesC, "GET", "/api/v1/review/next", "").json(t, &q)
	if q.Claim == nil || q.Claim.ArticleID != last || q.Article == nil || q.Article.Assignee == nil || q.Article.Assignee.ID != ines.ID {
		t.Fatalf("Ines's queue: %+v", q)
	}
	if q.Progress.Mine == nil || q.Progress.Mine.Total == 0 || q.Progress.Mine.Reviewed != 0 {
		t.Fatalf("Ines's progress: %+v", q.Progress)
	}
	// The admin's queue leaves Ines's article to her: it comes last.
	q = queueDoc{}
	s.call(adminC, "GET", "/api/v1/review/next", "").json(t, &q)
	if q.Claim == nil || q.Claim.ArticleID != ids[0] {
		t.Fatalf("admin's queue: %+v", q)
	}

	// Who has what: by article, by user, and "me".
	var list struct{ Items []assignmentDoc }
	s.call(readerC, "GET", fmt.Sprintf("/api/v1/assignments?article=%d,%d", ids[0], last), "").json(t, &list)
	if len(list.Items) != 1 || list.Items[0].ArticleID != last || list.Items[0].Assignee.Name != "ines@example.org" {
		t.Fatalf("assignments by article: %+v", list)
	}
	list.Items = nil
	s.call(inesC, "GET", "/api/v1/assignments?user=me", "").json(t, &list)
	if len(list.Items) != 1 || list.Items[0].ArticleID != last {
		t.Fatalf("my assignments: %+v", list)
	}
	for _, bad := range []string{"?article=1,x", "?user=-1", "?user=you"} {
		if r := s.call(readerC, "GET", "/api/v1/assignments"+bad, ""); r.status != 400 {
			t.Errorf("GET /api/v1/assignments%s: %d", bad, r.status)
		}
	}

	// Ines may take one herself; a researcher may not assign or be assigned.
	if r := s.call(inesC, "PUT", fmt.Sprintf("/api/v1/articles/%d/assignee", ids[0]), fmt.Sprintf(`{"user_id":%d}`, ines.ID)); r.status != 200 {
		t.Fatalf("self-assign: %d %s", r.status, r.body)
	}
	if r := s.call(readerC, "PUT", path, fmt.Sprintf(`{"user_id":%d}`, ines.ID)); r.status != 403 {
		t.Fatalf("researcher assigning: %d", r.status)
	}
	var p problem
	r = s.call(adminC, "PUT", path, `{"user_id":999999}`)
	r.json(t, &p)
	if r.status != 422 || len(p.Errors) == 0 || p.Errors[0].Field != "user_id" {
		t.Fatalf("assigning no one: %d %s", r.status, r.body)
	}
	for body, want := range map[string]int{`{}`: 422, `{"user_id":"x"}`: 400, `{"user":1}`: 400} {
		if r := s.call(adminC, "PUT", path, body); r.status != want {
			t.Errorf("PUT %s: %d, want %d", body, r.status, want)
		}
	}
	if r := s.call(adminC, "PUT", "/api/v1/articles/999999/assignee", fmt.Sprintf(`{"user_id":%d}`, ines.ID)); r.status != 404 {
		t.Fatalf("missing article: %d", r.status)
	}

	// The people to choose from: reviewers and admins only.
	var people struct{ Items []struct{ ID int64 } }
	s.call(inesC, "GET", "/api/v1/assignees", "").json(t, &people)
	if len(people.Items) != 2 {
		t.Fatalf("assignees: %+v", people)
	}

	// Taking it back: the queue is in plain order again; the trail says who.
	r = s.call(inesC, "DELETE", path, "")
	as = assignmentDoc{}
	r.json(t, &as)
	if r.status != 200 || as.ArticleID != last || as.Assignee != nil {
		t.Fatalf("unassign: %d %s", r.status, r.body)
	}
	var actions []struct {
		Action  string
		ActorID int64
	}
	s.db.Gorm.Raw(`SELECT action, actor_id FROM audit_log WHERE entity = 'article' AND entity_id = ? AND action IN ('assign', 'unassign') ORDER BY id`, last).Scan(&actions)
	if len(actions) != 2 || actions[0].Action != "assign" || actions[0].ActorID != admin.ID || actions[1].Action != "unassign" || actions[1].ActorID != ines.ID {
		t.Fatalf("audit trail: %+v", actions)
	}
}

func TestQueueStoryParameter(t *testing.T) {
	s := newServer(t)
	a := ingestSeed(t, s)
	var story int64
	if err := s.db.Gorm.Raw(`INSERT INTO stories (title) VALUES ('Syria') RETURNING id`).Scan(&story).Error; err != nil {
		t.Fatal(err)
	}
	var q queueDoc
	s.do("GET", fmt.Sprintf("/api/v1/review/next?story=%d", story), "", nil, &q)
	if q.Claim != nil || q.Progress.Total != 0 {
		t.Fatalf("an empty story's queue: %+v", q)
	}
	s.db.Gorm.Exec(`UPDATE articles SET story_id = ? WHERE id = ?`, story, a.ID)
	s.do("GET", fmt.Sprintf("/api/v1/review/next?story=%d", story), "", nil, &q)
	if q.Claim == nil || q.Claim.ArticleID != a.ID || q.Progress.Total != len(a.Claims) || q.Progress.Mine != nil {
		t.Fatalf("the story's queue: %+v", q)
	}
	var p problem
	if resp := s.do("GET", "/api/v1/review/next?story=abc", "", nil, &p); resp.StatusCode != 400 {
		t.Fatalf("story=abc: %d", resp.StatusCode)
	}
}
