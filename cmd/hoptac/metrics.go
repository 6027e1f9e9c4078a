package main

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

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
	reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "hoptac_search_outbox_pending",
			Help: "Changes waiting to reach the search index.",
		}, func() float64 { return float64(state().Pending) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "hoptac_search_outbox_oldest_pending_seconds",
			Help: "Age of the oldest change waiting to reach the search index.",
		}, func() float64 { return state().OldestPendingAge.Seconds() }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "hoptac_search_outbox_parked",
			Help: "Changes the search engine refused repeatedly, kept with their error.",
		}, func() float64 { return float64(state().Parked) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "hoptac_search_fallback_total",
			Help: "Searches answered by PostgreSQL because Meilisearch was unreachable or slow.",
		}, func() float64 { return float64(service.Fallbacks.Load()) }),
	)
	return reg
}
