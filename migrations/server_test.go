package migrations

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The private cluster is what `make run` falls back to on a machine with
// PostgreSQL installed but no server running: create it, start it, reach
// it, and find it again on the next run.
func TestPrivateCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	bin, err := findBinaries()
	if err != nil {
		t.Skipf("no PostgreSQL binaries: %v", err)
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "pg")
	srv, err := startPrivate(ctx, bin, dir, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		argv := []string{filepath.Join(bin, "pg_ctl"), "stop", "-m", "immediate", "-D", dir}
		if os.Geteuid() == 0 {
			argv = append([]string{"runuser", "-u", "postgres", "--"}, argv...)
		}
		if out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput(); err != nil {
			t.Logf("stopping the cluster: %v: %s", err, out)
		}
	})
	u, err := srv.Ensure(ctx, "crosscheck")
	if err != nil {
		t.Fatal(err)
	}
	db, err := OpenMigrated(ctx, u, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	again, err := startPrivate(ctx, bin, dir, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if again.URL != srv.URL {
		t.Fatalf("second start made %s, want the running %s", again.URL, srv.URL)
	}
}
