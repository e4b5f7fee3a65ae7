package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// The reviewers' routes: edit, split, merge, create, undo, history, the
// review queue and speaker lookup. Every change names the version it was
// made against (in the body or as If-Match); a stale one gets 409 with the
// current claim.

type rangeJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func (r *rangeJSON) pair() *[2]int {
	if r == nil {
		return nil
	}
	return &[2]int{r.Start, r.End}
}

type speakerInput struct {
	Name         string `json:"name"`
	Role         string `json:"role,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	Kind         string `json:"kind,omitempty" doc:"person (default), organisation, anonymous or outlet"`
}

func (in *speakerInput) speaker() *claims.Speaker {
	if in == nil {
		return nil
	}
	return &claims.Speaker{Name: in.Name, Role: strings.TrimSpace(in.Role), Organisation: strings.TrimSpace(in.Organisation), Kind: claims.SpeakerKind(in.Kind)}
}

type claimChange struct {
	Version      int           `json:"version,omitempty" doc:"the version the change was made against; or send If-Match"`
	Status       *string       `json:"status,omitempty"`
	Kind         *string       `json:"kind,omitempty"`
	Content      *rangeJSON    `json:"content,omitempty" doc:"new content range, code points"`
	SpeakerID    *int64        `json:"speaker_id,omitempty"`
	Speaker      *speakerInput `json:"speaker,omitempty" doc:"a speaker to find or create by name and kind"`
	ClearSpeaker bool          `json:"clear_speaker,omitempty"`
	Mention      *rangeJSON    `json:"mention,omitempty"`
	Cue          *rangeJSON    `json:"cue,omitempty"`
	ClearCue     bool          `json:"clear_cue,omitempty"`
}

type splitRequest struct {
	At      int `json:"at" doc:"code point where the second claim starts"`
	Version int `json:"version,omitempty"`
}

type mergeRequest struct {
	OtherID      int64 `json:"other_id" doc:"the claim merged into this one (it is rejected, not deleted)"`
	Version      int   `json:"version,omitempty"`
	OtherVersion int   `json:"other_version"`
}

type newClaimRequest struct {
	Kind      string        `json:"kind"`
	Content   rangeJSON     `json:"content"`
	SpeakerID *int64        `json:"speaker_id,omitempty"`
	Speaker   *speakerInput `json:"speaker,omitempty"`
	Mention   *rangeJSON    `json:"mention,omitempty"`
	Cue       *rangeJSON    `json:"cue,omitempty"`
}

type splitResult struct {
	First  claimDoc `json:"first"`
	Second claimDoc `json:"second"`
}

type claimList struct {
	Items []claimDoc `json:"items"`
}

type historyList struct {
	Items []claims.HistoryEntry `json:"items"`
}

type queueItem struct {
	Claim    *claimDoc       `json:"claim" doc:"null when every claim of the queue is reviewed"`
	Article  *queueArticle   `json:"article,omitempty" doc:"the claim's article, without its text"`
	Context  *claims.Range   `json:"context,omitempty" doc:"the paragraph around the claim, in code points of the article's text"`
	Progress claims.Progress `json:"progress"`
}

type queueArticle struct {
	ID          int64            `json:"id"`
	Title       string           `json:"title"`
	Outlet      string           `json:"outlet"`
	URL         string           `json:"url"`
	PublishedAt *time.Time       `json:"published_at"`
	Assignee    *claims.Assignee `json:"assignee" doc:"who the article is assigned to; null when nobody"`
}

type speakerList struct {
	Items []claims.Speaker `json:"items"`
}

type speakerPage struct {
	claims.Speaker
	Claims []claimDoc `json:"claims"`
}

func (s *server) reviewRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "claim id"}
	ifMatch := param{name: "If-Match", in: "header", typ: "string", desc: `the claim's ETag ("<version>"), instead of version in the body`}
	rs := []route{
		{method: "PATCH", path: "/api/v1/claims/:id", summary: "Change a claim: status (confirm, reject), kind, content range, speaker, mention, cue",
			handler: s.updateClaim, role: RoleReviewer, params: []param{id, ifMatch}, body: claimChange{}, resp: claimDoc{}, status: 200, errors: []int{400, 404, 409, 422}},
		{method: "POST", path: "/api/v1/claims/:id/split", summary: "Split a claim in two at a code point",
			handler: s.splitClaim, role: RoleReviewer, params: []param{id, ifMatch}, body: splitRequest{}, resp: splitResult{}, status: 200, errors: []int{400, 404, 409, 422}},
		{method: "POST", path: "/api/v1/claims/:id/merge", summary: "Merge another claim of the same article into this one",
			handler: s.mergeClaims, role: RoleReviewer, params: []param{id, ifMatch}, body: mergeRequest{}, resp: claimDoc{}, status: 200, errors: []int{400, 404, 409, 422}},
		{method: "POST", path: "/api/v1/claims/:id/undo", summary: "Undo the latest change to a claim (and everything the same action changed)",
			handler: s.undoClaim, role: RoleReviewer, params: []param{id}, resp: claimList{}, status: 200, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/claims/:id/history", summary: "A claim's audit trail: who changed what, when, before and after",
			handler: s.claimHistory, params: []param{id}, resp: historyList{}, status: 200, errors: []int{400, 404}},
		{method: "POST", path: "/api/v1/articles/:id/claims", summary: "Create a claim from a selection of the article's text",
			handler: s.createClaim, role: RoleReviewer, params: []param{{name: "id", in: "path", typ: "integer", required: true, desc: "article id"}}, body: newClaimRequest{}, resp: claimDoc{}, status: 201, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/review/next", summary: "The next unreviewed claim, with the queue's progress; the claims of articles assigned to you come first, others' last",
			handler: s.nextInQueue, params: []param{
				{name: "outlet", in: "query", typ: "integer", desc: "only claims of this outlet's articles"},
				{name: "speaker", in: "query", typ: "integer", desc: "only this speaker's claims"},
				{name: "kind", in: "query", typ: "string", desc: "only claims of this kind"},
				{name: "story", in: "query", typ: "integer", desc: "only claims of this story's articles"},
				{name: "after", in: "query", typ: "integer", desc: "skip past this claim"},
			}, resp: queueItem{}, status: 200, errors: []int{400}},
		{method: "GET", path: "/api/v1/speakers", summary: "Find speakers by name (autocomplete)",
			handler: s.searchSpeakers, params: []param{{name: "q", in: "query", typ: "string", desc: "part of a name"}}, resp: speakerList{}, status: 200, errors: []int{400}},
		{method: "GET", path: "/api/v1/speakers/:id", summary: "A speaker and everything they said, across outlets",
			handler: s.getSpeaker, params: []param{{name: "id", in: "path", typ: "integer", required: true, desc: "speaker id"}}, resp: speakerPage{}, status: 200, errors: []int{400, 404}},
	}
	return append(rs, s.assignmentRoutes()...)
}

