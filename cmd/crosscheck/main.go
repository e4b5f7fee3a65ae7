// Command crosscheck is Crosscheck's single binary: the server, the
// database migrations, ingest, extraction and export.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "crosscheck:", err)
		}
		os.Exit(exitCode(err))
	}
}

// env is the process environment, passed down instead of read globally.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":         {"run the web app and the JSON API", runServe},
		"migrate":       {"apply pending database migrations", runMigrate},
		"ingest":        {"store articles from files and extract their claims", runIngest},
		"worker":        {"work queued jobs (fetching articles from URLs, re-extraction)", runWorker},
		"eval-matching": {"measure evidence retrieval and stance suggestion on Emergent (and FNC-1)", runEvalMatching},
		"reextract":     {"queue re-extraction of stored articles with the current extractor", runReextract},
		"extract": {"print the claims of a text as JSON, without a database", func(ctx context.Context, e env, args []string) error {
			return runExtract(ctx, args, e.stdin, e.stdout)
		}},
		"export": {"write the claim or evidence table: CSV, JSON Lines, Parquet, bundles, ClaimReview, annotations", runExport},
		"dev-db": {"print the URL of a usable database, starting one if needed", runDevDB},
		"user":   {"add or list the people who sign in (user add makes the first admin)", runUser},
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return errors.New("no command given")
		}
		return flag.ErrHelp
	}
	c, ok := cmds[args[0]]
	if !ok {
		usage(stderr, cmds)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("Crosscheck: attributed claims from news reports, checked across outlets.\n\nUsage: crosscheck COMMAND [flags]\n\nCommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\nRun 'crosscheck COMMAND --help' for a command's flags.\n")
	io.WriteString(w, b.String())
}

// usageError marks a mistake in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var u usageError
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if errors.As(err, &u) {
		return 2
	}
	return 1
}
