package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/sources"
)

type outletList struct {
	Items []sources.OutletCount `json:"items"`
}

func (s *server) outletRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "the outlet's id"}
	return []route{
		{method: "GET", path: "/api/v1/outlets", summary: "Every outlet, by name, with its article count",
			handler: s.listOutlets, resp: outletList{}, status: 200},
		{method: "POST", path: "/api/v1/outlets", summary: "Add an outlet: a name, and optionally a domain (its articles' URLs), a country and notes",
			handler: s.createOutlet, role: RoleAdmin, body: sources.OutletChange{}, resp: sources.Outlet{}, status: 201, errors: []int{400, 409, 415, 422}},
		{method: "GET", path: "/api/v1/outlets/:id", summary: "One outlet; its ETag is its version",
			handler: s.getOutlet, params: []param{id}, resp: sources.Outlet{}, status: 200, errors: []int{400, 404}},
		{method: "PATCH", path: "/api/v1/outlets/:id", summary: "Change an outlet's name, domain, country or notes; fields left out stay as they are. Name the version you saw in If-Match (412 when stale) or in the body (409 when stale).",
			handler: s.updateOutlet, role: RoleAdmin, params: []param{id, ifMatchParam}, body: sources.OutletChange{}, resp: sources.Outlet{}, status: 200, errors: []int{400, 404, 409, 412, 415, 422, 428}},
	}
}

func (s *server) listOutlets(c *gin.Context) {
	list, err := sources.NewStore(s.db).Outlets(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	if list == nil {
		list = []sources.OutletCount{}
	}
	c.JSON(http.StatusOK, outletList{Items: list})
}

func (s *server) createOutlet(c *gin.Context) {
	var req sources.OutletChange
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	o, err := sources.NewStore(s.db).CreateOutlet(c.Request.Context(), req, actor(c))
	if err != nil {
		s.fail(c, outletProblem(err, 0))
		return
	}
	c.Header("Location", "/api/v1/outlets/"+itoa(o.ID))
	c.Header("ETag", etag(o.Version))
	c.JSON(http.StatusCreated, o)
}

func (s *server) getOutlet(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	o, err := sources.NewStore(s.db).Outlet(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("ETag", etag(o.Version))
	c.JSON(http.StatusOK, o)
}

func (s *server) updateOutlet(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req sources.OutletChange
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	var stale int
	if req.Version, stale, err = expectedVersion(c, req.Version, "outlet"); err != nil {
		s.fail(c, err)
		return
	}
	o, err := sources.NewStore(s.db).UpdateOutlet(c.Request.Context(), id, req, actor(c))
	if err != nil {
		var ce *sources.ConflictError
		if errors.As(err, &ce) {
			c.Header("ETag", etag(ce.Current.Version))
		}
		s.fail(c, outletProblem(err, stale))
		return
	}
	c.Header("ETag", etag(o.Version))
	c.JSON(http.StatusOK, o)
}

// outletProblem gives a duplicate its 409 and a stale change the status
// stale (409 or 412) with the outlet as it is now; other errors map as
// usual.
func outletProblem(err error, stale int) error {
	if errors.Is(err, sources.ErrDuplicate) {
		return &Problem{Status: http.StatusConflict, Detail: "another outlet already has this name or domain"}
	}
	var ce *sources.ConflictError
	if errors.As(err, &ce) {
		return &Problem{Status: stale, Detail: ce.Error() + "; reload it and decide again", Current: ce.Current}
	}
	var invalid sources.InvalidError
	if errors.As(err, &invalid) {
		return &Problem{Status: http.StatusUnprocessableEntity, Detail: "the outlet is not valid: " + invalid.Error(), Errors: invalid}
	}
	return err
}