// version reads the version a change was made against: If-Match wins over
// the body.
func version(c *gin.Context, body int) (int, error) {
	if m := c.GetHeader("If-Match"); m != "" {
		n, ok := parseETag(m)
		if !ok || n < 1 {
			return 0, badRequest(`If-Match must be the claim's ETag, such as "3"`)
		}
		return n, nil
	}
	if body < 1 {
		return 0, &Problem{Status: http.StatusPreconditionRequired, Detail: "name the version the change was made against: version in the body, or If-Match"}
	}
	return body, nil
}

// writeClaim answers with a claim and its ETag.
func writeClaim(c *gin.Context, status int, cl claims.Claim) {
	c.Header("ETag", etag(cl.Version))
	c.JSON(status, cl.JSONShape())
}

// conflict answers 409 with the current state beside the problem, so the
// page can show both versions.
func (s *server) failChange(c *gin.Context, err error) {
	var ce *claims.ConflictError
	if errors.As(err, &ce) {
		cur := ce.Current.JSONShape()
		c.Header("ETag", etag(ce.Current.Version))
		s.problem(c, &Problem{Status: http.StatusConflict, Detail: ce.Error(), Current: &cur})
		return
	}
	s.fail(c, err)
}

// change reads what every claim change starts with: the claim id from the
// path, the JSON body into req, and the version the change was made
// against. It answers the problem itself and returns ok=false on error.
func (s *server) change(c *gin.Context, req interface{ bodyVersion() int }) (id int64, v int, ok bool) {
	id, err := idParam(c, "id")
	if err == nil {
		err = s.decode(c, req)
	}
	if err == nil {
		v, err = version(c, req.bodyVersion())
	}
	if err != nil {
		s.fail(c, err)
		return 0, 0, false
	}
	return id, v, true
}

