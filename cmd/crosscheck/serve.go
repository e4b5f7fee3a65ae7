package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/frontend"
)

func runServe(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("serve", "serve [flags]", e, &c, true)
	qs := addQueueFlags(fs, e, 2)
	envBool := func(key string) bool { v, _ := strconv.ParseBool(e.getenv(key)); return v }
	anonRead := fs.Bool("anonymous-read", envBool("CROSSCHECK_ANONYMOUS_READ"), "let visitors who have not signed in read (env CROSSCHECK_ANONYMOUS_READ); --demo turns it on")
	anonWrite := fs.Bool("insecure-anonymous-write", envBool("CROSSCHECK_INSECURE_ANONYMOUS_WRITE"), "let visitors who have not signed in do everything an admin may; only on a loopback address, for browser tests (env CROSSCHECK_INSECURE_ANONYMOUS_WRITE)")
	tokenRate := fs.Float64("token-rate", 20, "requests per second each API token may make in this process (burst twice that)")
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	readSet := false
	fs.Visit(func(f *flag.Flag) { readSet = readSet || f.Name == "anonymous-read" })
	if c.Demo && !readSet && e.getenv("CROSSCHECK_ANONYMOUS_READ") == "" {
		*anonRead = true
	}
	if *anonWrite && !loopback(c.ListenAddr) {
		return usageError{"--insecure-anonymous-write is only allowed on a loopback address (localhost, 127.0.0.1, ::1), not " + c.ListenAddr}
	}
	if *tokenRate <= 0 {
		return usageError{"--token-rate must be positive"}
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
		if err := ensureDemoAdmin(ctx, db.Gorm, e); err != nil {
			return fmt.Errorf("demo admin: %w", err)
		}
	}
	if *anonWrite {
		log.Warn("anyone who can reach this address may change everything: --insecure-anonymous-write is on")
	}
	if n, err := api.NewAccounts(db.Gorm).CountUsers(ctx); err == nil && n == 0 && !*anonWrite {
		log.Warn("nobody can sign in yet: make the first admin with `crosscheck user add --email ADDRESS --role admin`")
	}

	ln, err := net.Listen("tcp", c.ListenAddr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler: api.New(db.Gorm, log, api.Options{Frontend: frontend.Handler(), Ping: db.Ping, Jobs: jobs,
			AllowAnonymousRead: *anonRead, AllowAnonymousWrite: *anonWrite, TokenRate: *tokenRate, TokenBurst: max(1, int(2**tokenRate))}),
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

// loopback reports whether addr listens only on this machine.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
