package main

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// The demo articles: the Press TV report Crosscheck was designed around, and
// reports of our own writing from fictional outlets.
//
//go:embed demo
var demo embed.FS

type demoArticle struct {
	File        string `json:"file"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet"`
	URL         string `json:"url"`
	PublishedAt string `json:"published_at"`
}

// loadDemo ingests the demo articles. Stored texts are recognised by their
// hash, so loading twice stores nothing new.
func loadDemo(ctx context.Context, db *gorm.DB, log *slog.Logger) error {
	b, err := demo.ReadFile("demo/articles.json")
	if err != nil {
		return err
	}
	var list []demoArticle
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("demo/articles.json: %w", err)
	}
	stored := 0
	for _, d := range list {
		text, err := demo.ReadFile("demo/" + d.File)
		if err != nil {
			return err
		}
		sub := sources.Submission{Text: string(text), Title: d.Title, Outlet: d.Outlet, URL: d.URL}
		if d.PublishedAt != "" {
			t, err := time.Parse(time.DateOnly, d.PublishedAt)
			if err != nil {
				return fmt.Errorf("%s: published_at: %w", d.File, err)
			}
			sub.PublishedAt = &t
		}
		res, err := claims.Ingest(ctx, db, sub)
		if err != nil {
			return fmt.Errorf("%s: %w", d.File, err)
		}
		if res.Created {
			stored++
		}
	}
	if stored > 0 {
		log.Info("loaded demo articles", "stored", stored)
	}
	return nil
}
