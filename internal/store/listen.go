package store

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// ListenOutbox wakes the search worker: the outbox trigger NOTIFYs
// "search_outbox" in the writing transaction, delivered at commit. The
// channel gets a value (coalesced) per notification and after every
// reconnect, when notifications may have been missed. It closes when ctx ends.
func (s *Store) ListenOutbox(ctx context.Context) (<-chan struct{}, error) {
	wake := make(chan struct{}, 1)
	poke := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	listener := pq.NewListener(s.dsn, 100*time.Millisecond, 10*time.Second, func(ev pq.ListenerEventType, err error) {
		if ev == pq.ListenerEventReconnected {
			poke()
		}
	})
	if err := listener.Listen("search_outbox"); err != nil {
		listener.Close()
		return nil, fmt.Errorf("listen search_outbox: %w", err)
	}
	go func() {
		defer close(wake)
		defer listener.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case n := <-listener.Notify:
				_ = n // nil after a reconnect; either way, look
				poke()
			case <-time.After(90 * time.Second):
				go listener.Ping()
			}
		}
	}()
	return wake, nil
}
