package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/frontend"
)

func runServe(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("serve", "serve [flags]", e, &c, true)
	qs := addQueueFlags(fs, e, 2)
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	log := c.logger(e.stderr)
	db, err := c.openDB(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	jobs, stopJobs, err := qs.start(ctx, db, log)
	if err != nil {
		return err
	}
	defer stopJobs()
	if c.Demo {
		if err := loadDemo(ctx, db.Gorm, log); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}

	ln, err := net.Listen("tcp", c.ListenAddr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           api.New(db.Gorm, log, api.Options{Frontend: frontend.Handler(), Ping: db.Ping, Jobs: jobs}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // exports stream for a while
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	addr := ln.Addr().String()
	if host, port, err := net.SplitHostPort(addr); err == nil && (host == "127.0.0.1" || host == "::1" || host == "::" || host == "0.0.0.0") {
		addr = net.JoinHostPort("localhost", port)
	}
	fmt.Fprintf(e.stdout, "Crosscheck is serving on http://%s\n", addr)
	log.Info("serving", "addr", ln.Addr().String())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", "timeout", c.ShutdownIn)
	sctx, cancel := context.WithTimeout(context.Background(), c.ShutdownIn)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
