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

// describe builds the OpenAPI 3.1 document for the routes.
func describe(routes []route) map[string]any {
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
		var params []any
		for _, p := range rt.params {
			params = append(params, map[string]any{
				"name": p.name, "in": p.in, "required": p.required || p.in == "path",
				"description": p.desc, "schema": map[string]any{"type": p.typ},
			})
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.body != nil {
			op["requestBody"] = map[string]any{
				"required": true,
				"content":  map[string]any{"application/json": map[string]any{"schema": b.schema(reflect.TypeOf(rt.body))}},
			}
		}
		responses := map[string]any{
			strconv.Itoa(rt.status): map[string]any{
				"description": http.StatusText(rt.status),
				"content":     map[string]any{"application/json": map[string]any{"schema": b.schema(reflect.TypeOf(rt.resp))}},
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
