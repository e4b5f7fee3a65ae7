package api

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

const (
	defaultPageSize = 50
	maxPageSize     = 500
)

// pageSize reads page_size, bounded.
func pageSize(c *gin.Context) (int, error) {
	v := c.Query("page_size")
	if v == "" {
		return defaultPageSize, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxPageSize {
		return 0, badRequest("page_size must be a whole number from 1 to " + strconv.Itoa(maxPageSize))
	}
	return n, nil
}

// Page tokens are opaque to clients: base64url of a JSON cursor, so the
// cursor's shape can change without breaking anyone who follows the rules.
func encodeToken(cursor any) string {
	b, _ := json.Marshal(cursor)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeToken(c *gin.Context, cursor any) (bool, error) {
	tok := c.Query("page_token")
	if tok == "" {
		return false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(b) > 512 || json.Unmarshal(b, cursor) != nil {
		return false, badRequest("page_token is not a token this API gave out")
	}
	return true, nil
}

// idParam reads a positive integer id from the path.
func idParam(c *gin.Context, name string) (int64, error) {
	n, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || n < 1 {
		return 0, badRequest(name + " must be a positive whole number")
	}
	return n, nil
}

// optionalID reads a positive integer id from the query, 0 when absent.
func optionalID(c *gin.Context, name string) (int64, error) {
	v := c.Query(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, badRequest(name + " must be a positive whole number")
	}
	return n, nil
}

// idOrName reads a filter given either as a positive id or as a name (of an
// outlet, a speaker): a number sets id, anything else sets text.
func idOrName(c *gin.Context, name string, id *int64, text *string) error {
	v := strings.TrimSpace(c.Query(name))
	if v == "" {
		return nil
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 1 {
			return badRequest(name + " must be a positive id or a name")
		}
		*id = n
		return nil
	}
	if !utf8.ValidString(v) || len(v) > 200 {
		return badRequest(name + " must be valid UTF-8 of at most 200 bytes")
	}
	*text = v
	return nil
}
