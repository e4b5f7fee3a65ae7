package migrations

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a PostgreSQL server Crosscheck can use.
type Server struct {
	// URL reaches the server's maintenance database ("postgres") as a role
	// that may create databases, or, when it came from DATABASE_URL, exactly
	// the database configured there.
	URL string
	// How says where it came from, for the log.
	How string
	// Configured is true when URL came from DATABASE_URL: such a database is
	// used as it is, never created or dropped.
	Configured bool

	// bin and dir are set for a private cluster, which pg_ctl can stop and
	// restart.
	bin, dir string
}

// FindOptions tune Find.
type FindOptions struct {
	// DatabaseURL, when set, is used as it is (the DATABASE_URL setting).
	DatabaseURL string
	// DataDir holds the private cluster started when no server answers.
	// Default ".data/pg".
	DataDir string
	// Install allows installing Debian's postgresql package when no
	// PostgreSQL binaries are found and the process runs as root.
	Install bool
	Log     *slog.Logger
}

// Find returns a PostgreSQL server, trying in turn: the configured
// DATABASE_URL; a server on 127.0.0.1:5432 that accepts a connection; a
// private cluster under DataDir, started (and first created) with the
// installed initdb and pg_ctl on a free loopback port; and, on Debian as root
// with Install set, the postgresql package installed first. Otherwise it
// says what to install.
func Find(ctx context.Context, o FindOptions) (*Server, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.DataDir == "" {
		o.DataDir = filepath.Join(".data", "pg")
	}
	if o.DatabaseURL != "" {
		if err := ping(ctx, o.DatabaseURL); err != nil {
			return nil, fmt.Errorf("DATABASE_URL: %w", err)
		}
		return &Server{URL: o.DatabaseURL, How: "DATABASE_URL", Configured: true}, nil
	}
	for _, u := range localCandidates() {
		if ping(ctx, u) == nil {
			return &Server{URL: u, How: "server on 127.0.0.1:5432"}, nil
		}
	}
	bin, err := findBinaries()
	if err != nil && o.Install {
		if ierr := installPostgres(ctx, o.Log); ierr != nil {
			return nil, fmt.Errorf("%w; installing it failed: %v", err, ierr)
		}
		// Debian's package starts its own cluster on 5432 where it can.
		for _, u := range localCandidates() {
			if ping(ctx, u) == nil {
				return &Server{URL: u, How: "server on 127.0.0.1:5432"}, nil
			}
		}
		bin, err = findBinaries()
	}
	if err != nil {
		return nil, err
	}
	return startPrivate(ctx, bin, o.DataDir, o.Log)
}

// localCandidates are the URLs a default local install answers on: the
// postgres superuser first, then a role named after the OS user.
func localCandidates() []string {
	names := []string{"postgres"}
	if v := os.Getenv("PGUSER"); v != "" {
		names = append([]string{v}, names...)
	}
	if u, err := user.Current(); err == nil && u.Username != "postgres" {
		names = append(names, u.Username)
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, (&url.URL{
			Scheme:   "postgres",
			User:     url.User(n),
			Host:     "127.0.0.1:5432",
			Path:     "/postgres",
			RawQuery: "sslmode=disable&connect_timeout=3",
		}).String())
	}
	return out
}

func ping(ctx context.Context, u string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return conn.Ping(ctx)
}

var errNoPostgres = errors.New("no PostgreSQL server answers on 127.0.0.1:5432 and no PostgreSQL binaries (initdb, pg_ctl) are installed: " +
	"install PostgreSQL 15 or newer (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or set DATABASE_URL")

// findBinaries returns the directory holding initdb and pg_ctl, preferring
// the newest Debian-style install, then PATH.
func findBinaries() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		d := filepath.Dir(p)
		if isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", errNoPostgres
}

func versionOf(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func isExec(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

func installPostgres(ctx context.Context, log *slog.Logger) error {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		return errors.New("automatic install needs root on Linux")
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return errors.New("automatic install needs apt-get (Debian or Ubuntu)")
	}
	log.Info("installing PostgreSQL with apt-get (once)")
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", "postgresql"}} {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("apt-get %s: %v: %s", strings.Join(args, " "), err, lastLines(out, 5))
		}
	}
	return nil
}

// StartPrivate starts (creating it on first use) a private cluster under
// dir with the installed PostgreSQL binaries, whether or not another server
// answers: for tests that stop and restart their own server.
func StartPrivate(ctx context.Context, dir string, log *slog.Logger) (*Server, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return startPrivate(ctx, bin, dir, log)
}

