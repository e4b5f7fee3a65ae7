package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// Editable resources carry a version, sent as their ETag. A change names
// the version it was made against, in If-Match or as version in the body,
// so that a change someone made meanwhile is never silently overwritten.

// ifMatchParam describes If-Match for the OpenAPI document.
var ifMatchParam = param{name: "If-Match", in: "header", typ: "string", desc: `the ETag (version) you saw, such as "3"`}

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// parseETag reads a version from an If-Match value: "3", W/"3" or 3.
func parseETag(h string) (int, bool) {
	h = strings.TrimPrefix(strings.TrimSpace(h), "W/")
	n, err := strconv.Atoi(strings.Trim(h, `"`))
	return n, err == nil && n > 0
}

// expectedVersion reads the version a change to a resource (named by what,
// such as "outlet") was made against, and the status a stale one gets: 412
// when it came as If-Match, the HTTP precondition, and 409 when it came in
// the body. Naming no version is 428.
func expectedVersion(c *gin.Context, body int, what string) (version, stale int, err error) {
	version, stale = body, http.StatusConflict
	if h := c.GetHeader("If-Match"); h != "" {
		v, ok := parseETag(h)
		if !ok {
			return 0, 0, badRequest(`If-Match must be the ETag of the ` + what + `, such as "3"`)
		}
		if body != 0 && body != v {
			return 0, 0, badRequest("If-Match and version name different versions")
		}
		version, stale = v, http.StatusPreconditionFailed
	}
	if version <= 0 {
		return 0, 0, &Problem{Status: http.StatusPreconditionRequired, Detail: "name the version of the " + what + " you saw, in If-Match or as version in the body, so that a change made meanwhile is not overwritten"}
	}
	return version, stale, nil
}
