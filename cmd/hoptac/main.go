// Command hoptac is the portal's one binary: serve, migrate, seed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"hoptac/internal/auth"
	"hoptac/internal/codes"
	"hoptac/internal/config"
	"hoptac/internal/importer"
	"hoptac/internal/indexer"
	"hoptac/internal/search"
	"hoptac/internal/seed"
	"hoptac/internal/store"
	"hoptac/internal/web"
	staticfiles "hoptac/static"
	templatefiles "hoptac/templates"
)

const usage = `hoptac — Hợp tác Lao động portal

Usage:
  hoptac serve     run the web portal (HTTP_ADDR, default :8080)
  hoptac migrate   apply database migrations
  hoptac seed      load the demo data set once (safe to run again)
  hoptac seed --size N
                   generate N realistic published entries (benchmarks, load
                   tests); refuses to run twice on one database
  hoptac import FILE [--type T] [--publish] [--dry-run] [--as EMAIL] [--report R]
                   import a CSV, XLSX or JSON Lines file (see the README)
  hoptac user add|disable|list
                   manage officials' accounts (hoptac user for details)
  hoptac reindex [--replica URL]
                   rebuild the search index of every replica (or one) from
                   PostgreSQL and swap it in
  hoptac reindex --check [--replica URL]
                   list differences between PostgreSQL and each replica

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
		if len(args) > 1 {
			return seedGenerated(ctx, cfg, args[1:], stdout)
		}
		return seedDemo(ctx, cfg, stdout)
	case "reindex":
		return reindex(ctx, cfg, args[1:], stdout)
	case "import":
		return importCommand(ctx, cfg, args[1:], stdout)
	case "user":
		return userCommand(ctx, cfg, args[1:], os.Stdin, stdout)
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
		ReadURL:          cfg.DatabaseReadURL,
		MaxReplicaLag:    cfg.DBReadMaxLag,
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

// seedGenerated is `hoptac seed --size N`: a generated data set of N
// entries (see seed.Generate), then a reindex makes it searchable.
func seedGenerated(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("seed", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	size := flags.Int("size", 0, "number of entries to generate")
	if err := flags.Parse(args); err != nil || flags.NArg() > 0 || *size <= 0 {
		return fmt.Errorf("seed takes no argument but --size N (a positive number of entries)")
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	counts, err := seed.Generate(ctx, st, *size, start)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "generated %s in %s\n", counts, time.Since(start).Round(time.Millisecond))
	fmt.Fprintln(stdout, "run `hoptac reindex` to make them searchable at once (the outbox worker of `hoptac serve` would index them one batch at a time)")
	return nil
}

// defaultMemoryLimit is the Go runtime's soft memory limit for serve when
// GOMEMLIMIT is not set: the collector works harder as the heap nears it,
// which keeps the process inside its 300 MB budget under a login flood
// (four 19 MiB password checks and their garbage).
const defaultMemoryLimit = 200 << 20

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger) error {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
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
	engines := searchEngines(cfg)
	for _, e := range engines {
		defer e.Close()
	}
	// The code tables are read once and shared by pages, imports and the
	// search documents.
	tables, err := codes.Load(ctx, st)
	if err != nil {
		return err
	}
	names := search.NamesFrom(tables)
	replicas := search.NewReplicas(engines, cfg.SearchMaxLag)
	service := search.NewService(replicas, st, logger)
	// A replica taken out of MEILI_URLS (the same on every portal) must
	// not hold back the pruning of changes it will never need.
	if n, err := st.ForgetReplicasExcept(ctx, replicaNames(engines)); err != nil {
		return err
	} else if n > 0 {
		logger.Info("search replicas no longer configured were dropped", slog.Int64("count", n))
	}

	// Each Meilisearch may be down now; the portal starts anyway and sets
	// its index up, then runs its outbox worker, as soon as it answers.
	var workers sync.WaitGroup
	for _, e := range engines {
		workers.Add(1)
		go func() {
			defer workers.Done()
			runSearchSync(ctx, cfg, st, e, names, logger)
		}()
	}
	workers.Add(1)
	go func() {
		defer workers.Done()
		replicas.Watch(ctx, st.ReplicaStates, time.Second)
	}()

	// Temp files of imports a killed process never finished.
	if n, err := importer.SweepTemp(os.TempDir(), time.Now()); err != nil {
		logger.Warn("sweep import temp files", slog.String("error", err.Error()))
	} else if n > 0 {
		logger.Info("removed import temp files left behind", slog.Int("count", n))
	}

	templates, static, err := assets(cfg.TemplatesFromDir)
	if err != nil {
		return err
	}
	deps := webDeps(cfg)
	deps.Store, deps.Logger, deps.Codes, deps.Templates, deps.Static = st, logger, tables, templates, static
	deps.Search, deps.SearchHealth = service, replicas
	deps.ImportLimits = importer.Limits{MaxRows: cfg.ImportMaxRows}
	app, err := web.New(ctx, deps)
	if err != nil {
		return err
	}
	// /metrics listens apart from the portal (loopback by default), so
	// the public never sees it.
	metrics, err := listenMetrics(cfg.MetricsAddr, newMetrics(st, service), logger)
	if err != nil {
		return err
	}

	errc := make(chan error, 1)
	go func() { errc <- app.Listen(cfg.HTTPAddr) }()
	logger.Info("portal listening", slog.String("addr", cfg.HTTPAddr))

	select {
	case err := <-errc:
		metrics.Close()
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	if err := app.ShutdownWithTimeout(cfg.ShutdownTimeout); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	metrics.Close()
	workers.Wait()
	if err := <-errc; err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// webDeps is every setting of the web app that comes from the
// configuration; serve adds the parts it has opened.
func webDeps(cfg config.Config) web.Deps {
	// Any PUBLIC_URL starts the absolute links; only an https:// one also
	// makes every response one over TLS (web.New tells them apart).
	return web.Deps{
		TrustedProxies: cfg.TrustedProxies,
		ProxyHeader:    cfg.ProxyHeader,
		PublicURL:      cfg.PublicURL,
		Hasher:         auth.NewHasher(cfg.LoginMaxConcurrentHashes, auth.HashWait),
		ReadTimeout:    cfg.ReadTimeout, WriteTimeout: cfg.WriteTimeout, IdleTimeout: cfg.IdleTimeout,
	}
}

// runSearchSync prepares the index (settings, search-only key) once
// Meilisearch answers, then drains the outbox until ctx ends.
func runSearchSync(ctx context.Context, cfg config.Config, st *store.Store, engine *search.Engine, names *search.Names, logger *slog.Logger) {
	for wait := time.Second; ; wait = min(2*wait, 30*time.Second) {
		err := engine.EnsureIndex(ctx)
		if err == nil && cfg.MeiliMasterKey != "" {
			err = engine.UseSearchKey(ctx)
		}
		if err == nil {
			break
		}
		logger.Warn("search engine not ready; search answers from PostgreSQL meanwhile",
			slog.String("error", err.Error()), slog.Duration("retry_in", wait))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
	wake, err := st.ListenOutbox(ctx)
	if err != nil {
		logger.Warn("no LISTEN on the outbox; polling instead", slog.String("error", err.Error()))
	}
	logger.Info("search index ready; syncing from the outbox", slog.String("replica", engine.Replica()))
	indexer.NewWorker(st, engine, names, logger).Run(ctx, wake)
}

// searchEngines are the configured Meilisearch replicas.
func searchEngines(cfg config.Config) []*search.Engine {
	out := make([]*search.Engine, len(cfg.MeiliURLs))
	for i, u := range cfg.MeiliURLs {
		out[i] = search.New(u, cfg.MeiliMasterKey)
	}
	return out
}

func replicaNames(engines []*search.Engine) []string {
	out := make([]string, len(engines))
	for i, e := range engines {
		out[i] = e.Replica()
	}
	return out
}

func reindex(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("reindex", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	check := flags.Bool("check", false, "compare every replica with PostgreSQL")
	only := flags.String("replica", "", "only this Meilisearch (a URL)")
	if err := flags.Parse(args); err != nil || flags.NArg() > 0 {
		return fmt.Errorf("usage: hoptac reindex [--check] [--replica URL]")
	}
	if u, err := url.Parse(*only); *only != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return fmt.Errorf("--replica: %q is not an http:// or https:// URL", *only)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	engines := searchEngines(cfg)
	if *only != "" {
		engines = []*search.Engine{search.New(*only, cfg.MeiliMasterKey)}
	}
	for _, e := range engines {
		defer e.Close()
	}
	if *check {
		return checkReplicas(ctx, st, engines, stdout)
	}
	names, err := search.LoadNames(ctx, st)
	if err != nil {
		return err
	}
	for _, e := range engines {
		start := time.Now()
		rep, err := indexer.Reindex(ctx, st, e, names, os.Stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", e.URL(), err)
		}
		fmt.Fprintf(stdout, "replica %s\n%s", e.URL(), rep.String())
		fmt.Fprintf(stdout, "done in %s\n", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// checkReplicas compares each replica with PostgreSQL and fails if any
// differs.
func checkReplicas(ctx context.Context, st *store.Store, engines []*search.Engine, stdout io.Writer) error {
	var differing []string
	for _, e := range engines {
		diffs, err := indexer.Check(ctx, st, e)
		if err != nil {
			return fmt.Errorf("%s: %w", e.URL(), err)
		}
		for _, d := range diffs {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", e.URL(), d.ID, d.Reason)
		}
		fmt.Fprintf(stdout, "replica %s: differences: %d\n", e.URL(), len(diffs))
		if len(diffs) > 0 {
			differing = append(differing, e.URL())
		}
	}
	if len(differing) > 0 {
		return fmt.Errorf("the search index differs from PostgreSQL on %s: run `hoptac reindex --replica URL`", strings.Join(differing, ", "))
	}
	return nil
}

// assets returns the embedded templates and static files, or those on disk
// under dir (DEV_ASSETS_DIR) so a designer sees changes without a rebuild.
func assets(dir string) (templates, static fs.FS, err error) {
	if dir != "" {
		return os.DirFS(dir + "/templates"), os.DirFS(dir + "/static"), nil
	}
	return templatefiles.FS, staticfiles.FS, nil
}
