package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// Assignments: who is to review an article. A reviewer assigns an article
// to themselves or to a colleague; the review queue serves each reviewer
// their own articles first (see claims.Store.Next).

type assignRequest struct {
	UserID int64 `json:"user_id" doc:"a reviewer or an admin (GET /api/v1/assignees lists them)"`
}

type assignmentList struct {
	Items []claims.Assignment `json:"items"`
}

type assigneeList struct {
	Items []claims.Assignee `json:"items"`
}

// unassigned is an article nobody has.
type unassigned struct {
	ArticleID int64            `json:"article_id"`
	Assignee  *claims.Assignee `json:"assignee" doc:"always null"`
}

// maxAssignmentArticles bounds GET /api/v1/assignments?article=: a page of
// the article list.
const maxAssignmentArticles = 500

func (s *server) assignmentRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "article id"}
	return []route{
		{method: "PUT", path: "/api/v1/articles/:id/assignee", summary: "Assign an article to a reviewer (yourself or someone else), replacing any earlier assignee; their review queue serves its claims first",
			handler: s.assignArticle, role: RoleReviewer, params: []param{id}, body: assignRequest{}, resp: claims.Assignment{}, status: 200, errors: []int{400, 404, 415, 422}},
		{method: "DELETE", path: "/api/v1/articles/:id/assignee", summary: "Take an article back from its assignee; an article nobody has stays so",
			handler: s.unassignArticle, role: RoleReviewer, params: []param{id}, resp: unassigned{}, status: 200, errors: []int{400, 404}},
		{method: "GET", path: "/api/v1/assignments", summary: "Who each article is assigned to, newest assignment first (at most 500)",
			handler: s.listAssignments, params: []param{
				{name: "article", in: "query", typ: "string", desc: "only these articles: ids separated by commas, at most 500"},
				{name: "user", in: "query", typ: "string", desc: "only this user's articles: a user id, or me"},
			}, resp: assignmentList{}, status: 200, errors: []int{400}},
		{method: "GET", path: "/api/v1/assignees", summary: "The people work can be assigned to: reviewers and admins, by name",
			handler: s.listAssignees, role: RoleReviewer, resp: assigneeList{}, status: 200},
	}
}

func (s *server) assignArticle(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req assignRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.UserID < 1 {
		s.fail(c, &Problem{Status: http.StatusUnprocessableEntity, Detail: "user_id is required: the reviewer the article is assigned to",
			Errors: []sources.FieldError{{Field: "user_id", Message: "must be a user's id"}}})
		return
	}
	a, err := claims.NewStore(s.db).Assign(c.Request.Context(), id, req.UserID, actor(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

func (s *server) unassignArticle(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := claims.NewStore(s.db).Unassign(c.Request.Context(), id, actor(c)); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, unassigned{ArticleID: id})
}

func (s *server) listAssignments(c *gin.Context) {
	var f claims.AssignmentFilter
	if v := strings.TrimSpace(c.Query("article")); v != "" {
		parts := strings.Split(v, ",")
		if len(parts) > maxAssignmentArticles {
			s.fail(c, badRequest("article lists at most 500 ids"))
			return
		}
		for _, p := range parts {
			n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
			if err != nil || n < 1 {
				s.fail(c, badRequest("article must be article ids separated by commas, such as 3,7,12"))
				return
			}
			f.ArticleIDs = append(f.ArticleIDs, n)
		}
	}
	switch v := strings.TrimSpace(c.Query("user")); v {
	case "":
	case "me":
		me := actor(c)
		if me == nil {
			s.fail(c, badRequest("user=me needs you to be signed in"))
			return
		}
		f.UserID = *me
	default:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			s.fail(c, badRequest("user must be a user id or me"))
			return
		}
		f.UserID = n
	}
	list, err := claims.NewStore(s.db).Assignments(c.Request.Context(), f, maxAssignmentArticles)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, assignmentList{Items: list})
}

func (s *server) listAssignees(c *gin.Context) {
	list, err := claims.NewStore(s.db).Assignees(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	if list == nil {
		list = []claims.Assignee{}
	}
	c.JSON(http.StatusOK, assigneeList{Items: list})
}