// Restart restarts a private cluster (pg_ctl restart -m fast): every
// connection is cut, as when a database server fails over.
// The log file must be named again: without it the new server writes to
// pg_ctl's output, which then never closes.
func (s *Server) Restart(ctx context.Context) error {
	return s.pgctl(ctx, "restart", "-w", "-m", "fast", "-l", filepath.Join(s.dir, "server.log"))
}

// Stop stops a private cluster at once.
func (s *Server) Stop(ctx context.Context) error { return s.pgctl(ctx, "stop", "-m", "immediate") }

func (s *Server) pgctl(ctx context.Context, args ...string) error {
	if s.dir == "" {
		return errors.New("only a private cluster can be stopped or restarted")
	}
	argv := append([]string{filepath.Join(s.bin, "pg_ctl")}, args...)
	argv = append(argv, "-D", s.dir)
	if os.Geteuid() == 0 {
		argv = append([]string{"runuser", "-u", "postgres", "--"}, argv...)
	}
	if out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput(); err != nil {
		return fmt.Errorf("pg_ctl %s: %v: %s", args[0], err, lastLines(out, 5))
	}
	return nil
}

// startPrivate runs a cluster of our own under dir, creating it on first use.
// It outlives the process, so the next run finds it again through the port
// file; pg_ctl stop -D dir ends it.
func startPrivate(ctx context.Context, bin, dir string, log *slog.Logger) (*Server, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	portFile := filepath.Join(dir, "crosscheck.port")
	if b, err := os.ReadFile(portFile); err == nil {
		u := privateURL(strings.TrimSpace(string(b)))
		if ping(ctx, u) == nil {
			return &Server{URL: u, How: "private cluster in " + dir, bin: bin, dir: dir}, nil
		}
	}
	// initdb and postgres refuse to run as root; run them as the postgres
	// account the package creates.
	var runAs []string
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			return nil, errors.New("running as root and there is no postgres account to run a private cluster as: set DATABASE_URL")
		}
		runAs = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) error {
		argv := append(append(append([]string{}, runAs...), filepath.Join(bin, name)), args...)
		cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v: %s", name, err, lastLines(out, 8))
		}
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
		log.Info("creating a private PostgreSQL cluster", "dir", dir)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		if len(runAs) > 0 {
			if err := chownToPostgres(dir); err != nil {
				return nil, err
			}
		}
		if err := run("initdb", "-D", dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"); err != nil {
			return nil, err
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	logFile := filepath.Join(dir, "server.log")
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s", port, dir)
	log.Info("starting the private PostgreSQL cluster", "dir", dir, "port", port)
	if err := run("pg_ctl", "start", "-w", "-t", "60", "-D", dir, "-l", logFile, "-o", opts); err != nil {
		return nil, err
	}
	if err := os.WriteFile(portFile, []byte(strconv.Itoa(port)), 0o644); err != nil {
		return nil, err
	}
	u := privateURL(strconv.Itoa(port))
	if err := ping(ctx, u); err != nil {
		return nil, fmt.Errorf("private cluster started but does not answer: %w (see %s)", err, logFile)
	}
	return &Server{URL: u, How: "private cluster in " + dir, bin: bin, dir: dir}, nil
}

func privateURL(port string) string {
	return "postgres://postgres@127.0.0.1:" + port + "/postgres?sslmode=disable&connect_timeout=3"
}

func chownToPostgres(dir string) error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	// The parents must be traversable by postgres too.
	for d := filepath.Dir(dir); d != "/" && d != "."; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(d, st.Mode().Perm()|0o011); err != nil {
				return err
			}
		}
	}
	return os.Chown(dir, uid, gid)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// WithDatabase returns serverURL with its database replaced by name.
func WithDatabase(serverURL, name string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", fmt.Errorf("database url: %w", err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// Ensure creates the database name on the server if it does not exist and
// returns its URL. A configured server's database is returned unchanged.
func (s *Server) Ensure(ctx context.Context, name string) (string, error) {
	if s.Configured {
		return s.URL, nil
	}
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return "", err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		if _, err := conn.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize()); err != nil {
			return "", fmt.Errorf("create database %s: %w", name, err)
		}
	}
	return WithDatabase(s.URL, name)
}

// Drop removes the database name from the server.
func (s *Server) Drop(ctx context.Context, name string) error {
	if s.Configured {
		return errors.New("refusing to drop the configured DATABASE_URL database")
	}
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	_, err = conn.Exec(ctx, `DROP DATABASE IF EXISTS `+pgx.Identifier{name}.Sanitize()+` WITH (FORCE)`)
	return err
}
