package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

func TestUserAdd(t *testing.T) {
	dbURL := pgtest.URL(t)
	getenv := func(k string) string {
		if k == "DATABASE_URL" {
			return dbURL
		}
		return ""
	}
	add := func(stdin string, args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"user", "add"}, args...), getenv, strings.NewReader(stdin), &out, &errb)
		return out.String() + errb.String(), err
	}
	if out, err := add("a long password\n", "--email", "Ada@Example.org", "--role", "admin", "--name", "Ada", "--password-stdin"); err != nil || !strings.Contains(out, "added ada@example.org (admin)") {
		t.Fatalf("user add: %v %s", err, out)
	}
	// Piped without the flag, the first line is the password too.
	if _, err := add("another long one", "--email", "rex@example.org", "--role", "reviewer"); err != nil {
		t.Fatal(err)
	}
	if _, err := add("short\n", "--email", "x@example.org", "--role", "reviewer"); err == nil || !strings.Contains(err.Error(), "at least 10") {
		t.Fatalf("short password: %v", err)
	}
	if _, err := add("a long password\n", "--email", "ada@example.org", "--role", "admin"); err == nil {
		t.Fatal("the same email twice")
	}
	if _, err := add("a long password\n", "--email", "y@example.org"); exitCode(err) != 2 {
		t.Fatalf("no role: %v", err)
	}

	db, err := migrations.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var hash string
	if err := db.SQL.QueryRow(`SELECT password_hash FROM users WHERE email = 'ada@example.org'`).Scan(&hash); err != nil || !strings.HasPrefix(hash, "$argon2id$") {
		t.Fatalf("stored hash %q %v", hash, err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"user", "list"}, getenv, strings.NewReader(""), &out, &out); err != nil || strings.Count(out.String(), "\n") != 2 {
		t.Fatalf("user list: %v %q", err, out.String())
	}
}
