package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// The OpenAPI description is derived from the route table and the Go types
// the handlers encode and decode, so it cannot drift from the code.

var (
	timeType = reflect.TypeOf(time.Time{})
	rawType  = reflect.TypeOf(json.RawMessage(nil))
)

// shaper is implemented by types whose JSON is another type's (a custom
// MarshalJSON building a document struct).
type shaper interface{ JSONShape() any }

type schemaBuilder struct {
	components map[string]any
}

func (b *schemaBuilder) schema(t reflect.Type) map[string]any {
	nullable := false
	for t.Kind() == reflect.Pointer {
		t, nullable = t.Elem(), true
	}
	s := b.base(t)
	if nullable {
		if ref, ok := s["$ref"]; ok {
			return map[string]any{"oneOf": []any{map[string]any{"$ref": ref}, map[string]any{"type": "null"}}}
		}
		if typ, ok := s["type"].(string); ok {
			s["type"] = []string{typ, "null"}
		}
	}
	return s
}

func (b *schemaBuilder) base(t reflect.Type) map[string]any {
	if m, ok := t.MethodByName("JSONShape"); ok && m.Type.NumOut() == 1 {
		return b.base(m.Type.Out(0))
	}
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == rawType:
		return map[string]any{} // any JSON value
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		return map[string]any{"type": "string", "contentEncoding": "base64"}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": b.schema(t.Elem())}
	case reflect.Array:
		return map[string]any{"type": "array", "items": b.schema(t.Elem()), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": b.schema(t.Elem())}
	case reflect.Struct:
		name := schemaName(t)
		ref := map[string]any{"$ref": "#/components/schemas/" + name}
		if _, ok := b.components[name]; ok {
			return ref
		}
		b.components[name] = nil // placeholder: breaks recursion
		props := map[string]any{}
		var required []string
		b.fields(t, props, &required)
		obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			sort.Strings(required)
			obj["required"] = required
		}
		b.components[name] = obj
		return ref
	}
	return map[string]any{}
}

func (b *schemaBuilder) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				b.fields(ft, props, required)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		s := b.schema(f.Type)
		if d := f.Tag.Get("doc"); d != "" {
			s["description"] = d
		}
		props[name] = s
		if !strings.Contains(opts, "omitempty") {
			*required = append(*required, name)
		}
	}
}

func schemaName(t reflect.Type) string {
	n := t.Name()
	if n == "" {
		return "Anonymous"
	}
	// Unexported document types get an exported-looking name.
	n = strings.ToUpper(n[:1]) + n[1:]
	n = strings.TrimSuffix(n, "Doc")
	n = strings.TrimSuffix(n, "JSON")
	if pkg := t.PkgPath(); strings.HasSuffix(pkg, "/sources") && (n == "Article") {
		return "ArticleFields"
	}
	return n
}

// routeExample is the examples of one operation: Go values of the types
// its handler decodes and encodes, so they cannot drift from the schemas.
type routeExample struct {
	params    map[string]any     // parameter name: example value
	requests  map[string]example // request bodies, by name
	responses map[string]example // success response bodies, by name
}

type example struct {
	summary string
	value   any
}

// exampleValue is v as the API encodes it.
func exampleValue(v any) any {
	if s, ok := v.(string); ok { // a file's text, as it is
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the examples are constants; an error here is a programming error
	}
	var out any
	json.Unmarshal(b, &out)
	return out
}

func exampleObjects(ex map[string]example) map[string]any {
	out := map[string]any{}
	for name, e := range ex {
		out[name] = map[string]any{"summary": e.summary, "value": exampleValue(e.value)}
	}
	return out
}

// describe builds the OpenAPI 3.1 document for the routes.
func describe(routes []route) map[string]any {
	return describeWith(routes, routeExamples())
}

// describeWith builds the OpenAPI 3.1 document for the routes, with the
// examples keyed by "METHOD path" (the route table's path).
func describeWith(routes []route, examples map[string]routeExample) map[string]any {
	b := &schemaBuilder{components: map[string]any{}}
	problemRef := b.schema(reflect.TypeOf(Problem{}))
	paths := map[string]any{}
	for _, rt := range routes {
		path := openAPIPath(rt.path)
		item, _ := paths[path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[path] = item
		}
		op := map[string]any{
			"summary":     rt.summary,
			"operationId": operationID(rt.method, rt.path),
		}
		ex := examples[rt.method+" "+rt.path]
		var params []any
		for _, p := range rt.params {
			param := map[string]any{
				"name": p.name, "in": p.in, "required": p.required || p.in == "path",
				"description": p.desc, "schema": map[string]any{"type": p.typ},
			}
			if v, ok := ex.params[p.name]; ok {
				param["example"] = v
			}
			params = append(params, param)
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.body != nil {
			media := map[string]any{"schema": b.schema(reflect.TypeOf(rt.body))}
			if len(ex.requests) > 0 {
				media["examples"] = exampleObjects(ex.requests)
			}
			op["requestBody"] = map[string]any{
				"required": true,
				"content":  map[string]any{"application/json": media},
			}
		}
		content := map[string]any{}
		if rt.files != nil {
			for _, mt := range rt.files {
				content[mt] = map[string]any{"schema": map[string]any{"type": "string", "contentMediaType": mt}}
			}
		} else {
			media := map[string]any{"schema": b.schema(reflect.TypeOf(rt.resp))}
			if len(ex.responses) > 0 {
				media["examples"] = exampleObjects(ex.responses)
			}
			content["application/json"] = media
		}
		responses := map[string]any{
			strconv.Itoa(rt.status): map[string]any{
				"description": http.StatusText(rt.status),
				"content":     content,
			},
		}
		for _, code := range append(rt.errors, 500) {
			responses[strconv.Itoa(code)] = map[string]any{
				"description": http.StatusText(code),
				"content":     map[string]any{"application/problem+json": map[string]any{"schema": problemRef}},
			}
		}
		op["responses"] = responses
		item[strings.ToLower(rt.method)] = op
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "Crosscheck API",
			"version":     "1",
			"description": "Articles, the attributed claims extracted from them, and evidence between outlets. Offsets are Unicode code points into the article text, end exclusive. Errors are RFC 9457 problem details.",
		},
		"paths":      paths,
		"components": map[string]any{"schemas": b.components},
	}
}

