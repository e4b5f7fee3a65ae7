package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
)

// runAsMainEnv, set in a test binary's environment, makes the binary run
// the crosscheck command its value names (arguments separated by \x1f)
// instead of the tests: a test can then start a real crosscheck process,
// and kill it.
const runAsMainEnv = "CROSSCHECK_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if args := os.Getenv(runAsMainEnv); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		err := run(ctx, strings.Split(args, "\x1f"), os.Getenv, os.Stdin, os.Stdout, os.Stderr)
		stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}
