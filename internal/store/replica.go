package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// DefaultMaxReplicaLag is how far behind the primary a read replica may
// be before public reads go back to the primary.
const DefaultMaxReplicaLag = 10 * time.Second

// replicaCheckEvery is how often the replica's health and lag are read.
const replicaCheckEvery = 500 * time.Millisecond

type publicReadKey struct{}

// PublicRead marks ctx as a public read (a page, the API, an export): its
// queries may be answered by the read replica (Options.ReadURL). Reads
// that must see the reader's own writes (the back office) stay unmarked
// and go to the primary.
func PublicRead(ctx context.Context) context.Context {
	return context.WithValue(ctx, publicReadKey{}, true)
}

// reader is the pool a read in ctx goes to: the replica's routing pool for
// public reads when a replica is configured, the primary otherwise.
func (s *Store) reader(ctx context.Context) *sqlx.DB {
	if s.replica != nil && ctx.Value(publicReadKey{}) != nil {
		return s.replica.pool
	}
	return s.db
}

// replica routes public reads: its pool's connections go to the standby
// while it answers and keeps up, and to the primary otherwise. Each
// connection remembers where it goes, and is dropped by database/sql
// when that is no longer the right place (conn.keep), so the pool follows
// the standby's health without a restart.
type replica struct {
	pool    *sqlx.DB // the routing pool public reads use
	direct  *sqlx.DB // one connection to the standby, for the health check
	healthy atomic.Bool
	maxLag  time.Duration
	stop    chan struct{}
	done    sync.WaitGroup

	// samples of the primary's WAL position, newest last: the standby is
	// within maxLag if it has replayed what the primary had maxLag ago.
	samples []walSample
}

type walSample struct {
	at  time.Time
	lsn uint64
}

func openReplica(readDSN string, primary driver.Connector, maxOpen int, maxLag time.Duration) (*replica, error) {
	standby, err := pq.NewConnector(readDSN)
	if err != nil {
		return nil, fmt.Errorf("open read replica: %w", err)
	}
	if maxLag <= 0 {
		maxLag = DefaultMaxReplicaLag
	}
	r := &replica{maxLag: maxLag, stop: make(chan struct{})}
	r.pool = sqlx.NewDb(sql.OpenDB(&routingConnector{standby: standby, primary: primary, r: r}), "postgres")
	r.direct = sqlx.NewDb(sql.OpenDB(connector{standby}), "postgres")
	r.direct.SetMaxOpenConns(1)
	if maxOpen > 0 {
		r.pool.SetMaxOpenConns(maxOpen)
		r.pool.SetMaxIdleConns(maxOpen)
	}
	r.pool.SetConnMaxIdleTime(5 * time.Minute)
	return r, nil
}

// watch checks the standby until close; the first check runs before
// Open returns, so the first request already goes to the right place.
func (r *replica) watch(primary *sqlx.DB) {
	r.check(primary)
	r.done.Add(1)
	go func() {
		defer r.done.Done()
		t := time.NewTicker(replicaCheckEvery)
		defer t.Stop()
		for {
			select {
			case <-r.stop:
				return
			case <-t.C:
				r.check(primary)
			}
		}
	}()
}

func (r *replica) close() {
	close(r.stop)
	r.done.Wait()
	r.pool.Close()
	r.direct.Close()
}

// check reads the primary's WAL position and the standby's replay
// position, and decides whether the standby may answer.
func (r *replica) check(primary *sqlx.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	now := time.Now()
	var primaryLSN string
	if err := primary.GetContext(ctx, &primaryLSN, `SELECT CAST(pg_current_wal_lsn() AS text)`); err == nil {
		if lsn, ok := parseLSN(primaryLSN); ok {
			r.samples = append(r.samples, walSample{now, lsn})
		}
	}
	// Keep the newest sample at least maxLag old, and those after it.
	for len(r.samples) > 1 && now.Sub(r.samples[1].at) >= r.maxLag {
		r.samples = r.samples[1:]
	}
	var replayed sql.NullString
	err := r.direct.GetContext(ctx, &replayed, `SELECT CAST(pg_last_wal_replay_lsn() AS text)`)
	if err != nil {
		r.healthy.Store(false)
		return
	}
	lsn, ok := parseLSN(replayed.String)
	if !replayed.Valid || !ok {
		r.healthy.Store(false) // not a standby, or nothing replayed yet
		return
	}
	r.healthy.Store(r.withinLag(now, lsn))
}

// withinLag: the standby has replayed at least what the primary had
// written maxLag ago. With no sample that old yet, it must have what the
// oldest sample shows.
func (r *replica) withinLag(now time.Time, replayed uint64) bool {
	if len(r.samples) == 0 {
		return false // the primary's position is unknown: read from the primary
	}
	due := r.samples[0]
	for _, s := range r.samples {
		if now.Sub(s.at) >= r.maxLag {
			due = s
		}
	}
	return replayed >= due.lsn
}

// parseLSN reads PostgreSQL's "16/B374D848" into one number.
func parseLSN(s string) (uint64, bool) {
	hi, lo, ok := strings.Cut(s, "/")
	if !ok {
		return 0, false
	}
	h, err1 := strconv.ParseUint(hi, 16, 32)
	l, err2 := strconv.ParseUint(lo, 16, 32)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return h<<32 | l, true
}

// routingConnector opens the routing pool's connections: to the standby
// when it is healthy, else (or when it cannot be reached) to the primary.
type routingConnector struct {
	standby, primary driver.Connector
	r                *replica
}

func (c *routingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if c.r.healthy.Load() {
		dc, err := connector{c.standby}.Connect(ctx)
		if err == nil {
			return keepWhile(dc, c.r.healthy.Load, func() { c.r.healthy.Store(false) }), nil
		}
		if !errors.Is(err, ErrUnavailable) {
			return nil, err
		}
		c.r.healthy.Store(false)
	}
	dc, err := connector{c.primary}.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return keepWhile(dc, func() bool { return !c.r.healthy.Load() }, nil), nil
}

func (c *routingConnector) Driver() driver.Driver { return c.primary.Driver() }

// keepWhile makes database/sql drop the connection once keep says false
// (the pool then opens one to the right place); down is told of a lost
// connection to the standby, so the next read does not wait for a check.
func keepWhile(dc driver.Conn, keep func() bool, down func()) driver.Conn {
	if c, ok := dc.(*conn); ok {
		c.keep, c.down = keep, down
	}
	return dc
}