func openAPIPath(p string) string {
	// A literal colon is escaped for gin ("/claims\\:search").
	p = strings.ReplaceAll(p, `\:`, ":")
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if strings.HasPrefix(s, ":") {
			parts[i] = "{" + s[1:] + "}"
		}
	}
	return strings.Join(parts, "/")
}

func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	for _, s := range strings.Split(path, "/") {
		if s == "" || s == "api" || s == "v1" {
			continue
		}
		s = strings.TrimPrefix(strings.ReplaceAll(s, `\:`, ":"), ":")
		for _, word := range strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '_' || r == '.' }) {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return b.String()
}

func (s *server) openAPI(c *gin.Context) {
	c.JSON(http.StatusOK, s.spec())
}

// routeExamples are the examples of the main operations, keyed by
// "METHOD path" as the route table writes them; TestOpenAPIExamples checks
// every key names a route.
func routeExamples() map[string]routeExample {
	published := time.Date(2024, 2, 12, 9, 30, 0, 0, time.UTC)
	ingested := time.Date(2024, 2, 12, 10, 2, 11, 0, time.UTC)
	domain := "samplewire.example"
	text := "Harbour bridge to close for repairs\n\nThe Kessington harbour bridge will close for six weeks from March, city officials said on Monday.\n\n" +
		"\"The cables are older than anyone expected, and we cannot wait another winter,\" said Marta Olsen, the city's chief engineer.\n"
	speaker := int64(7)
	mentionStart, mentionEnd, cueStart, cueEnd := 221, 232, 216, 220
	claim := claims.Claim{ID: 42, ArticleID: 3, Kind: claims.Direct, ContentStart: 137, ContentEnd: 213,
		ContentText: "The cables are older than anyone expected, and we cannot wait another winter",
		SpeakerID:   &speaker, Speaker: &claims.Speaker{ID: speaker, Name: "Marta Olsen", Role: "chief engineer", Organisation: "Kessington city", Kind: claims.Person, Aliases: claims.Aliases{}},
		MentionStart: &mentionStart, MentionEnd: &mentionEnd, MentionText: "Marta Olsen", CueStart: &cueStart, CueEnd: &cueEnd, CueText: "said",
		Confidence: 0.92, ExtractorVersion: "quotes-3", Status: claims.Unreviewed, Version: 1, CreatedAt: ingested, UpdatedAt: ingested}
	article := articleWithClaims{
		articleDoc: articleDoc{Article: sources.Article{ID: 3, Outlet: sources.Outlet{ID: 2, Name: "Sample Wire", Domain: &domain, Version: 1, CreatedAt: ingested},
			URL: "https://samplewire.example/bridge", Title: "Harbour bridge to close for repairs", PublishedAt: &published, Language: "en", Text: text,
			ContentHash: []byte{0x5b, 0x1e, 0x90, 0x2c, 0x4d, 0x77, 0x13, 0xa8, 0x60, 0x0f, 0xe2, 0x39, 0xc4, 0x81, 0x5a, 0xd6, 0x2b, 0x9e, 0x07, 0x73, 0xf1, 0x48, 0xbc, 0x25, 0x6a, 0xd0, 0x3e, 0x94, 0x11, 0xcf, 0x58, 0x82},
			IngestedAt:  ingested}, ClaimCount: 1},
		Claims: []claimDoc{claim.JSONShape()},
	}
	out := map[string]routeExample{
		"POST /api/v1/articles": {
			requests: map[string]example{"pasted": {"An article pasted as text, its outlet named", articleRequest{Text: text, Title: "Harbour bridge to close for repairs",
				Outlet: "Sample Wire", URL: "https://samplewire.example/bridge", PublishedAt: "2024-02-12", Language: "en"}}},
			responses: map[string]example{"stored": {"The stored article with the claims extracted from it", article}},
		},
		"GET /api/v1/claims": {
			params:    map[string]any{"speaker": speaker, "kind": "direct", "q": "cables", "page_size": 1},
			responses: map[string]example{"page": {"A page of claims; next_page_token asks for the next", claimPage{Items: []claimDoc{claim.JSONShape()}, NextPageToken: "eyJpIjo0Mn0"}}},
		},
		"GET /api/v1/exports/:file": {
			params: map[string]any{"file": "claims.csv", "outlet": "samplewire.example", "from": "2024-01-01"},
		},
	}
	for k, v := range lookupExamples() {
		out[k] = v
	}
	return out
}
