package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// evidenceRoutes are the routes of matching and evidence: candidate
// passages for a claim, and the links reviewers make.
func (s *server) evidenceRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "the id"}
	rs := []route{
		{method: "GET", path: "/api/v1/claims/:id/candidates", summary: "Candidate evidence for a claim: passages of other outlets' reports, ranked, each with its score, the reason and a suggested stance",
			handler: s.listCandidates, params: []param{id,
				{name: "limit", in: "query", typ: "integer", desc: "how many, 1 to 100 (default 10)"},
				{name: "same_outlet", in: "query", typ: "string", desc: "true keeps passages of the claim's own outlet, marked"},
			}, resp: candidateList{}, status: 200, errors: []int{400, 404}},
		{method: "GET", path: "/api/v1/claims/:id/evidence", summary: "A claim's evidence links: conflicts first, then corroboration, then context",
			handler: s.listEvidence, params: []param{id}, resp: evidenceList{}, status: 200, errors: []int{400, 404}},
		{method: "POST", path: "/api/v1/claims/:id/evidence", summary: "Link a passage of another article to the claim with a stance. One link per claim and passage: a second decision updates the first (200); version, when given, must be the link's current one (409).",
			handler: s.createEvidence, role: RoleReviewer, params: []param{id}, body: evidenceRequest{}, resp: claims.Evidence{}, status: 201, errors: []int{400, 404, 409, 415, 422}},
		{method: "GET", path: "/api/v1/evidence/:id", summary: "One evidence link; its ETag is its version",
			handler: s.getEvidence, params: []param{id}, resp: claims.Evidence{}, status: 200, errors: []int{400, 404}},
		{method: "PATCH", path: "/api/v1/evidence/:id", summary: "Change a link's stance or note. Name the version you saw in If-Match (412 when stale) or in the body (409 when stale).",
			handler: s.updateEvidence, role: RoleReviewer, params: []param{id, {name: "If-Match", in: "header", typ: "string", desc: "the ETag (version) you saw"}},
			body: evidencePatch{}, resp: claims.Evidence{}, status: 200, errors: []int{400, 404, 409, 412, 415, 422, 428}},
	}
	return append(rs, s.storyRoutes()...)
}

type candidateList struct {
	Items []claims.Candidate `json:"items"`
}

type evidenceList struct {
	Items []claims.Evidence `json:"items"`
}

type evidenceRequest struct {
	ArticleID       int64          `json:"article_id" doc:"the other article"`
	PassageStart    int            `json:"passage_start" doc:"code points into the article's text"`
	PassageEnd      int            `json:"passage_end" doc:"code points, end exclusive; with passage_start 0 and passage_claim_id set, the claim's content"`
	PassageClaimID  *int64         `json:"passage_claim_id,omitempty"`
	Stance          claims.Stance  `json:"stance" doc:"corroborates, conflicts or context"`
	Note            string         `json:"note,omitempty"`
	SuggestedStance *claims.Stance `json:"suggested_stance,omitempty" doc:"the suggestion the reviewer saw; computed when absent"`
	SuggestedScore  *float64       `json:"suggested_score,omitempty"`
	Version         int            `json:"version,omitempty" doc:"the version of the existing link you saw"`
}

type evidencePatch struct {
	Stance  *claims.Stance `json:"stance,omitempty"`
	Note    *string        `json:"note,omitempty"`
	Version int            `json:"version,omitempty" doc:"the version you saw, when not sent as If-Match"`
}

func (s *server) listCandidates(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var o claims.CandidateOptions
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			s.fail(c, badRequest("limit must be a whole number from 1 to 100"))
			return
		}
		o.Limit = n
	}
	switch v := c.Query("same_outlet"); v {
	case "", "false":
	case "true":
		o.SameOutlet = true
	default:
		s.fail(c, badRequest("same_outlet must be true or false"))
		return
	}
	list, err := claims.NewStore(s.db).Candidates(c.Request.Context(), id, o)
	if err != nil {
		s.fail(c, err)
		return
	}
	if list == nil {
		list = []claims.Candidate{}
	}
	c.JSON(http.StatusOK, candidateList{Items: list})
}

func (s *server) listEvidence(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	st := claims.NewStore(s.db)
	list, err := st.EvidenceFor(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, evidenceList{Items: list})
}

func (s *server) createEvidence(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req evidenceRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	ev, created, err := claims.NewStore(s.db).LinkEvidence(c.Request.Context(), nil, claims.Link{
		ClaimID: id, ArticleID: req.ArticleID, PassageStart: req.PassageStart, PassageEnd: req.PassageEnd,
		PassageClaimID: req.PassageClaimID, Stance: req.Stance, Note: req.Note,
		SuggestedStance: req.SuggestedStance, SuggestedScore: req.SuggestedScore, Version: req.Version,
	})
	if err != nil {
		s.failEvidence(c, err, http.StatusConflict)
		return
	}
	ev, err = claims.NewStore(s.db).EvidenceByID(c.Request.Context(), ev.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		c.Header("Location", "/api/v1/evidence/"+itoa(ev.ID))
	}
	c.Header("ETag", etag(ev.Version))
	c.JSON(status, ev)
}

func (s *server) getEvidence(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	ev, err := claims.NewStore(s.db).EvidenceByID(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("ETag", etag(ev.Version))
	c.JSON(http.StatusOK, ev)
}

func (s *server) updateEvidence(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req evidencePatch
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	version, stale, err := expectedVersion(c, req.Version, "link")
	if err != nil {
		s.fail(c, err)
		return
	}
	st := claims.NewStore(s.db)
	ev, err := st.UpdateEvidence(c.Request.Context(), nil, id, claims.EvidenceChange{Version: version, Stance: req.Stance, Note: req.Note})
	if err != nil {
		s.failEvidence(c, err, stale)
		return
	}
	if ev, err = st.EvidenceByID(c.Request.Context(), ev.ID); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("ETag", etag(ev.Version))
	c.JSON(http.StatusOK, ev)
}

// failEvidence answers a stale write with status (409 or 412) and the link
// as it is now, so the reviewer sees what changed; anything else as usual.
func (s *server) failEvidence(c *gin.Context, err error, status int) {
	var ce *claims.EvidenceConflictError
	var inv sources.InvalidError
	switch {
	case errors.As(err, &ce):
		c.Header("ETag", etag(ce.Current.Version))
		s.problem(c, &Problem{Status: status, Detail: err.Error() + "; reload it and decide again"})
	case errors.As(err, &inv):
		s.problem(c, &Problem{Status: http.StatusUnprocessableEntity, Detail: "the evidence link is not valid: " + inv.Error(), Errors: inv})
	default:
		s.fail(c, err)
	}
}
