// Command hoptac is the portal's one binary: serve, migrate, seed.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	hoptac "hoptac"
	"hoptac/internal/config"
	"hoptac/internal/search"
	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/web"
)

const usage = `hoptac — Hợp tác Lao động portal

Usage:
  hoptac serve     run the web portal (HTTP_ADDR, default :8080)
  hoptac migrate   apply database migrations
  hoptac seed      load the demo data set once (safe to run again)

Configuration is read from the environment: DATABASE_URL, MEILI_URL,
MEILI_MASTER_KEY, HTTP_ADDR and the others listed in the README.
`

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "hoptac:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	logger := newLogger(cfg)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	switch args[0] {
	case "serve":
		return serve(ctx, cfg, logger)
	case "migrate":
		return migrate(ctx, cfg, stdout)
	case "seed":
		return seedDemo(ctx, cfg, stdout)
	default:
		return fmt.Errorf("unknown command %q\n\n%s", args[0], usage)
	}
}

func newLogger(cfg config.Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	return store.Open(ctx, cfg.DatabaseURL, store.Options{
		MaxOpenConns:     cfg.DBMaxConns,
		StatementTimeout: cfg.DBStatementTime,
	})
}

func migrate(ctx context.Context, cfg config.Config, stdout io.Writer) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "migrations applied: %d\n", n)
	return nil
}

func seedDemo(ctx context.Context, cfg config.Config, stdout io.Writer) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	loaded, err := seed.Demo(ctx, st, time.Now())
	if err != nil {
		return err
	}
	if loaded {
		fmt.Fprintln(stdout, "demo data loaded")
	} else {
		fmt.Fprintln(stdout, "demo data already present; nothing to do")
	}
	return nil
}

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	pending, err := st.PendingMigrations(ctx)
	if err != nil {
		return err
	}
	if pending > 0 {
		return fmt.Errorf("%d database migrations are pending: run `hoptac migrate` first", pending)
	}
	engine := search.New(cfg.MeiliURL, cfg.MeiliMasterKey)
	defer engine.Close()

	templates, static, err := assets(cfg.TemplatesFromDir)
	if err != nil {
		return err
	}
	app, err := web.New(ctx, web.Deps{
		Store: st, Logger: logger, Templates: templates, Static: static, Search: engine,
		ReadTimeout: cfg.ReadTimeout, WriteTimeout: cfg.WriteTimeout, IdleTimeout: cfg.IdleTimeout,
	})
	if err != nil {
		return err
	}

	errc := make(chan error, 1)
	go func() { errc <- app.Listen(cfg.HTTPAddr) }()
	logger.Info("portal listening", slog.String("addr", cfg.HTTPAddr))

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	if err := app.ShutdownWithTimeout(cfg.ShutdownTimeout); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// assets returns the embedded templates and static files, or those on disk
// under dir (DEV_ASSETS_DIR) so a designer sees changes without a rebuild.
func assets(dir string) (templates, static fs.FS, err error) {
	if dir != "" {
		return os.DirFS(dir + "/templates"), os.DirFS(dir + "/static"), nil
	}
	if templates, err = fs.Sub(hoptac.Templates, "templates"); err != nil {
		return nil, nil, err
	}
	if static, err = fs.Sub(hoptac.Static, "static"); err != nil {
		return nil, nil, err
	}
	return templates, static, nil
}
