package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// storyRoutes are the routes of stories and the comparison across outlets.
func (s *server) storyRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "the id"}
	return []route{
		{method: "GET", path: "/api/v1/stories", summary: "List stories (articles about one event), newest first",
			handler: s.listStories, params: []param{
				{name: "min_outlets", in: "query", typ: "integer", desc: "only stories reported by at least this many outlets (default 1)"},
				{name: "page_size", in: "query", typ: "integer", desc: "items per page, 1 to 500 (default 50)"},
				{name: "page_token", in: "query", typ: "string", desc: "next_page_token of the previous page"},
			}, resp: storyPage{}, status: 200, errors: []int{400}},
		{method: "POST", path: "/api/v1/stories/group", summary: "Group every article that has no story yet (up to 1,000 per call)",
			handler: s.groupStories, role: RoleReviewer, resp: groupResult{}, status: 200},
		{method: "GET", path: "/api/v1/stories/:id", summary: "A story with its comparison matrix: statements against outlets, who reports, corroborates or contradicts each",
			handler: s.getStory, params: []param{id}, resp: claims.Comparison{}, status: 200, errors: []int{400, 404}},
		{method: "PUT", path: "/api/v1/articles/:id/story", summary: "Move an article to another story, or to a new one; automatic grouping leaves it there",
			handler: s.moveArticle, role: RoleReviewer, params: []param{id}, body: storyMoveRequest{}, resp: storyPlacement{}, status: 200, errors: []int{400, 404, 415, 422}},
		{method: "GET", path: "/api/v1/articles/:id/story", summary: "The story an article belongs to (null when it is not grouped yet), for linking an article to its comparison",
			handler: s.getArticleStory, params: []param{id}, resp: articleStory{}, status: 200, errors: []int{400, 404}},
		{method: "GET", path: "/api/v1/statements/:claim_id", summary: "A statement and every outlet that carried it: claims alike the claim's text (trigram similarity >= 0.5)",
			handler: s.getStatement, params: []param{{name: "claim_id", in: "path", typ: "integer", required: true, desc: "a claim making the statement"}},
			resp: claims.Statement{}, status: 200, errors: []int{400, 404}},
	}
}

type storyPage struct {
	Items         []claims.Story `json:"items"`
	NextPageToken string         `json:"next_page_token"`
}

type articleStory struct {
	ArticleID int64         `json:"article_id"`
	Story     *claims.Story `json:"story" doc:"null when the article is in no story yet"`
}

type groupResult struct {
	Grouped int `json:"grouped"`
}

type storyMoveRequest struct {
	StoryID       int64  `json:"story_id,omitempty" doc:"an existing story"`
	NewStoryTitle string `json:"new_story_title,omitempty" doc:"make a new story of this title instead"`
}

type storyPlacement struct {
	ArticleID int64 `json:"article_id"`
	StoryID   int64 `json:"story_id"`
}

func (s *server) listStories(c *gin.Context) {
	limit, err := pageSize(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	minOutlets := 1
	if v := c.Query("min_outlets"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			s.fail(c, badRequest("min_outlets must be a whole number from 1 to 1000"))
			return
		}
		minOutlets = n
	}
	var cur struct {
		ID int64 `json:"i"`
	}
	if _, err := decodeToken(c, &cur); err != nil {
		s.fail(c, err)
		return
	}
	list, err := claims.NewStore(s.db).Stories(c.Request.Context(), cur.ID, minOutlets, limit+1)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := storyPage{Items: list}
	if len(list) > limit {
		page.Items = list[:limit]
		page.NextPageToken = encodeToken(struct {
			ID int64 `json:"i"`
		}{list[limit-1].ID})
	}
	c.JSON(http.StatusOK, page)
}

func (s *server) groupStories(c *gin.Context) {
	n, err := claims.GroupUngrouped(c.Request.Context(), s.db, 1000)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, groupResult{Grouped: n})
}

func (s *server) getStory(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	cmp, err := claims.NewStore(s.db).Compare(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, cmp)
}

func (s *server) moveArticle(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req storyMoveRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.StoryID < 0 {
		s.fail(c, &Problem{Status: http.StatusUnprocessableEntity, Detail: "story_id must be positive",
			Errors: []sources.FieldError{{Field: "story_id", Message: "must be positive"}}})
		return
	}
	storyID, err := claims.MoveArticle(c.Request.Context(), s.db, nil, id, claims.StoryMove{StoryID: req.StoryID, NewTitle: req.NewStoryTitle})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, storyPlacement{ArticleID: id, StoryID: storyID})
}

func (s *server) getStatement(c *gin.Context) {
	id, err := idParam(c, "claim_id")
	if err != nil {
		s.fail(c, err)
		return
	}
	st, err := claims.NewStore(s.db).StatementOf(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, st)
}

func (s *server) getArticleStory(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	st, err := claims.NewStore(s.db).ArticleStory(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, articleStory{ArticleID: id, Story: st})
}
