package indexer

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/schollz/progressbar/v3"

	"hoptac/internal/search"
	"hoptac/internal/store"
)

// ReindexReport compares what was indexed with PostgreSQL.
type ReindexReport struct {
	Indexed  map[string]int // per type
	Database map[string]int // public entries per type
	Replayed int64          // outbox rows replayed onto the new index
}

// BuildIndexSuffix names the index a rebuild fills beside the live one.
const BuildIndexSuffix = "_build"

// batchSize of documents per Meilisearch task during a rebuild.
const batchSize = 5000

// Reindex builds a fresh index from PostgreSQL beside the live one, swaps
// it in atomically (searches never see an empty index), drops the old one,
// and replays onto it every change made while it was being built.
func Reindex(ctx context.Context, src *store.Store, engine *search.Engine, names *search.Names, progress io.Writer) (ReindexReport, error) {
	rep := ReindexReport{Indexed: map[string]int{}, Database: map[string]int{}}
	startID, err := src.StartRebuild(ctx, engine.Replica())
	if err != nil {
		return rep, err
	}
	versions, err := src.PublicVersions(ctx)
	if err != nil {
		return rep, err
	}
	for _, v := range versions {
		rep.Database[v.Type]++
	}

	live := engine
	build := engine.WithIndex(engine.Index() + BuildIndexSuffix)
	if err := build.DeleteIndex(ctx, build.Index()); err != nil { // a leftover of a run that died
		return rep, err
	}
	if err := build.EnsureIndex(ctx); err != nil {
		return rep, err
	}
	bar := progressbar.NewOptions(len(versions),
		progressbar.OptionSetWriter(progress),
		progressbar.OptionSetDescription("reindex"),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(progress) }),
	)
	var tasks []int64
	for _, entityType := range Types {
		var after int64
		for {
			batch, err := load(ctx, src, names, entityType, store.PublicSelection{After: after, Limit: batchSize})
			if err != nil {
				return rep, err
			}
			if len(batch) == 0 {
				break
			}
			uid, err := build.Enqueue(ctx, batch)
			if err != nil {
				return rep, err
			}
			tasks = append(tasks, uid)
			rep.Indexed[entityType] += len(batch)
			after = batch[len(batch)-1].EntityID
			_ = bar.Add(len(batch))
		}
	}
	for _, uid := range tasks {
		if err := build.WaitTask(ctx, uid); err != nil {
			return rep, err
		}
	}
	_ = bar.Finish()

	if err := live.EnsureIndex(ctx); err != nil { // the first run has no live index yet
		return rep, err
	}
	if err := live.Swap(ctx, live.Index(), build.Index()); err != nil {
		return rep, err
	}
	if err := build.DeleteIndex(ctx, build.Index()); err != nil { // now holds the old documents
		return rep, err
	}
	rep.Replayed, err = src.ReplayOutbox(ctx, live.Replica(), startID)
	return rep, err
}

// Difference is one entry on which the index and the database disagree.
type Difference struct {
	ID     string // document id, "<type>-<id>"
	Reason string
}

// Check compares ids and versions between PostgreSQL and the index.
func Check(ctx context.Context, src *store.Store, engine *search.Engine) ([]Difference, error) {
	want, err := src.PublicVersions(ctx)
	if err != nil {
		return nil, err
	}
	have, err := engine.Versions(ctx)
	if err != nil {
		return nil, err
	}
	indexed := make(map[string]int, len(have))
	for _, h := range have {
		indexed[h.ID] = h.Version
	}
	var diffs []Difference
	for _, w := range want {
		id := search.DocumentID(w.Type, w.ID)
		v, ok := indexed[id]
		switch {
		case !ok:
			diffs = append(diffs, Difference{id, "missing from the index"})
		case v != w.Version:
			diffs = append(diffs, Difference{id, "index has version " + strconv.Itoa(v) + ", database " + strconv.Itoa(w.Version)})
		}
		delete(indexed, id)
	}
	for id := range indexed {
		diffs = append(diffs, Difference{id, "in the index but not public in the database"})
	}
	sort.Slice(diffs, func(i, j int) bool { return diffs[i].ID < diffs[j].ID })
	return diffs, nil
}

// String writes the report as a table for the command line.
func (r ReindexReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %10s %10s\n", "type", "indexed", "database")
	for _, t := range Types {
		mark := ""
		if r.Indexed[t] != r.Database[t] {
			mark = "  ≠"
		}
		fmt.Fprintf(&b, "%-12s %10d %10d%s\n", t, r.Indexed[t], r.Database[t], mark)
	}
	fmt.Fprintf(&b, "outbox rows replayed onto the new index: %d\n", r.Replayed)
	return b.String()
}
