package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/api"
)

// runUser manages the people who sign in: `crosscheck user add` makes the
// first admin (and any other user), `crosscheck user list` shows them.
func runUser(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
		fmt.Fprint(e.stderr, "Usage: crosscheck user add --email ADDRESS --role admin|reviewer|researcher [--name NAME] [--password-stdin]\n       crosscheck user list\n")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return usageError{"user: say add or list"}
	}
	sub := args[0]
	var c config
	fs, level := newFlags("user "+sub, "user "+sub+" [flags]", e, &c, false)
	email := fs.String("email", "", "the address the user signs in with")
	role := fs.String("role", "", "admin (users, tokens, outlets), reviewer (claims, speakers, evidence) or researcher (read and export)")
	name := fs.String("name", "", "the user's name, as the audit trail shows it")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input (for scripts)")
	if err := parse(fs, level, &c, args[1:]); err != nil {
		return err
	}
	log := c.logger(e.stderr)
	db, err := c.openDB(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	accounts := api.NewAccounts(db.Gorm)

	if sub == "list" {
		users, err := accounts.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\n", u.ID, u.Email, u.Role, u.Name)
		}
		return nil
	}
	if *email == "" || *role == "" {
		return usageError{"user add needs --email and --role"}
	}
	pw, err := readPassword(e, *fromStdin)
	if err != nil {
		return err
	}
	u, err := accounts.AddUser(ctx, api.NewUser{Email: *email, Name: *name, Role: api.Role(*role), Password: pw}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added %s (%s), user %d\n", u.Email, u.Role, u.ID)
	return nil
}

// readPassword reads the password: typed twice without echo at a terminal,
// otherwise the first line of standard input.
func readPassword(e env, fromStdin bool) (string, error) {
	f, isFile := e.stdin.(*os.File)
	if !fromStdin && isFile && isTerminal(f) {
		first, err := promptNoEcho(e, f, "Password: ")
		if err != nil {
			return "", err
		}
		again, err := promptNoEcho(e, f, "Again: ")
		if err != nil {
			return "", err
		}
		if first != again {
			return "", errors.New("the passwords differ")
		}
		return first, nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", fmt.Errorf("reading the password from standard input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// promptNoEcho turns the terminal's echo off with stty while a line is read.
func promptNoEcho(e env, f *os.File, prompt string) (string, error) {
	fmt.Fprint(e.stderr, prompt)
	stty := func(arg string) error {
		cmd := exec.Command("stty", arg)
		cmd.Stdin = f
		return cmd.Run()
	}
	if err := stty("-echo"); err != nil {
		return "", fmt.Errorf("cannot turn off echo (%v): use --password-stdin", err)
	}
	defer fmt.Fprintln(e.stderr)
	defer stty("echo")
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// ensureDemoAdmin gives a demo database with no users an admin, and prints
// its password once, so a newcomer can sign in after `make run`.
func ensureDemoAdmin(ctx context.Context, db *gorm.DB, e env) error {
	accounts := api.NewAccounts(db)
	n, err := accounts.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	var b [15]byte
	rand.Read(b[:])
	pw := base64.RawURLEncoding.EncodeToString(b[:])
	u, err := accounts.AddUser(ctx, api.NewUser{Email: "admin@localhost", Name: "Demo admin", Role: api.RoleAdmin, Password: pw}, nil)
	var p *api.Problem
	if errors.As(err, &p) && p.Status == http.StatusConflict {
		return nil // another process made it first
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Made the first admin, shown only now: email %s password %s\n(sign in with POST /api/v1/session; `crosscheck user add` makes more users)\n", u.Email, pw)
	return nil
}