func (r *claimChange) bodyVersion() int  { return r.Version }
func (r *splitRequest) bodyVersion() int { return r.Version }
func (r *mergeRequest) bodyVersion() int { return r.Version }

func (s *server) updateClaim(c *gin.Context) {
	var req claimChange
	id, v, ok := s.change(c, &req)
	if !ok {
		return
	}
	ch := claims.Change{
		Version: v, Content: req.Content.pair(), SpeakerID: req.SpeakerID, NewSpeaker: req.Speaker.speaker(),
		ClearSpeaker: req.ClearSpeaker, Mention: req.Mention.pair(), Cue: req.Cue.pair(), ClearCue: req.ClearCue,
	}
	if req.Status != nil {
		st := claims.Status(*req.Status)
		ch.Status = &st
	}
	if req.Kind != nil {
		k := claims.Kind(*req.Kind)
		ch.Kind = &k
	}
	cl, err := claims.NewStore(s.db).Update(c.Request.Context(), id, ch, actor(c))
	if err != nil {
		s.failChange(c, err)
		return
	}
	writeClaim(c, http.StatusOK, cl)
}

func (s *server) splitClaim(c *gin.Context) {
	var req splitRequest
	id, v, ok := s.change(c, &req)
	if !ok {
		return
	}
	a, b, err := claims.NewStore(s.db).Split(c.Request.Context(), id, req.At, v, actor(c))
	if err != nil {
		s.failChange(c, err)
		return
	}
	c.JSON(http.StatusOK, splitResult{First: a.JSONShape(), Second: b.JSONShape()})
}

