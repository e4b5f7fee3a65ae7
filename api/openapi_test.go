package api

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestOpenAPIExamples checks the examples of the OpenAPI description: every
// one names a route, the lookup operations carry request, response and
// parameter examples, and every example is valid against its schema.
func TestOpenAPIExamples(t *testing.T) {
	s := &server{}
	routes := map[string]bool{}
	for _, rt := range s.routes() {
		routes[rt.method+" "+rt.path] = true
	}
	for key := range routeExamples() {
		if !routes[key] {
			t.Errorf("example for %q, which is no route", key)
		}
	}

	// Through JSON, as clients read it.
	b, err := json.Marshal(describe(s.routes()))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	op := func(path, method string) map[string]any {
		o := doc.Paths[path][method]
		if o == nil {
			t.Fatalf("%s %s is not described", method, path)
		}
		return o
	}
	examplesOf := func(content any) map[string]any {
		media, _ := content.(map[string]any)["application/json"].(map[string]any)
		ex, _ := media["examples"].(map[string]any)
		return ex
	}
	search, lookup := op("/api/v1/claims:search", "get"), op("/api/v1/claims:lookup", "post")
	for name, o := range map[string]map[string]any{"claims:search": search, "claims:lookup": lookup} {
		resp := o["responses"].(map[string]any)["200"].(map[string]any)
		if len(examplesOf(resp["content"])) == 0 {
			t.Errorf("%s has no response example", name)
		}
	}
	if body, _ := lookup["requestBody"].(map[string]any); body == nil || len(examplesOf(body["content"])) == 0 {
		t.Error("claims:lookup has no request example")
	}
	for _, p := range search["parameters"].([]any) {
		if p := p.(map[string]any); p["name"] == "query" && p["example"] == nil {
			t.Error("claims:search's query parameter has no example")
		}
	}

	// Every example against its schema.
	checked := 0
	for path, item := range doc.Paths {
		for method, o := range item {
			check := func(where string, content any) {
				media, _ := content.(map[string]any)["application/json"].(map[string]any)
				for name, ex := range examplesOf(content) {
					checked++
					if err := conforms(doc.Components.Schemas, media["schema"], ex.(map[string]any)["value"], ""); err != nil {
						t.Errorf("%s %s %s example %q: %v", method, path, where, name, err)
					}
				}
			}
			if body, ok := o["requestBody"].(map[string]any); ok {
				check("request", body["content"])
			}
			for code, r := range o["responses"].(map[string]any) {
				check("response "+code, r.(map[string]any)["content"])
			}
		}
	}
	if checked < 5 {
		t.Errorf("checked %d examples", checked)
	}
	// The check itself finds a departure.
	claim := map[string]any{"$ref": "#/components/schemas/Claim"}
	if conforms(doc.Components.Schemas, claim, map[string]any{"id": float64(1), "no_such_field": true}, "") == nil {
		t.Error("conforms accepts a field the schema lacks")
	}
	if conforms(doc.Components.Schemas, claim, map[string]any{"id": "one"}, "") == nil {
		t.Error("conforms accepts a string for an integer")
	}
}

// conforms reports how v departs from the JSON schema s (the subset the
// generator writes: $ref, oneOf, type, properties, required,
// additionalProperties, items).
func conforms(schemas map[string]any, s, v any, at string) error {
	sm, _ := s.(map[string]any)
	if ref, ok := sm["$ref"].(string); ok {
		return conforms(schemas, schemas[strings.TrimPrefix(ref, "#/components/schemas/")], v, at)
	}
	if one, ok := sm["oneOf"].([]any); ok {
		for _, alt := range one {
			if conforms(schemas, alt, v, at) == nil {
				return nil
			}
		}
		return fmt.Errorf("%s: %v matches no alternative", at, v)
	}
	var types []string
	switch t := sm["type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, x := range t {
			types = append(types, x.(string))
		}
	}
	if len(types) > 0 {
		ok := false
		for _, t := range types {
			switch x := v.(type) {
			case nil:
				ok = ok || t == "null"
			case bool:
				ok = ok || t == "boolean"
			case string:
				ok = ok || t == "string"
			case float64:
				ok = ok || t == "number" || (t == "integer" && x == float64(int64(x)))
			case []any:
				ok = ok || t == "array"
			case map[string]any:
				ok = ok || t == "object"
			}
		}
		if !ok {
			return fmt.Errorf("%s: %v is not %v", at, v, types)
		}
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := sm["properties"].(map[string]any)
		for k, pv := range x {
			ps, ok := props[k]
			if !ok {
				if extra, _ := sm["additionalProperties"].(map[string]any); extra != nil {
					ps = extra
				} else if props != nil {
					return fmt.Errorf("%s: %q is not in the schema", at, k)
				}
			}
			if err := conforms(schemas, ps, pv, at+"."+k); err != nil {
				return err
			}
		}
		req, _ := sm["required"].([]any)
		for _, r := range req {
			if _, ok := x[r.(string)]; !ok {
				return fmt.Errorf("%s: %q is required", at, r)
			}
		}
	case []any:
		for i, e := range x {
			if err := conforms(schemas, sm["items"], e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// An export answers with a file: the description names its media types,
// not JSON.
func TestOpenAPIExportsAreFiles(t *testing.T) {
	s := &server{}
	b, err := json.Marshal(describe(s.routes()))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]any `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	content := doc.Paths["/api/v1/exports/{file}"]["get"].Responses["200"].Content
	for _, mt := range []string{"text/csv", "application/vnd.apache.parquet", "application/zip"} {
		if _, ok := content[mt]; !ok {
			t.Errorf("exports answer no %s: %v", mt, content)
		}
	}
	if _, ok := content["application/json"]; ok {
		t.Error("exports are described as JSON")
	}
}
