package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"hoptac/internal/search"
	"hoptac/internal/store"
)

// newMetrics registers what /metrics reports: the search outbox (pending
// rows and the age of the oldest, read at each scrape), searches answered
// by the PostgreSQL fallback, and the Go runtime.
func newMetrics(st *store.Store, service *search.Service) *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	state := func() store.OutboxState {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		s, _ := st.OutboxState(ctx)
		return s
	}
	gauge := func(name, help string, value func() float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, value)
	}
	reg.MustRegister(
		gauge("hoptac_search_outbox_pending", "Changes waiting to reach the search index.",
			func() float64 { return float64(state().Pending) }),
		gauge("hoptac_search_outbox_oldest_pending_seconds", "Age of the oldest change waiting to reach the search index.",
			func() float64 { return state().OldestPendingAge.Seconds() }),
		gauge("hoptac_search_outbox_parked", "Changes the search engine refused repeatedly, kept with their error.",
			func() float64 { return float64(state().Parked) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "hoptac_search_fallback_total",
			Help: "Searches answered by PostgreSQL because Meilisearch was unreachable or slow.",
		}, func() float64 { return float64(service.Fallbacks.Load()) }),
		replicaCollector{st},
	)
	return reg
}

// replicaCollector reports each search replica's backlog at each scrape.
type replicaCollector struct{ st *store.Store }

var (
	replicaPendingDesc = prometheus.NewDesc("hoptac_search_replica_pending",
		"Changes waiting to reach one search replica.", []string{"replica"}, nil)
	replicaLagDesc = prometheus.NewDesc("hoptac_search_replica_lag_seconds",
		"Age of the oldest change one search replica lacks; past SEARCH_MAX_LAG it answers no search.", []string{"replica"}, nil)
	replicaRebuildDesc = prometheus.NewDesc("hoptac_search_replica_rebuild_needed",
		"1 while a replica waits for `hoptac reindex --replica`.", []string{"replica"}, nil)
)

func (c replicaCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- replicaPendingDesc
	ch <- replicaLagDesc
	ch <- replicaRebuildDesc
}

func (c replicaCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	states, err := c.st.ReplicaStates(ctx)
	if err != nil {
		return
	}
	for _, r := range states {
		rebuild := 0.0
		if r.RebuildNeeded {
			rebuild = 1
		}
		ch <- prometheus.MustNewConstMetric(replicaPendingDesc, prometheus.GaugeValue, float64(r.Pending), r.Name)
		ch <- prometheus.MustNewConstMetric(replicaLagDesc, prometheus.GaugeValue, r.Lag().Seconds(), r.Name)
		ch <- prometheus.MustNewConstMetric(replicaRebuildDesc, prometheus.GaugeValue, rebuild, r.Name)
	}
}

// metricsServer is the /metrics listener; its zero value (METRICS_ADDR
// empty) serves nothing.
type metricsServer struct{ srv *http.Server }

// listenMetrics serves reg at /metrics on addr, apart from the public app.
// A busy address fails start-up rather than leave metrics silently off.
func listenMetrics(addr string, reg prometheus.Gatherer, logger *slog.Logger) (metricsServer, error) {
	if addr == "" {
		return metricsServer{}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return metricsServer{}, fmt.Errorf("METRICS_ADDR: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("metrics listener stopped", slog.String("error", err.Error()))
		}
	}()
	logger.Info("metrics listening", slog.String("addr", ln.Addr().String()))
	return metricsServer{srv: srv}, nil
}

// Close stops the listener; a scrape in flight is cut, which Prometheus
// retries.
func (m metricsServer) Close() {
	if m.srv != nil {
		_ = m.srv.Close()
	}
}
