package api

import (
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
)

type claimPage struct {
	Items         []claimDoc `json:"items"`
	NextPageToken string     `json:"next_page_token"`
}

// maxQueryRunes bounds search text: longer texts go to claims:lookup.
const maxQueryRunes = 500

func (s *server) listClaims(c *gin.Context) {
	f := claims.Filter{Kind: claims.Kind(c.Query("kind")), Query: c.Query("q")}
	var err error
	if f.Limit, err = pageSize(c); err == nil {
		if f.ArticleID, err = optionalID(c, "article"); err == nil {
			f.SpeakerID, err = optionalID(c, "speaker")
		}
	}
	if err == nil && f.Kind != "" && !f.Kind.Valid() {
		err = badRequest("kind must be one of direct, indirect, mixed, assertion, caption, headline")
	}
	if err == nil && (!utf8.ValidString(f.Query) || utf8.RuneCountInString(f.Query) > maxQueryRunes) {
		err = badRequest("q must be valid UTF-8 of at most 500 characters")
	}
	var cur struct {
		ID int64 `json:"i"`
	}
	if err == nil {
		_, err = decodeToken(c, &cur)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	f.After = cur.ID
	limit := f.Limit
	f.Limit++
	list, err := claims.NewStore(s.db).List(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := claimPage{Items: make([]claimDoc, 0, len(list))}
	if len(list) > limit {
		list = list[:limit]
		page.NextPageToken = encodeToken(struct {
			ID int64 `json:"i"`
		}{list[limit-1].ID})
	}
	for _, cl := range list {
		page.Items = append(page.Items, cl.JSONShape())
	}
	c.JSON(http.StatusOK, page)
}

func (s *server) getClaim(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	cl, err := claims.NewStore(s.db).Get(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	writeClaim(c, http.StatusOK, cl)
}