func (s *server) mergeClaims(c *gin.Context) {
	var req mergeRequest
	id, v, ok := s.change(c, &req)
	if !ok {
		return
	}
	var err error
	if req.OtherVersion < 1 {
		err = badRequest("other_version is required: the version of the other claim the merge was made against")
	} else if req.OtherID < 1 {
		err = badRequest("other_id is required")
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	cl, err := claims.NewStore(s.db).Merge(c.Request.Context(), id, req.OtherID, v, req.OtherVersion, actor(c))
	if err != nil {
		s.failChange(c, err)
		return
	}
	writeClaim(c, http.StatusOK, cl)
}

func (s *server) undoClaim(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	if _, err := claims.NewStore(s.db).Get(c.Request.Context(), id); err != nil {
		s.fail(c, err)
		return
	}
	list, err := claims.NewStore(s.db).Undo(c.Request.Context(), id, actor(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := claimList{Items: make([]claimDoc, len(list))}
	for i, cl := range list {
		out.Items[i] = cl.JSONShape()
	}
	c.JSON(http.StatusOK, out)
}

func (s *server) claimHistory(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	store := claims.NewStore(s.db)
	if _, err := store.Get(c.Request.Context(), id); err != nil {
		s.fail(c, err)
		return
	}
	h, err := store.History(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	if h == nil {
		h = []claims.HistoryEntry{}
	}
	c.JSON(http.StatusOK, historyList{Items: h})
}

func (s *server) createClaim(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req newClaimRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	cl, err := claims.NewStore(s.db).Create(c.Request.Context(), claims.NewClaim{
		ArticleID: id, Kind: claims.Kind(req.Kind), Content: [2]int{req.Content.Start, req.Content.End},
		SpeakerID: req.SpeakerID, NewSpeaker: req.Speaker.speaker(), Mention: req.Mention.pair(), Cue: req.Cue.pair(),
	}, actor(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/claims/"+itoa(cl.ID))
	writeClaim(c, http.StatusCreated, cl)
}

func (s *server) nextInQueue(c *gin.Context) {
	var f claims.QueueFilter
	var err error
	if f.OutletID, err = optionalID(c, "outlet"); err == nil {
		if f.SpeakerID, err = optionalID(c, "speaker"); err == nil {
			if f.StoryID, err = optionalID(c, "story"); err == nil {
				f.After, err = optionalID(c, "after")
			}
		}
	}
	if me := actor(c); me != nil {
		f.Me = *me
	}
	if f.Kind = claims.Kind(c.Query("kind")); err == nil && f.Kind != "" && !f.Kind.Valid() {
		err = badRequest("kind must be one of direct, indirect, mixed, assertion, caption, headline")
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	cl, p, err := claims.NewStore(s.db).Next(c.Request.Context(), f)
	switch {
	case errors.Is(err, claims.ErrNotFound):
		c.JSON(http.StatusOK, queueItem{Progress: p})
	case err != nil:
		s.fail(c, err)
	default:
		doc := cl.JSONShape()
		a, err := sources.NewStore(s.db).Get(c.Request.Context(), cl.ArticleID)
		if err != nil {
			s.fail(c, err)
			return
		}
		as, err := claims.NewStore(s.db).AssignmentOf(c.Request.Context(), a.ID)
		if err != nil {
			s.fail(c, err)
			return
		}
		qa := &queueArticle{ID: a.ID, Title: a.Title, Outlet: a.Outlet.Name, URL: a.URL, PublishedAt: a.PublishedAt}
		if as != nil {
			qa.Assignee = &as.Assignee
		}
		para := paragraph([]rune(a.Text), cl.ContentStart, cl.ContentEnd)
		c.JSON(http.StatusOK, queueItem{
			Claim:    &doc,
			Article:  qa,
			Context:  &para,
			Progress: p,
		})
	}
}

func (s *server) searchSpeakers(c *gin.Context) {
	q := c.Query("q")
	if len(q) > 200 {
		s.fail(c, badRequest("q must be at most 200 bytes"))
		return
	}
	list, err := claims.NewStore(s.db).SearchSpeakers(c.Request.Context(), q, 20)
	if err != nil {
		s.fail(c, err)
		return
	}
	if list == nil {
		list = []claims.Speaker{}
	}
	c.JSON(http.StatusOK, speakerList{Items: list})
}

func (s *server) getSpeaker(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	store := claims.NewStore(s.db)
	sp, err := store.Speaker(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	list, err := store.List(c.Request.Context(), claims.Filter{SpeakerID: id, Limit: maxPageSize})
	if err != nil {
		s.fail(c, err)
		return
	}
	out := speakerPage{Speaker: sp, Claims: make([]claimDoc, len(list))}
	for i, cl := range list {
		out.Claims[i] = cl.JSONShape()
	}
	c.JSON(http.StatusOK, out)
}

// paragraph returns the paragraph (text between blank lines) holding the
// range [start, end), widened to the range when it spans several.
func paragraph(text []rune, start, end int) claims.Range {
	from, to := max(0, min(start, len(text))), max(0, min(end, len(text)))
	for from > 0 && !(text[from-1] == '\n' && from > 1 && text[from-2] == '\n') {
		from--
	}
	for to < len(text) && !(text[to] == '\n' && to+1 < len(text) && text[to+1] == '\n') {
		to++
	}
	return claims.Range{Start: from, End: to, Text: string(text[from:to])}
}

// actor is the signed-in user making a change; nil until accounts exist.
func actor(c *gin.Context) *int64 {
	if v, ok := c.Get(userIDKey); ok {
		if id, ok := v.(int64); ok {
			return &id
		}
	}
	return nil
}

const userIDKey = "user_id"
